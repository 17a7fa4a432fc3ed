/**
 * Case-, accent- and width-insensitive search in the article's text, returning offsets into the
 * original text. Each character is folded on its own, so every folded position maps back.
 */
function foldChar(ch: string): string {
  return ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(i);
  return { folded, map };
}

export interface TextMatch {
  start: number;
  end: number;
}

export function findAll(
  haystack: { folded: string; map: number[] },
  query: string,
  limit = 5000,
): TextMatch[] {
  const needle = Array.from(query.trim().replace(/\s+/g, ' ')).map(foldChar).join('');
  if (!needle) return [];
  const matches: TextMatch[] = [];
  // Any run of whitespace in the text matches a space in the query.
  const pattern = new RegExp(
    needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'),
    'g',
  );
  for (const m of haystack.folded.matchAll(pattern)) {
    if (m[0].length === 0) break;
    const start = haystack.map[m.index] ?? 0;
    const end = haystack.map[m.index + m[0].length] ?? start;
    matches.push({ start, end });
    if (matches.length >= limit) break;
  }
  return matches;
}
