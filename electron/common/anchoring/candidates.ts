import { approxSearch } from './approx-match';
import { extendMatch } from './extend';

/**
 * Where a quote might now be, before any scoring: its exact occurrences, its approximate ones
 * (alone, with its context, or from seeds of a long quote). What is left of a torn highlight is
 * in parts.ts.
 */

/** A place the quote might be. Offsets are into the (whitespace-collapsed) text searched. */
export interface Candidate {
  start: number;
  end: number;
  /**
   * A partial candidate holds only part of the quote, the rest moved away or gone: its start
   * (`head`, found after its prefix), its end (`tail`, found before its suffix), or both
   * (`joined`: a head and a tail with a paragraph of the quote missing between them).
   * `text` is the part of the (collapsed) quote it holds.
   */
  part?: { side: 'head' | 'tail' | 'joined'; text: string };
}

/**
 * Matches kept from a search for quote + context (and from a probe): the fewest-error ones.
 * A quote's context makes it distinctive, so more than a few matches means a repeated passage.
 */
export const MAX_FRAMED_MATCHES = 16;
export const MAX_PROBE_MATCHES = 4;

/** Seeds of a long quote (see seededCandidates): their length, allowed edits and matches. */
const SEED_LENGTH = 64;
const SEED_ERROR_SHARE = 0.25;
const MAX_SEED_MATCHES = 8;

/**
 * Exact occurrences are cheap to find but a short quote ("the") can have thousands; only the
 * ones whose context agrees best character by character, plus the one nearest the old position,
 * are scored in full. The true place, if its context was edited right next to the quote, is still
 * found by the context search.
 */
const MAX_EXACT_CANDIDATES = 24;

/**
 * Work allowed for computing the starts of approximate matches (pattern length * band width
 * summed over matches, see approxSearch): it caps the number of matches kept for very long
 * patterns, where a second match is already unlikely.
 */
const MAX_START_WORK = 8_000_000;

/** The quote's exact occurrences (the most promising of them, see MAX_EXACT_CANDIDATES). */
export function exactCandidates(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  nearest: (start: number) => number,
): Candidate[] {
  const found: { start: number; agreement: number; distance: number }[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const agreement =
      agreeingLength(text, at, prefix, 'before') +
      agreeingLength(text, at + quote.length, suffix, 'after');
    found.push({ start: at, agreement, distance: nearest(at) });
  }
  if (found.length > MAX_EXACT_CANDIDATES) {
    const closest = found.reduce((a, b) => (b.distance < a.distance ? b : a));
    found.sort((a, b) => b.agreement - a.agreement || a.distance - b.distance);
    found.length = MAX_EXACT_CANDIDATES;
    if (!found.includes(closest)) found.push(closest);
  }
  return found.map(({ start }) => ({ start, end: start + quote.length }));
}

/**
 * For a long quote, where it is, found from a few short pieces of it (seeds) rather than by
 * searching the whole quote with hundreds of allowed edits (a scan that costs about text length
 * * errors / 32 steps). Each seed's matches are extended both ways as far as the quote keeps
 * matching (extendMatch); one intact seed is enough to find the quote.
 */
export function seededCandidates(text: string, quote: string, maxErrors: number): Candidate[] {
  const candidates: Candidate[] = [];
  const offsets = [0, Math.floor((quote.length - SEED_LENGTH) / 2), quote.length - SEED_LENGTH];
  for (const offset of offsets) {
    const seed = quote.slice(offset, offset + SEED_LENGTH);
    const errors = Math.floor(seed.length * SEED_ERROR_SHARE);
    for (const hit of approxSearch(text, seed, errors, MAX_SEED_MATCHES)) {
      // A seed inside an occurrence already extended is that occurrence again.
      if (candidates.some((c) => c.start <= hit.start && hit.end <= c.end)) continue;
      const back = extendMatch(text, hit.start, quote.slice(0, offset), 'before', maxErrors);
      const ahead = extendMatch(text, hit.start, quote.slice(offset), 'after', maxErrors);
      candidates.push({ start: hit.start - back.textLength, end: hit.start + ahead.textLength });
    }
  }
  return candidates;
}

/** Approximate occurrences of the quote alone, with at most `maxErrors` edits. */
export function fuzzyQuoteCandidates(text: string, quote: string, maxErrors: number): Candidate[] {
  if (maxErrors < 1) return [];
  return approxSearch(text, quote, maxErrors, maxMatchesFor(quote.length, maxErrors)).map(
    ({ start, end }) => ({ start, end }),
  );
}

/**
 * Places where prefix + quote + suffix occurs as a whole, with at most `maxErrors` edits, and
 * the quote's part of each: it ends where the prefix matches best and starts where the suffix
 * does. This finds a quote whose own words were edited beyond recognition as long as its
 * surroundings still say where it was; the scorer then decides whether enough of it is left.
 */
export function framedCandidates(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  maxErrors: number,
  maxMatches = MAX_FRAMED_MATCHES,
): Candidate[] {
  const pattern = prefix + quote + suffix;
  if (maxErrors < 1 || pattern.length === quote.length) return [];
  const candidates: Candidate[] = [];
  const limit = Math.min(maxMatches, maxMatchesFor(pattern.length, maxErrors));
  for (const match of approxSearch(text, pattern, maxErrors, limit)) {
    // Rough edges (where the context would end if it had no edits): the best candidates get
    // theirs settled by refineBoundary later.
    const start = Math.min(match.end, match.start + prefix.length);
    const end = Math.max(start, match.end - suffix.length);
    // When the prefix and suffix meet, the quote's text is gone: nothing to anchor to.
    if (end > start) candidates.push({ start, end });
  }
  return candidates;
}

function maxMatchesFor(patternLength: number, maxErrors: number): number {
  const perMatch = patternLength * (2 * maxErrors + 1);
  return Math.max(4, Math.min(64, Math.floor(MAX_START_WORK / perMatch)));
}

/** How many characters of `context` agree exactly with the text next to `at`, from `at` out. */
function agreeingLength(
  text: string,
  at: number,
  context: string,
  side: 'before' | 'after',
): number {
  let n = 0;
  if (side === 'after') {
    while (n < context.length && text.charCodeAt(at + n) === context.charCodeAt(n)) n += 1;
  } else {
    const m = context.length;
    while (
      n < m &&
      at - n - 1 >= 0 &&
      text.charCodeAt(at - n - 1) === context.charCodeAt(m - n - 1)
    ) {
      n += 1;
    }
  }
  return n;
}
