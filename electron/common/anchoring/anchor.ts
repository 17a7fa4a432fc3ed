import type { Selectors } from '../model';
import { matchQuote } from './match-quote';

export interface AnchoredRange {
  start: number;
  end: number;
  /** True when the anchored text is exactly the highlighted quote (not a fuzzy match). */
  exact: boolean;
}

/**
 * Finds where a highlight's selectors point in the article's text, or null when the quoted
 * passage is gone (the highlight is an orphan). The stored position is trusted only if the text
 * there is still the quote; otherwise the quote is searched for, near the old position.
 */
export function anchor(text: string, selectors: Selectors): AnchoredRange | null {
  const [quote, position] = selectors;
  const { start, end } = position;
  if (start >= 0 && end <= text.length && start < end && text.slice(start, end) === quote.exact) {
    return { start, end, exact: true };
  }
  const match = matchQuote(text, quote.exact, {
    prefix: quote.prefix,
    suffix: quote.suffix,
    hint: start,
  });
  if (!match) return null;
  return {
    start: match.start,
    end: match.end,
    exact: text.slice(match.start, match.end) === quote.exact,
  };
}
