import { approxSearch, minSubstringDistance, type ApproxMatch } from './approx-match';

export interface QuoteContext {
  /** Text expected just before the quote. */
  prefix?: string;
  /** Text expected just after the quote. */
  suffix?: string;
  /** Where the quote is expected to start, e.g. its old position selector. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1: how well the quote, its context and its position agree with the text. */
  score: number;
}

/**
 * A fuzzy match must keep at least this share of the quote: 0.75 allows a typo or a changed word
 * in a sentence, while a short quote (under 4 characters) must match exactly, since with one
 * error "war" also matches "was", "ear" and "wa". Below it the highlight is an orphan: showing it
 * on the wrong words would be worse than not showing it.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * The most edits a fuzzy match may have, whatever the quote's length. It bounds the scan's cost
 * (about text length * errors / 32 steps) for very long quotes; 256 edits is already a rewrite.
 */
export const MAX_QUOTE_ERRORS = 256;

// Relative weights of the evidence for a candidate, as Hypothesis weighs them: the quote itself
// dominates, its context tells repeated quotes apart, position only breaks the remaining ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Finds the best place for `quote` in `text`. Exact occurrences are preferred and told apart by
 * their context; only when there is none does it look for an approximate one (the text was
 * edited). Returns null when nothing is similar enough.
 */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
): QuoteMatch | null {
  if (quote.length === 0) return null;
  let candidates = exactOccurrences(text, quote);
  if (candidates.length === 0) {
    const maxErrors = Math.min(
      MAX_QUOTE_ERRORS,
      Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY)),
    );
    if (maxErrors === 0) return null;
    candidates = approxSearch(text, quote, maxErrors);
  }
  let best: QuoteMatch | null = null;
  for (const candidate of candidates) {
    const score = scoreCandidate(text, quote, candidate, context);
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score };
  }
  return best;
}

function exactOccurrences(text: string, quote: string): ApproxMatch[] {
  const matches: ApproxMatch[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    matches.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return matches;
}

function scoreCandidate(
  text: string,
  quote: string,
  candidate: ApproxMatch,
  { prefix, suffix, hint }: QuoteContext,
): number {
  const quoteScore = 1 - candidate.errors / quote.length;
  const prefixScore = prefix
    ? similarity(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix)
    : 1;
  const suffixScore = suffix
    ? similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix)
    : 1;
  const positionScore =
    hint === undefined || text.length === 0
      ? 1
      : 1 - Math.min(1, Math.abs(candidate.start - hint) / text.length);
  const raw =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * positionScore;
  return raw / TOTAL_WEIGHT;
}

/** 0..1: how much of `expected` can be found, allowing edits, in `actual`. */
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1;
  return 1 - minSubstringDistance(actual, expected) / expected.length;
}
