export { anchor, type AnchoredRange } from './anchor';
export {
  approxSearch,
  minSubstringDistance,
  scanMatchEnds,
  type ApproxMatch,
} from './approx-match';
export { QUOTE_CONTEXT_LENGTH, describeRange } from './describe';
export {
  MAX_QUOTE_ERRORS,
  MIN_QUOTE_SIMILARITY,
  matchQuote,
  type QuoteContext,
  type QuoteMatch,
} from './match-quote';
