import {
  exactCandidates,
  framedCandidates,
  fuzzyQuoteCandidates,
  seededCandidates,
  type Candidate,
} from './candidates';
import {
  joinedCandidates,
  paragraphEdgeCandidates,
  partialCandidates,
  splitCandidates,
} from './parts';
import { isAmbiguous } from './ambiguity';
import { bonusFor, type Bonus } from './bonus';
import { refineBoundary } from './boundary';
import { continuesPastCut, edgesConfirmed, snapToWords } from './edge-evidence';
import { CandidateScorer, type ScoredCandidate } from './score';
import {
  collapseWhitespace,
  collapseWithOffsets,
  toRawRange,
  type CollapsedText,
} from './normalize';
import {
  AMBIGUITY_MARGIN,
  FRAMED_ERROR_SHARE,
  JOINED_PARTS,
  LONG_QUOTE,
  MAX_QUOTE_ERRORS,
  MAX_SPLIT_WORK,
  MIN_CONFIDENCE,
  MIN_PART_GAIN,
  MIN_PART_SHARE,
  MIN_PARTIAL_QUOTE,
  MIN_QUOTE_SIMILARITY,
  MIN_QUOTE_SIMILARITY_IN_CONTEXT,
  PARAGRAPH_EDGE_REACH,
  REFINED_CANDIDATES,
  SPLIT_CANDIDATES,
  TORN_BELOW,
} from './thresholds';

export interface QuoteContext {
  /** Text expected just before the quote. */
  prefix?: string;
  /** Text expected just after the quote. */
  suffix?: string;
  /** Where the quote is expected to start (an offset into the text), e.g. its old position. */
  hint?: number;
  /** The hint was carried over from the old text (see position-map.ts), not just copied. */
  mappedHint?: boolean;
  /**
   * The mapped hint is confirmed by passages near it (see PositionMap). An unconfirmed one may
   * point at the wrong copy of a repeated passage: it breaks ties, but a place chosen by it over
   * one whose text fits better is a guess (see ambiguity.ts), and the highlight an orphan.
   */
  confirmedHint?: boolean;
}

export interface QuoteMatch {
  /** Offsets into the text searched. */
  start: number;
  end: number;
  /**
   * 0..1: the evidence found here (ScoredCandidate.gain) over the length of the quote and its
   * context. An exact quote with exactly its context scores 1.
   */
  score: number;
  /** 1 - errors / length over the quote (or its part) and the context it uses (see thresholds). */
  confidence: number;
  /** Insertions and deletions between the quote (or its part) and the matched text. */
  quoteErrors: number;
  /**
   * `whole` when the match holds the whole quote (edited or not); otherwise which part of it
   * is left here, the rest moved away or gone (see Candidate.part).
   */
  part: 'whole' | 'head' | 'tail' | 'joined';
}

/** One quote being placed: the text, the quote and its context, and the candidates so far. */
interface Search {
  text: CollapsedText;
  quote: CollapsedText;
  prefix: string;
  suffix: string;
  /** Errors allowed when searching for the quote alone. */
  budget: number;
  scored: ScoredCandidate[];
  consider(candidates: readonly Candidate[]): void;
  /** The `count` candidates with the most gain among those that pass `filter`. */
  best(count: number, filter: (c: ScoredCandidate) => boolean): ScoredCandidate[];
}

/**
 * Finds the best place for `quote` in `text`. Every candidate — exact occurrences, approximate
 * occurrences of the quote, places where the quote with its context occurs, and for a highlight
 * torn by a moved paragraph what is left of it next to its prefix or suffix — is scored together
 * by how much of the quote and its context it keeps (see ScoredCandidate.gain), so an exact copy
 * elsewhere does not beat a slightly edited quote in its own surroundings, and context can
 * outweigh a difference of an edit or two. Whitespace runs count as one space; the old position
 * and paragraph edges count a little (see bonus.ts). Returns null when no place is confident
 * enough (see MIN_CONFIDENCE).
 */
export function matchQuote(
  text: string | CollapsedText,
  quote: string,
  context: QuoteContext = {},
): QuoteMatch | null {
  const collapsed = typeof text === 'string' ? collapseWithOffsets(text) : text;
  const quoteText = collapseWithOffsets(quote);
  if (quoteText.text.trim().length === 0) return null;
  const prefix = collapseWhitespace(context.prefix ?? '');
  const suffix = collapseWhitespace(context.suffix ?? '');
  const fullLength = quoteText.text.length + prefix.length + suffix.length;
  const bonus = bonusFor(collapsed, context, fullLength);
  const search = startSearch(collapsed, quoteText, prefix, suffix);

  search.consider(exactCandidates(collapsed.text, quoteText.text, prefix, suffix, bonus.distance));
  // An exact quote with its whole context at the old position can't be beaten by any edited
  // version of it (nor by one nearer the old position by less than an edit's worth).
  const perfect = search.scored.some(
    (c) => c.acceptable && c.gain === fullLength && bonus.maxPosition - bonus.position(c.start) < 2,
  );
  if (!perfect) {
    findWhole(search);
    if (isTorn(search)) findParts(search);
    settleEdges(search, bonus);
  }

  const value = (c: ScoredCandidate): number =>
    c.gain + bonus.position(c.start) + bonus.paragraphEdges(c.start, c.end);
  const acceptable = search.scored.filter((c) => c.acceptable);
  const best = choose(acceptable, value);
  const places = acceptable.map((c) => ({
    start: c.start,
    end: c.end,
    gain: c.gain,
    value: value(c),
  }));
  const unambiguous =
    best &&
    !isAmbiguous(
      { ...best, value: value(best) },
      places,
      context.mappedHint && !context.confirmedHint ? Infinity : AMBIGUITY_MARGIN * fullLength,
    );
  const chosen = best && unambiguous && confirmed(search, best);
  if (!chosen) return null;
  const range = toRawRange(collapsed, chosen.start, chosen.end, {
    start: /^\s/.test(quote),
    end: /\s$/.test(quote),
  });
  return {
    ...range,
    score: Math.max(0, chosen.gain) / fullLength,
    confidence: chosen.confidence,
    quoteErrors: chosen.quoteErrors,
    part: chosen.part?.side ?? 'whole',
  };
}

function startSearch(
  text: CollapsedText,
  quote: CollapsedText,
  prefix: string,
  suffix: string,
): Search {
  const scorer = new CandidateScorer(text.text, quote.text, prefix, suffix, {
    minQuoteSimilarity: MIN_QUOTE_SIMILARITY_IN_CONTEXT,
    minPartSimilarity: MIN_QUOTE_SIMILARITY,
    minPartShare: MIN_PART_SHARE,
    minPartGain: MIN_PART_GAIN,
    minConfidence: MIN_CONFIDENCE,
  });
  const scored: ScoredCandidate[] = [];
  return {
    text,
    quote,
    prefix,
    suffix,
    budget: errorBudget(quote.text.length, 1 - MIN_QUOTE_SIMILARITY),
    scored,
    consider: (candidates) => {
      for (const candidate of candidates) {
        const result = scorer.score(candidate);
        if (result) scored.push(result);
      }
    },
    best: (count, filter) =>
      scored
        .filter(filter)
        .sort((a, b) => b.gain - a.gain)
        .slice(0, count),
  };
}

function errorBudget(length: number, share: number): number {
  return Math.min(MAX_QUOTE_ERRORS, Math.floor(length * share));
}

/** The quote, edited, anywhere: alone, and (a short one) together with its context. */
function findWhole(search: Search): void {
  const { text, quote, prefix, suffix, budget } = search;
  const q = quote.text;
  if (q.length >= LONG_QUOTE) {
    search.consider(seededCandidates(text.text, q, budget));
    return;
  }
  search.consider(fuzzyQuoteCandidates(text.text, q, budget));
  const framedLength = prefix.length + q.length + suffix.length;
  search.consider(
    framedCandidates(text.text, q, prefix, suffix, errorBudget(framedLength, FRAMED_ERROR_SHARE)),
  );
}

/** No whole candidate is clean: the highlight may have been torn by a moved paragraph. */
function isTorn(search: Search): boolean {
  const q = search.quote.text;
  const bestWhole = Math.max(
    0,
    ...search.scored.filter((c) => c.acceptable).map((c) => c.confidence),
  );
  return (
    bestWhole < TORN_BELOW &&
    q.length >= MIN_PARTIAL_QUOTE &&
    q.length < LONG_QUOTE &&
    search.quote.lineBreaks.includes(1)
  );
}

/** What is left of a torn highlight next to its prefix or suffix, or both around a gap. */
function findParts(search: Search): void {
  const { text, quote, prefix, suffix, budget } = search;
  search.consider(partialCandidates(text, quote.text, prefix, suffix, FRAMED_ERROR_SHARE, budget));
  const side = (name: string): ScoredCandidate[] =>
    search.best(JOINED_PARTS, (c) => c.part?.side === name);
  search.consider(joinedCandidates(text, quote.text, side('head'), side('tail')));
}

/**
 * The searches place a quote's edges roughly: settle them for the best candidates by aligning
 * them with their context, cut torn ones at the paragraph breaks inside them, and move them to
 * the paragraph edges the highlight had.
 */
function settleEdges(search: Search, bonus: Bonus): void {
  const { text, quote, prefix, suffix, budget } = search;
  const q = quote.text;
  const edited = (c: ScoredCandidate): boolean => c.quoteErrors > 0;
  search.consider(
    search
      .best(REFINED_CANDIDATES, edited)
      .flatMap((c) => refined(text.text, c, q, prefix, suffix)),
  );
  if (q.length * (2 * budget + 1) <= MAX_SPLIT_WORK) {
    const minPart = Math.ceil(MIN_PART_SHARE * q.length);
    search.consider(
      search
        .best(SPLIT_CANDIDATES, (c) => c.confidence < TORN_BELOW)
        .flatMap((c) => splitCandidates(text, q, c, minPart, budget)),
    );
  }
  if (bonus.edges.start || bonus.edges.end) {
    const reach = Math.min(PARAGRAPH_EDGE_REACH, Math.ceil(q.length / 4));
    search.consider(
      search
        .best(REFINED_CANDIDATES, edited)
        .flatMap((c) => paragraphEdgeCandidates(text, c, bonus.edges, reach)),
    );
  }
}

/**
 * `candidate` with its edges placed by aligning the quote's edges with their context (see
 * refineBoundary): a whole quote at both edges, a partial one at the edge its context is on.
 */
function refined(
  text: string,
  candidate: ScoredCandidate,
  quote: string,
  prefix: string,
  suffix: string,
): Candidate[] {
  const { part } = candidate;
  const start =
    part?.side === 'tail'
      ? candidate.start
      : refineBoundary(text, candidate.start, prefix, quote, 'start');
  const end =
    part?.side === 'head'
      ? candidate.end
      : refineBoundary(text, candidate.end, quote, suffix, 'end');
  return end > start ? [{ start, end, ...(part ? { part } : {}) }] : [];
}

/**
 * Whether the chosen place's edges are confirmed by the quote's (or its part's) outermost words
 * or its context (see edge-evidence.ts): the best place with unconfirmed edges is a guess, and
 * the highlight an orphan, rather than a lesser place (a part of it) winning instead.
 */
function confirmed(search: Search, chosen: ScoredCandidate): ScoredCandidate | null {
  const { part } = chosen;
  const q = search.quote.text;
  const quote = part ? part.text : q;
  const prefix = part?.side === 'tail' ? '' : search.prefix;
  const suffix = part?.side === 'head' ? '' : search.suffix;
  // Whether the highlight's (or its part's) edges fell between words in the old text.
  const before = part?.side === 'tail' ? q.slice(0, q.length - quote.length) : search.prefix;
  const after = part?.side === 'head' ? q.slice(quote.length) : search.suffix;
  const atWord = {
    start: /\S/.test(quote[0] ?? '') && /(^|\s)$/.test(before),
    end: /\S/.test(quote.at(-1) ?? '') && /^(\s|$)/.test(after),
  };
  const { start, end } = snapToWords(search.text.text, chosen.start, chosen.end, atWord);
  const torn = !continues(search, { ...chosen, start, end });
  return torn && edgesConfirmed(search.text.text, start, end, quote, prefix, suffix)
    ? { ...chosen, start, end }
    : null;
}

/** Whether a head or tail candidate has the rest of the quote right past its cut. */
function continues(search: Search, c: ScoredCandidate): boolean {
  const side = c.part?.side;
  if (!c.part || (side !== 'head' && side !== 'tail')) return false;
  const q = search.quote.text;
  const n = c.part.text.length;
  const rest = side === 'head' ? q.slice(n) : q.slice(0, q.length - n);
  return continuesPastCut(search.text.text, c.start, c.end, side, rest);
}

/** The candidate with the most value (gain plus bonus). */
function choose(
  candidates: readonly ScoredCandidate[],
  valueOf: (candidate: ScoredCandidate) => number,
): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  let bestValue = -Infinity;
  for (const c of candidates) {
    const value = valueOf(c);
    if (value > bestValue) {
      best = c;
      bestValue = value;
    }
  }
  return best;
}

export {
  MAX_QUOTE_ERRORS,
  MIN_CONFIDENCE,
  MIN_PART_SHARE,
  MIN_QUOTE_SIMILARITY,
  MIN_QUOTE_SIMILARITY_IN_CONTEXT,
} from './thresholds';
