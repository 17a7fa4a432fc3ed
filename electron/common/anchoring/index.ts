export { anchor, prepareAnchorText, type AnchorText, type AnchoredRange } from './anchor';
export {
  approxSearch,
  minSubstringDistance,
  scanMatchEnds,
  type ApproxMatch,
} from './approx-match';
export { QUOTE_CONTEXT_LENGTH, describeRange } from './describe';
export {
  MAX_QUOTE_ERRORS,
  MIN_CONFIDENCE,
  MIN_QUOTE_SIMILARITY,
  MIN_QUOTE_SIMILARITY_IN_CONTEXT,
  matchQuote,
  type QuoteContext,
  type QuoteMatch,
} from './match-quote';
export {
  reanchorHighlights,
  type AnchorStatus,
  type HighlightToReanchor,
  type ReanchorResult,
} from './reanchor';
