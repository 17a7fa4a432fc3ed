/**
 * When a place is good enough to anchor a highlight, and how hard to look. The figures were
 * tuned on the re-anchoring benchmark (tests/bench/anchoring-bench.ts); "errors" are insertions
 * and deletions after whitespace runs are collapsed (see edit-distance.ts).
 */

/**
 * Without context, a fuzzy match must keep at least this share of the quote: 0.75 allows a typo
 * or a changed word in a sentence, while a quote under 4 characters must match exactly (with one
 * error "war" also matches "was", "ear" and "wa"). A partial candidate must keep as much of the
 * part it holds.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * However well the context agrees, at least half of the quote's characters must still be there:
 * a highlight whose words were mostly deleted or rewritten is an orphan, not a highlight of
 * whatever took their place.
 */
export const MIN_QUOTE_SIMILARITY_IN_CONTEXT = 0.5;

/**
 * The least confidence (1 - errors / length, over the quote and the context a candidate uses)
 * for a highlight to be anchored. Unrelated text scores about 0, the quote's own place with a
 * changed word or one side's context gone (its paragraph moved) well above; a short quote found
 * exactly elsewhere, with unrelated text around it, stays far below. Below it the highlight is an
 * orphan: showing it on the wrong words would be worse than not showing it.
 */
export const MIN_CONFIDENCE = 0.5;

/**
 * The most edits a fuzzy search allows, whatever the quote's length: it bounds the scan's cost
 * (about text length * errors / 32 steps), and 256 edits is already a rewrite.
 */
export const MAX_QUOTE_ERRORS = 256;

/**
 * A partial candidate (what is left of a highlight whose paragraphs were separated) must hold at
 * least this share of the quote...
 */
export const MIN_PART_SHARE = 1 / 3;

/**
 * ...and, net of edits, at least this share of the evidence the whole highlight would give
 * (ScoredCandidate.gain over the length of quote and context): a scrap is an orphan.
 */
export const MIN_PART_GAIN = 0.15;

/**
 * The search for quote + context as a whole allows a third of it to differ: enough for a
 * rewritten word inside a short quote plus edits around it, and far below what unrelated text
 * needs (about half).
 */
export const FRAMED_ERROR_SHARE = 1 / 3;

/**
 * Quotes at least this long are searched for by seeds (see seededCandidates), without their
 * context (which adds little to them), and placed whole: a torn edge is a small part of them.
 */
export const LONG_QUOTE = 512;

/** Quotes shorter than this are placed whole or not at all. */
export const MIN_PARTIAL_QUOTE = 40;

/**
 * Parts of a quote are looked for, and candidates cut at paragraph breaks, only when no whole
 * candidate has at least this confidence: a clean match is not torn.
 */
export const TORN_BELOW = 0.95;

/** Candidates (the best ones) whose edges are settled by aligning them with their context. */
export const REFINED_CANDIDATES = 4;

/** Candidates (the best torn ones) cut at the paragraph breaks inside them. */
export const SPLIT_CANDIDATES = 2;

/** Heads and tails (the best of each) tried together as a highlight that lost its middle. */
export const JOINED_PARTS = 4;

/** Bound on the alignment work of cutting a candidate (quote length * band width). */
export const MAX_SPLIT_WORK = 2_000_000;

/** How far a highlight's edge may move to the paragraph edge it had. */
export const PARAGRAPH_EDGE_REACH = 40;

/**
 * How much more evidence (a share of the quote and context's length, position included) the best
 * place needs than any other place to be chosen: a tenth, about the worth of a few edited words
 * in a sentence-long highlight. Closer than that, the highlight is an orphan (see ambiguity.ts).
 */
export const AMBIGUITY_MARGIN = 0.1;
