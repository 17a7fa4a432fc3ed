/** Where a query word matched in a text, for snippets. */
export interface MatchSpan {
  start: number;
  end: number;
  /** Index of the query word that matched. */
  word: number;
}

export interface Snippet {
  snippet: string;
  /** [start, end) offsets into `snippet` of the matched words it shows. */
  marks: [number, number][];
}

/** Aim for this many characters of text; cutting at word boundaries moves either end by <= 12. */
export const SNIPPET_LENGTH = 180;
/** The matches a snippet is built around lie within this span, leaving room for context. */
export const CLUSTER_WIDTH = 110;
/** How far to look for a space to cut at, before cutting inside a word. */
const WORD_BOUNDARY_REACH = 12;
const ELLIPSIS = '…';

/**
 * A one-line excerpt of `text` around its best matches: the place where the most different query
 * words are close together, with more context after than before (readers read on). It starts
 * and ends at word boundaries, marked with "…" where text was cut, and whitespace runs
 * (paragraph breaks included) become single spaces.
 */
export function buildSnippet(text: string, spans: readonly MatchSpan[]): Snippet {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const [clusterStart, clusterEnd] = bestCluster(sorted);
  const room = Math.max(0, SNIPPET_LENGTH - (clusterEnd - clusterStart));
  // Matches early in the text are shown from its very beginning rather than after a cut.
  let start =
    clusterEnd <= SNIPPET_LENGTH * 0.6 ? 0 : Math.max(0, clusterStart - Math.floor(room / 3));
  let end = Math.min(text.length, Math.max(clusterEnd, start + SNIPPET_LENGTH));
  if (end === text.length) start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
  start = cutStart(text, start, clusterStart);
  end = cutEnd(text, end, clusterEnd);

  const { collapsed, offsetOf } = collapseWhitespace(text, start, end);
  const lead = /\S/u.test(text.slice(0, start)) ? ELLIPSIS : '';
  const trail = /\S/u.test(text.slice(end)) ? ELLIPSIS : '';
  const marks: [number, number][] = [];
  for (const span of sorted) {
    if (span.start < start || span.end > end) continue;
    const markStart = lead.length + offsetOf(span.start);
    const markEnd = lead.length + offsetOf(span.end);
    const previous = marks[marks.length - 1];
    // Overlapping matches (two query words in one token) become one mark.
    if (previous && markStart <= previous[1]) previous[1] = Math.max(previous[1], markEnd);
    else marks.push([markStart, markEnd]);
  }
  return { snippet: lead + collapsed + trail, marks };
}

/** The [start, end) of the spans that show the most different query words within the width. */
function bestCluster(sorted: readonly MatchSpan[]): [number, number] {
  let best: [number, number] = [0, 0];
  let bestWords = 0;
  for (let first = 0; first < sorted.length; first += 1) {
    const from = sorted[first]?.start ?? 0;
    const words = new Set<number>();
    let to = sorted[first]?.end ?? from;
    for (let at = first; at < sorted.length; at += 1) {
      const span = sorted[at];
      if (!span || span.start >= from + CLUSTER_WIDTH) break;
      if (span.end > from + CLUSTER_WIDTH && at !== first) continue;
      words.add(span.word);
      to = Math.max(to, span.end);
    }
    if (words.size > bestWords) {
      bestWords = words.size;
      best = [from, to];
    }
  }
  return best;
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/u.test(char);

/**
 * Moves a cut so it does not fall inside a word: back to include the word if it is short (the
 * snippet grows a little), else forward, but not past `limit` (the first match).
 */
function cutStart(text: string, start: number, limit: number): number {
  if (start === 0 || isSpace(text[start - 1]) || isSpace(text[start])) return start;
  for (let at = start - 1; at >= Math.max(0, start - WORD_BOUNDARY_REACH); at -= 1) {
    if (isSpace(text[at])) return at + 1;
  }
  for (let at = start; at < Math.min(limit, start + WORD_BOUNDARY_REACH); at += 1) {
    if (isSpace(text[at])) return at + 1;
  }
  return keepSurrogatePair(text, start);
}

/**
 * Moves a cut so it does not fall inside a word: back before it (the snippet shrinks a little),
 * but not before `limit` (the last match), else forward past it.
 */
function cutEnd(text: string, end: number, limit: number): number {
  if (end === text.length || isSpace(text[end - 1]) || isSpace(text[end])) return end;
  for (let at = end - 1; at > Math.max(limit, end - WORD_BOUNDARY_REACH); at -= 1) {
    if (isSpace(text[at])) return at;
  }
  for (let at = end; at < Math.min(text.length, end + WORD_BOUNDARY_REACH); at += 1) {
    if (isSpace(text[at])) return at;
  }
  return keepSurrogatePair(text, end);
}

function keepSurrogatePair(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

/**
 * `text.slice(start, end)` trimmed, with whitespace runs as single spaces, and a map from offsets
 * in `text` to offsets in the result (for the marks).
 */
function collapseWhitespace(
  text: string,
  start: number,
  end: number,
): { collapsed: string; offsetOf: (offset: number) => number } {
  const offsets = new Int32Array(end - start + 1);
  let collapsed = '';
  let pendingSpace = false;
  for (let at = start; at < end; at += 1) {
    const char = text[at] ?? '';
    if (isSpace(char)) {
      pendingSpace = collapsed.length > 0;
      offsets[at - start] = collapsed.length;
      continue;
    }
    if (pendingSpace) collapsed += ' ';
    pendingSpace = false;
    offsets[at - start] = collapsed.length;
    collapsed += char;
  }
  offsets[end - start] = collapsed.length;
  return { collapsed, offsetOf: (offset) => offsets[offset - start] ?? collapsed.length };
}
