/**
 * How far a quote continues from a known starting point (or back from a known end): the longest
 * stretch worth keeping when part of a highlight was moved away or rewritten beyond recognition.
 */

/** How far (in gain) an extension may fall behind its best before it stops. */
const X_DROP = 64;

export interface Extension {
  /** Characters of the text covered, from `at` outwards. */
  textLength: number;
  /** Characters of the pattern covered, from its start ('after') or its end ('before'). */
  patternLength: number;
  /** Insertions and deletions between the two covered stretches. */
  errors: number;
}

/**
 * Aligns `pattern` with the text starting at `at` ('after': pattern read forwards from its
 * start) or ending at `at` ('before': read backwards from its end), and keeps the stretch with
 * the best gain: pattern characters covered minus twice the insertions and deletions (see
 * edit-distance.ts). A stretch of unrelated text (about one of those per character) lowers the
 * gain, so the alignment stops where the quote stops matching. Cells further than `maxErrors` from the diagonal are not computed. `accept` limits
 * where the stretch may stop (pattern and text lengths covered), e.g. to paragraph breaks.
 */
export function extendMatch(
  text: string,
  at: number,
  pattern: string,
  side: 'before' | 'after',
  maxErrors: number,
  accept: (patternLength: number, textLength: number) => boolean = () => true,
  maxTextLength = Infinity,
): Extension {
  const m = pattern.length;
  const k = Math.max(0, Math.floor(maxErrors));
  const available = side === 'after' ? text.length - at : at;
  const n = Math.max(0, Math.min(available, m + k, maxTextLength));
  const far = m + n + 1;
  const best: Extension = { textLength: 0, patternLength: 0, errors: 0 };
  let bestGain = 0;
  let bestAnywhere = 0;
  // The text and the pattern in the order the alignment reads them.
  const textCodes = new Uint16Array(n + 1);
  for (let j = 1; j <= n; j += 1) {
    textCodes[j] = side === 'after' ? text.charCodeAt(at + j - 1) : text.charCodeAt(at - j);
  }
  let previous = new Int32Array(n + 1).fill(far);
  let current = new Int32Array(n + 1).fill(far);
  for (let j = 0; j <= Math.min(n, k); j += 1) previous[j] = j;
  for (let i = 1; i <= m; i += 1) {
    const from = Math.max(0, i - k);
    const to = Math.min(n, i + k);
    current.fill(far, Math.max(0, from - 1), Math.min(n + 1, to + 2));
    const code = side === 'after' ? pattern.charCodeAt(i - 1) : pattern.charCodeAt(m - i);
    let rowMin = far;
    let left = from > 0 ? far : i;
    if (from === 0) {
      current[0] = i;
      rowMin = i;
    }
    for (let j = Math.max(1, from); j <= to; j += 1) {
      // Insertions and deletions only (see edit-distance.ts): a character matches or is skipped.
      const up = (previous[j] as number) + 1;
      const diagonal = textCodes[j] === code ? (previous[j - 1] as number) : far;
      let value = left + 1;
      if (up < value) value = up;
      if (diagonal < value) value = diagonal;
      current[j] = value;
      left = value;
      if (value < rowMin) rowMin = value;
      const gain = i - 2 * value;
      if (gain > bestGain && accept(i, j)) {
        bestGain = gain;
        best.textLength = j;
        best.patternLength = i;
        best.errors = value;
      }
    }
    // Edits never go away along an alignment: past this row the gain can't beat the best.
    if (m - 2 * rowMin <= bestGain) break;
    // Nor, in practice, once the alignment has fallen far behind its best (X-drop, as BLAST
    // extends its hits): the quote has stopped matching here.
    const rowGain = i - 2 * rowMin;
    if (rowGain > bestAnywhere) bestAnywhere = rowGain;
    else if (rowGain < bestAnywhere - X_DROP) break;
    [previous, current] = [current, previous];
  }
  return best;
}
