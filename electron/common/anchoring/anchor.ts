import type { Selectors } from '../model';
import { matchQuote } from './match-quote';
import { collapseWithOffsets, type CollapsedText } from './normalize';

export interface AnchoredRange {
  start: number;
  end: number;
  /** True when the anchored text is exactly the highlighted quote (not a fuzzy match). */
  exact: boolean;
  /** 0..1: the evidence for this place (see QuoteMatch.score); 1 when nothing changed. */
  score: number;
}

/**
 * A text prepared for anchoring many highlights: its collapsed form is built once, on first need
 * (an unchanged article never needs it).
 */
export interface AnchorText {
  readonly text: string;
  collapsed(): CollapsedText;
}

export function prepareAnchorText(text: string): AnchorText {
  let collapsed: CollapsedText | null = null;
  return {
    text,
    collapsed: () => (collapsed ??= collapseWithOffsets(text)),
  };
}

// The reader anchors every highlight of one article against the same text in a row: keep the
// last prepared text (one article's, no more) rather than collapsing it once per highlight.
let lastPrepared: AnchorText | null = null;

/**
 * Finds where a highlight's selectors point in the article's text, or null when the quoted
 * passage is gone or can't be told apart with confidence (the highlight is an orphan).
 *
 * The stored position is trusted when the text there is still the quote with its prefix and
 * suffix around it. Otherwise every place the quote or its context suggests is scored together
 * (see matchQuote), nearness to the old position counting a little.
 */
export function anchor(
  text: string | AnchorText,
  selectors: Selectors,
  /** Where the highlight should now start, when known better than its stored position. */
  hint?: number,
  /** The hint's passages confirm it (see PositionMap): it may outweigh a better fit elsewhere. */
  hintConfirmed = false,
): AnchoredRange | null {
  const prepared = typeof text === 'string' ? cached(text) : text;
  const raw = prepared.text;
  const [quote, position] = selectors;
  const { start, end } = position;
  if (
    start >= quote.prefix.length &&
    end <= raw.length &&
    start < end &&
    raw.slice(start, end) === quote.exact &&
    raw.slice(start - quote.prefix.length, start) === quote.prefix &&
    raw.slice(end, end + quote.suffix.length) === quote.suffix
  ) {
    return { start, end, exact: true, score: 1 };
  }
  const match = matchQuote(prepared.collapsed(), quote.exact, {
    prefix: quote.prefix,
    suffix: quote.suffix,
    hint: hint ?? start,
    ...(hint === undefined ? {} : { mappedHint: true }),
    ...(hintConfirmed ? { confirmedHint: true } : {}),
  });
  if (!match) return null;
  return {
    start: match.start,
    end: match.end,
    exact: raw.slice(match.start, match.end) === quote.exact,
    score: match.score,
  };
}

function cached(text: string): AnchorText {
  if (lastPrepared?.text !== text) lastPrepared = prepareAnchorText(text);
  return lastPrepared;
}
