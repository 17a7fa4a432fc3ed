import type { Candidate } from './candidates';
import { commonLength, contextDistance } from './edit-distance';

/**
 * What a partial candidate leaves out of the quote counts against it, at a quarter of what a
 * deleted character costs a whole candidate (2 gain): a torn-off piece beats the whole quote
 * spread over unrelated text, but a part does not win merely by leaving out edited words.
 */
const UNCLAIMED_COST = 0.5;

/** What the scorer needs to know about the quote being placed. */
export interface ScoringRules {
  /** Least share of the quote's characters a whole-quote candidate must hold. */
  minQuoteSimilarity: number;
  /** Least share of its part of the quote a partial candidate must hold. */
  minPartSimilarity: number;
  /** Least share of the quote a partial candidate must cover. */
  minPartShare: number;
  /**
   * Least gain of a partial candidate, as a share of the quote and context's length: what is
   * left of the highlight must still be substantial evidence, not a scrap of it.
   */
  minPartGain: number;
  /** Least confidence (see ScoredCandidate) a candidate must have. */
  minConfidence: number;
}

export interface ScoredCandidate {
  start: number;
  end: number;
  /**
   * Characters of evidence: the length of the quote (or its part) and of each context used,
   * minus twice the insertions and deletions that separate them from the text here. Unrelated
   * text costs about one per character, so it counts against a candidate; the best candidate is
   * the one with the most gain.
   */
  gain: number;
  /**
   * 1 minus those insertions and deletions over the length of the quote and the context used:
   * 1 for an exact match, about 0 for unrelated text.
   */
  confidence: number;
  /** Insertions and deletions between the quote (or its part) and the text here. */
  quoteErrors: number;
  part?: Candidate['part'];
  /** Whether the candidate keeps enough of the quote and its context to be trusted. */
  acceptable: boolean;
}

/** Scores candidates (offsets into the collapsed text) against one quote and its context. */
export class CandidateScorer {
  private readonly seen = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly quote: string,
    private readonly prefix: string,
    private readonly suffix: string,
    private readonly rules: ScoringRules,
  ) {}

  /** Scores `candidate`, or returns null if the same range was scored before. */
  score(candidate: Candidate): ScoredCandidate | null {
    const { start, end, part } = candidate;
    const key = `${start}:${end}:${part ? `${part.side}:${part.text.length}` : 'whole'}`;
    if (this.seen.has(key)) return null;
    this.seen.add(key);

    const quotePart = part ? part.text : this.quote;
    const quoteLength = quotePart.length;
    const minSimilarity = part ? this.rules.minPartSimilarity : this.rules.minQuoteSimilarity;
    const found = commonLength(quotePart, this.text.slice(start, end));
    const quoteErrors = quoteLength + (end - start) - 2 * found;

    // A partial candidate only vouches for the context on its own side.
    const prefix = part?.side === 'tail' ? '' : this.prefix;
    const suffix = part?.side === 'head' ? '' : this.suffix;
    // Context is compared with a little slack (a quarter of it) for inserted words.
    const slack = (context: string): number => Math.ceil(context.length / 4) + 2;
    const prefixErrors = contextDistance(this.text, start, prefix, 'before', slack(prefix));
    const suffixErrors = contextDistance(this.text, end, suffix, 'after', slack(suffix));

    const total = quoteLength + prefix.length + suffix.length;
    const errors = quoteErrors + prefixErrors + suffixErrors;
    const confidence = total === 0 ? 0 : 1 - errors / total;
    const unclaimed = this.quote.length - quoteLength;
    const gain = total - 2 * errors - UNCLAIMED_COST * unclaimed;
    const fullLength = this.quote.length + this.prefix.length + this.suffix.length;
    const acceptable =
      found >= minSimilarity * quoteLength &&
      confidence >= this.rules.minConfidence &&
      (!part ||
        (quoteLength >= this.rules.minPartShare * this.quote.length &&
          gain >= this.rules.minPartGain * fullLength));
    return {
      start,
      end,
      gain,
      confidence,
      quoteErrors,
      acceptable,
      ...(part ? { part } : {}),
    };
  }
}
