import type { Selectors } from '../model';

/**
 * How much text either side of a highlight the quote selector keeps. Enough to tell repeated
 * quotes apart, short enough to survive nearby edits (Hypothesis uses the same 32).
 */
export const QUOTE_CONTEXT_LENGTH = 32;

/**
 * Describes `text.slice(start, end)` with a quote selector (the exact text plus some context) and
 * a position selector. The quote is what re-anchoring relies on when the text changes; the
 * position is the fast path when it has not.
 */
export function describeRange(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range offsets must be integers, got ${start}..${end}`);
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Invalid range ${start}..${end} in a text of length ${text.length}`);
  }
  const prefixStart = avoidSplitPair(text, Math.max(0, start - QUOTE_CONTEXT_LENGTH), +1);
  const suffixEnd = avoidSplitPair(text, Math.min(text.length, end + QUOTE_CONTEXT_LENGTH), -1);
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/**
 * Moves a context cut by one code unit when it would fall inside a surrogate pair, so the stored
 * prefix and suffix never hold half an emoji (which JSON and UTF-8 files mangle).
 */
function avoidSplitPair(text: string, offset: number, direction: 1 | -1): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splitsPair ? offset + direction : offset;
}
