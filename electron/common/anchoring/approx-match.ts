/**
 * Approximate string matching: where does `pattern` occur in `text` with at most k edits
 * (insertions, deletions, substitutions of UTF-16 code units)?
 *
 * The scan is Myers' bit-parallel algorithm ("A fast bit-vector algorithm for approximate string
 * matching based on dynamic programming", J. ACM 46(3), 1999): it computes the classic edit
 * distance matrix one column per text character, 32 pattern rows per machine word. Patterns
 * longer than 32 characters are split into blocks of 32 rows, and Ukkonen's cut-off only computes
 * the blocks that can still hold a value <= k, so a scan costs about O(n * k / 32) rather than
 * O(n * m / 32). This is the approach of the `approx-string-match` package Hypothesis uses.
 */

export interface ApproxMatch {
  start: number;
  end: number;
  /** Edits between the pattern and `text.slice(start, end)`. */
  errors: number;
}

const WORD = 32;

/**
 * Calls `visit(end, errors)` for every end offset at which some substring `text.slice(s, end)`
 * is within `maxErrors` edits of `pattern`, with the fewest such edits. Ends come in increasing
 * order.
 */
export function scanMatchEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  visit: (end: number, errors: number) => void,
): void {
  const m = pattern.length;
  if (m === 0) return;
  const k = Math.min(Math.max(0, Math.floor(maxErrors)), m);
  const lastBlock = Math.ceil(m / WORD) - 1;
  const peq = patternMasks(pattern, lastBlock);
  const noMatch = new Int32Array(lastBlock + 1);
  // Most text is Latin: a direct table for the first 256 codes saves a map lookup per character.
  const latin: Int32Array[] = Array.from({ length: 256 }, (_, code) => peq.get(code) ?? noMatch);
  const lastRow = new Int32Array(lastBlock + 1).fill(1 << 31);
  lastRow[lastBlock] = 1 << ((m - 1) % WORD);

  // Vertical deltas of the current column, per block: bit i of `plus` is set when row i is one
  // more than the row above it, bit i of `minus` when it is one less.
  const plus = new Int32Array(lastBlock + 1);
  const minus = new Int32Array(lastBlock + 1);
  // The matrix value in the last row of each active block.
  const score = new Int32Array(lastBlock + 1);

  // Column 0 holds 0, 1, 2, ... m: only rows up to k can be <= k, so only their blocks start active.
  let active = Math.max(0, Math.ceil(k / WORD) - 1);
  for (let b = 0; b <= active; b += 1) {
    plus[b] = -1;
    minus[b] = 0;
    score[b] = Math.min((b + 1) * WORD, m);
  }

  // One column step for block b given the horizontal delta entering its top row; returns the
  // delta leaving its last row (Myers 1999, fig. 7 and 8).
  const advance = (eqs: Int32Array, b: number, deltaIn: number): number => {
    const pv = plus[b] ?? 0;
    const mv = minus[b] ?? 0;
    const mask = lastRow[b] ?? 0;
    const eq = (eqs[b] ?? 0) | (deltaIn < 0 ? 1 : 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const deltaOut = (ph & mask) !== 0 ? 1 : (mh & mask) !== 0 ? -1 : 0;
    ph <<= 1;
    mh <<= 1;
    if (deltaIn < 0) mh |= 1;
    else if (deltaIn > 0) ph |= 1;
    plus[b] = mh | ~(xv | ph);
    minus[b] = ph & xv;
    return deltaOut;
  };

  for (let j = 0; j < text.length; j += 1) {
    const code = text.charCodeAt(j);
    const eqs = (code < 256 ? latin[code] : peq.get(code)) ?? noMatch;
    // The top row of a search is all zeros (a match may start anywhere): no delta enters block 0.
    let carry = 0;
    for (let b = 0; b <= active; b += 1) {
      carry = advance(eqs, b, carry);
      score[b] = (score[b] ?? 0) + carry;
    }
    const lastScore = score[active] ?? 0;
    if (
      active < lastBlock &&
      lastScore - carry <= k &&
      (((eqs[active + 1] ?? 0) & 1) !== 0 || carry < 0)
    ) {
      // The first row of the next block can now be <= k: bring it in, as if its previous column
      // had been all "too far" (each row one more than the one above).
      active += 1;
      plus[active] = -1;
      minus[active] = 0;
      const rows = active === lastBlock ? m - active * WORD : WORD;
      score[active] = lastScore - carry + rows + advance(eqs, active, carry);
    } else {
      // A block whose last row is >= k + 32 holds no value <= k: stop computing it.
      while (active > 0 && (score[active] ?? 0) >= k + WORD) active -= 1;
    }
    const errors = score[active] ?? 0;
    if (active === lastBlock && errors <= k) visit(j + 1, errors);
  }
}

/**
 * The approximate occurrences of `pattern` in `text` with at most `maxErrors` edits: one per
 * region of the text where it matches (the lowest-error end in each run of adjacent match ends),
 * the `maxMatches` best of them, in text order. Callers score them further, e.g. by context.
 */
export function approxSearch(
  text: string,
  pattern: string,
  maxErrors: number,
  maxMatches = 64,
): ApproxMatch[] {
  const ends: { end: number; errors: number }[] = [];
  let previousEnd = -2;
  scanMatchEnds(text, pattern, maxErrors, (end, errors) => {
    const run = ends[ends.length - 1];
    if (run && end === previousEnd + 1) {
      // Of equally good ends keep the last, the longest match: a replaced final character
      // belongs to the match.
      if (errors <= run.errors) {
        run.end = end;
        run.errors = errors;
      }
    } else {
      ends.push({ end, errors });
    }
    previousEnd = end;
  });
  const best = ends
    .sort((a, b) => a.errors - b.errors || a.end - b.end)
    .slice(0, maxMatches)
    .sort((a, b) => a.end - b.end);
  return best.map(({ end, errors }) => ({
    start: matchStart(text, pattern, end, errors),
    end,
    errors,
  }));
}

/** The fewest edits that turn `pattern` into some substring of `text` (0 for an empty pattern). */
export function minSubstringDistance(text: string, pattern: string): number {
  let best = pattern.length;
  scanMatchEnds(text, pattern, pattern.length, (_end, errors) => {
    if (errors < best) best = errors;
  });
  return best;
}

/**
 * Where a match ending at `end` with `errors` edits starts. The forward scan only knows ends, so
 * this aligns the reversed pattern against the text backwards from `end`, within the diagonal band
 * |i - j| <= errors (cells outside it cost more than `errors`). Of equally good starts it picks
 * the earliest, i.e. the longest match, so a replaced first character is part of the match.
 */
function matchStart(text: string, pattern: string, end: number, errors: number): number {
  const m = pattern.length;
  const e = errors;
  const width = 2 * e + 1;
  const maxJ = Math.min(end, m + e);
  const far = m + e + 1;
  // Row i of the band: index d holds D[i][j] for j = i + d - e, where D[i][j] is the distance
  // between the last i characters of the pattern and the j characters before `end`.
  let previous = new Int32Array(width).fill(far);
  let current = new Int32Array(width).fill(far);
  for (let j = 0; j <= Math.min(e, maxJ); j += 1) previous[j + e] = j;
  for (let i = 1; i <= m; i += 1) {
    current.fill(far);
    const patternChar = pattern.charCodeAt(m - i);
    for (let d = 0; d < width; d += 1) {
      const j = i + d - e;
      if (j < 0 || j > maxJ) continue;
      let value = (previous[d + 1] ?? far) + 1;
      if (j > 0) {
        const diagonal = (previous[d] ?? far) + (text.charCodeAt(end - j) === patternChar ? 0 : 1);
        const left = (d > 0 ? (current[d - 1] ?? far) : far) + 1;
        value = Math.min(value, diagonal, left);
      } else {
        value = Math.min(value, i);
      }
      current[d] = value;
    }
    [previous, current] = [current, previous];
  }
  for (let d = width - 1; d >= 0; d -= 1) {
    const j = m + d - e;
    if (j >= 0 && j <= maxJ && (previous[d] ?? far) <= errors) return end - j;
  }
  return Math.max(0, end - m);
}

/** For each character code in the pattern, the rows (bits, per 32-row block) where it occurs. */
function patternMasks(pattern: string, lastBlock: number): Map<number, Int32Array> {
  const masks = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i += 1) {
    const code = pattern.charCodeAt(i);
    let mask = masks.get(code);
    if (!mask) {
      mask = new Int32Array(lastBlock + 1);
      masks.set(code, mask);
    }
    const block = Math.floor(i / WORD);
    mask[block] = (mask[block] ?? 0) | (1 << (i % WORD));
  }
  return masks;
}
