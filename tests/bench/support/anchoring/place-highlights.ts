import type { Random } from './random';

export type HighlightKind = 'short' | 'long' | 'multi-paragraph';

export interface PlacedHighlight {
  id: string;
  kind: HighlightKind;
  /** Offsets into the original text, from the first character of a word to the last of one. */
  start: number;
  end: number;
}

interface Word {
  start: number;
  end: number;
}

/**
 * Random highlights over whole words, as a reader makes them: short (1–5 words), long (20–60
 * words) and multi-paragraph (1–20 words either side of a line break), a third of each. A page
 * with fewer words, or no line break, gets the longest highlights it has room for.
 */
export function placeHighlights(text: string, count: number, random: Random): PlacedHighlight[] {
  const words: Word[] = [...text.matchAll(/\S+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (words.length === 0) return [];
  // Word i is the last of its paragraph when a line break follows it.
  const breaksAfter = words.flatMap((word, i) => {
    const next = words[i + 1];
    return next && text.slice(word.end, next.start).includes('\n') ? [i] : [];
  });
  const span = (first: number, length: number): [number, number] => {
    const from = Math.max(0, Math.min(first, words.length - length));
    const to = Math.min(words.length - 1, from + length - 1);
    return [words[from]!.start, words[to]!.end];
  };
  const highlights: PlacedHighlight[] = [];
  for (let n = 0; n < count; n += 1) {
    const wanted: HighlightKind = (['short', 'long', 'multi-paragraph'] as const)[n % 3]!;
    const kind = wanted === 'multi-paragraph' && breaksAfter.length === 0 ? 'short' : wanted;
    let range: [number, number];
    if (kind === 'short') {
      const length = random.int(1, 5);
      range = span(random.int(0, words.length - 1), length);
    } else if (kind === 'long') {
      const length = random.int(20, 60);
      range = span(random.int(0, Math.max(0, words.length - length)), length);
    } else {
      const lastBefore = random.pick(breaksAfter);
      const before = random.int(1, 20);
      const after = random.int(1, 20);
      range = span(lastBefore - before + 1, before + after);
    }
    highlights.push({ id: `h${n}`, kind, start: range[0], end: range[1] });
  }
  return highlights;
}
