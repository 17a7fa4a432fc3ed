/**
 * Where exactly a quote starts (or ends) near a rough position. Searching for the quote alone
 * gets its boundaries wrong when its first or last word was edited: with a deleted first word,
 * substituting the words before it is as cheap as deleting it, and the match grows into text that
 * was never highlighted. Aligning the context and the quote's edge together settles it: the
 * boundary is where the best joint alignment passes from one to the other.
 *
 * The alignment charges a gap one extra edit for opening it (Gotoh's affine gaps), so a deleted
 * or inserted word is one gap rather than a few scattered edits that happen to cost the same
 * ("exhibition at" losing its first word must not be read as "…photographs [on] at" losing
 * "on" from the context and "exhibiti" from the quote).
 */

/** How far (in characters) the boundary may be from the rough position given. */
const REACH = 20;

/** Characters of the quote, and of its context, aligned together. */
const EDGE = 40;

// Costs, scaled so that a tie can be broken: an edit costs UNIT, opening a gap one UNIT more,
// and an edit on the context's side one more point, so that of two equally good alignments the
// one keeping the context intact wins (a gap across the boundary, "[on exhibiti]on", is read as
// the quote's first word deleted, "on [exhibition ]").
const UNIT = 16;
const GAP_OPEN = UNIT;
const CONTEXT_BIAS = 1;
const FAR = 1 << 28;

// The three states of an affine alignment: the last step matched (or substituted) a character,
// skipped a pattern character (missing from the text), or skipped a text character (inserted).
const MATCH = 0;
const SKIP_PATTERN = 1;
const SKIP_TEXT = 2;

/**
 * The boundary between `before` and `after` in `text`, near `approx`: aligns `before + after`
 * with the text around `approx` (free to start and end anywhere there) and returns the offset
 * where the alignment leaves `before` and enters `after`. For a quote's start, `before` is its
 * prefix and `after` the quote; for its end, the quote and its suffix. Text inserted at the
 * boundary stays out of the quote, so a highlight does not grow by an inserted word.
 */
export function refineBoundary(
  text: string,
  approx: number,
  before: string,
  after: string,
  edge: 'start' | 'end',
): number {
  const head = before.slice(-EDGE);
  const tail = after.slice(0, EDGE);
  if (head.length === 0 && tail.length === 0) return approx;
  const from = Math.max(0, approx - head.length - REACH);
  const to = Math.min(text.length, approx + tail.length + REACH);
  const pattern = head + tail;
  const m = pattern.length;
  const n = to - from;
  const width = n + 1;

  // Best cost ending in each state, two rows at a time; per cell, the best state (for the
  // traceback) and whether each gap state extended a gap rather than opened one.
  const best = new Uint8Array((m + 1) * width);
  const extended = new Uint8Array((m + 1) * width);
  let rows = newRows(width);
  let next = newRows(width);
  // Row 0: any amount of text may come before the pattern, at no cost.
  rows.match.fill(0);
  rows.skipPattern.fill(FAR);
  rows.skipText.fill(FAR);
  const h = head.length;
  for (let i = 1; i <= m; i += 1) {
    const code = pattern.charCodeAt(i - 1);
    // Rows of the context (the prefix for a start, the suffix for an end) cost a point more.
    const inContext = edge === 'start' ? i <= h : i > h;
    const edit = UNIT + (inContext ? CONTEXT_BIAS : 0);
    // Text inserted right after row h lies between quote and context: no side to charge.
    const insert = UNIT + (inContext && i !== h ? CONTEXT_BIAS : 0);
    next.match[0] = FAR;
    next.skipText[0] = FAR;
    next.skipPattern[0] = GAP_OPEN + i * edit;
    best[i * width] = SKIP_PATTERN;
    extended[i * width] = i > 1 ? 1 : 0;
    for (let j = 1; j <= n; j += 1) {
      const cell = i * width + j;
      // A changed character is a deletion and an insertion (see edit-distance.ts).
      const cost = text.charCodeAt(from + j - 1) === code ? 0 : 2 * edit;
      const match = lowest(rows, j - 1) + cost;
      const openPattern = lowest(rows, j) + GAP_OPEN + edit;
      const extendPattern = (rows.skipPattern[j] ?? FAR) + edit;
      const skipPattern = Math.min(openPattern, extendPattern);
      const openText = lowest(next, j - 1) + GAP_OPEN + insert;
      const extendText = (next.skipText[j - 1] ?? FAR) + insert;
      const skipText = Math.min(openText, extendText);
      next.match[j] = match;
      next.skipPattern[j] = skipPattern;
      next.skipText[j] = skipText;
      extended[cell] = (extendPattern < openPattern ? 1 : 0) | (extendText < openText ? 2 : 0);
      best[cell] =
        match <= skipPattern && match <= skipText
          ? MATCH
          : skipPattern <= skipText
            ? SKIP_PATTERN
            : SKIP_TEXT;
    }
    [rows, next] = [next, rows];
  }

  // Any amount of text may follow the pattern: end where the alignment costs least, nearest
  // `approx` among equals.
  let j = 0;
  for (let k = 1; k <= n; k += 1) {
    const value = lowest(rows, k);
    const incumbent = lowest(rows, j);
    if (
      value < incumbent ||
      (value === incumbent && Math.abs(from + k - approx) < Math.abs(from + j - approx))
    ) {
      j = k;
    }
  }

  // Walk the best path back. It leaves `head`'s last row (row h) for `tail` at the column where
  // a start is (text inserted after the prefix stays out of the quote), and enters that row at
  // the column where an end is (text inserted before the suffix stays out of the quote).
  let i = m;
  let state = i === 0 ? MATCH : (best[i * width + j] ?? MATCH);
  let boundary = -1;
  const record = (): void => {
    if (i === h && (edge === 'end' || boundary === -1)) boundary = j;
  };
  record();
  while (i >= h && i > 0) {
    const cell = i * width + j;
    const flags = extended[cell] ?? 0;
    if (state === MATCH) {
      i -= 1;
      j -= 1;
      state = best[i * width + j] ?? MATCH;
    } else if (state === SKIP_PATTERN) {
      i -= 1;
      if ((flags & 1) === 0) state = best[i * width + j] ?? MATCH;
    } else {
      j -= 1;
      if ((flags & 2) === 0) state = best[i * width + j] ?? MATCH;
    }
    if (i === 0) state = MATCH;
    record();
  }
  return from + (boundary === -1 ? j : boundary);
}

interface Rows {
  match: Int32Array;
  skipPattern: Int32Array;
  skipText: Int32Array;
}

function newRows(width: number): Rows {
  return {
    match: new Int32Array(width),
    skipPattern: new Int32Array(width),
    skipText: new Int32Array(width),
  };
}

function lowest(rows: Rows, j: number): number {
  return Math.min(rows.match[j] ?? FAR, rows.skipPattern[j] ?? FAR, rows.skipText[j] ?? FAR);
}
