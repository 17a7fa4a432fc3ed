import {
  foldTerm,
  forEachWordSpan,
  isWordStart,
  wordStartAround,
} from '../../common/text/tokenize';
import { CLUSTER_WIDTH, SNIPPET_LENGTH, type MatchSpan } from './snippet';

/** A query word as snippets look for it: its terms in order, the last maybe a prefix. */
export interface SpanWord {
  terms: readonly string[];
  prefix: boolean;
  /** Which query word it is (alternative spellings of one word share it). */
  word: number;
}

/** Past the snippet around a cluster showing every word, nothing more can show. */
const STOP_MARGIN = 40;
/**
 * Candidates are looked for this many characters at a time (up to the next space), so the scan
 * of a long text stops soon after the snippet's place is found instead of running to its end.
 */
const CHUNK = 2048;
/** How far past CHUNK to look for a space to end the chunk at (else cut there anyway). */
const CHUNK_REACH = 256;
const ASCII_TERM = /^[a-z0-9]+$/;
const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * Where the words occur in `text`. Only the few documents shown are scanned, from their stored
 * text, so the index keeps no offsets. The scan stops once it has a place showing every query
 * word (the snippet goes there; see `buildSnippet`).
 *
 * When every word starts with an ASCII term, a case-insensitive search finds the candidate
 * words (native speed; ASCII words fold by lower-casing), chunk by chunk, and only words holding
 * other characters ("café", "Ｔａｌｉｂａｎ") are folded to be checked. Otherwise every word is.
 */
export function findSpans(text: string, words: readonly SpanWord[]): MatchSpan[] {
  if (words.length === 0 || text === '') return [];
  const firsts = [...new Set(words.map((word) => word.terms[0] ?? ''))];
  const longest = Math.max(...words.map((word) => word.terms.length));
  const wordCount = new Set(words.map((word) => word.word)).size;
  const spans: MatchSpan[] = [];
  let stopAt = Infinity;
  const tryAt = (start: number): boolean => {
    if (start > stopAt) return false;
    const tokens = tokensFrom(text, start, longest);
    for (const word of words) {
      const end = matchEnd(word, tokens);
      if (end < 0) continue;
      spans.push({ start, end, word: word.word });
      if (stopAt === Infinity && coversAll(spans, wordCount))
        stopAt = end + SNIPPET_LENGTH + STOP_MARGIN;
    }
    return true;
  };
  if (firsts.every((term) => ASCII_TERM.test(term))) {
    const firstUnits = new Set(firsts.map((term) => term.charCodeAt(0)));
    for (let from = 0; from < text.length && from <= stopAt;) {
      const to = chunkEnd(text, from);
      for (const start of candidateStarts(text, from, to, firsts, firstUnits)) {
        if (!tryAt(start)) return spans;
      }
      from = to;
    }
  } else {
    forEachWordSpan(text, (start) => tryAt(start));
  }
  return spans;
}

/** Where the chunk from `from` ends: at a space, so that no word straddles two chunks. */
function chunkEnd(text: string, from: number): number {
  let to = from + CHUNK;
  if (to >= text.length) return text.length;
  const limit = Math.min(text.length, to + CHUNK_REACH);
  while (to < limit) {
    const code = text.charCodeAt(to);
    if (code === 32 || code === 10 || code === 9 || code === 13) return to;
    to += 1;
  }
  return to;
}

/**
 * Starts, in order, of the words in [from, to) that may match: ASCII words beginning with a
 * first term, and words with other characters whose first letter could fold to a first term's.
 * Found with `indexOf` on a lower-cased copy of the chunk: no allocation per occurrence, which
 * on long bodies is most of the cost.
 */
function candidateStarts(
  text: string,
  from: number,
  to: number,
  firsts: readonly string[],
  firstUnits: ReadonlySet<number>,
): number[] {
  const starts = new Set<number>();
  const chunk = text.slice(from, to);
  const lower = chunk.toLowerCase();
  const sameLength = lower.length === chunk.length;
  if (sameLength) {
    for (const term of firsts) {
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        if (isWordStart(text, from + at)) starts.add(from + at);
      }
    }
  } else {
    // Lower-casing changed the length ("İ"): offsets would drift, so use the slower regex.
    for (const match of chunk.matchAll(new RegExp(firsts.join('|'), 'gi'))) {
      if (isWordStart(text, from + match.index)) starts.add(from + match.index);
    }
  }
  NON_ASCII.lastIndex = from;
  for (let match = NON_ASCII.exec(text); match && match.index < to; match = NON_ASCII.exec(text)) {
    let at = match.index;
    const start = wordStartAround(text, at);
    if (start < 0) continue;
    const first = sameLength ? lower.charCodeAt(start - from) : 128;
    if (first >= 128 || firstUnits.has(first)) starts.add(start);
    // The rest of this word is settled.
    while (at + 1 < text.length && isInWord(text, at + 1)) at += 1;
    NON_ASCII.lastIndex = at + 1;
  }
  return [...starts].sort((a, b) => a - b);
}

/** Whether the character at `offset` continues the word before it. */
function isInWord(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return wordStartAround(text, offset) >= 0;
}

interface FoldedToken {
  term: string;
  end: number;
}

function tokensFrom(text: string, start: number, count: number): FoldedToken[] {
  const tokens: FoldedToken[] = [];
  forEachWordSpan(
    text,
    (from, to) => {
      tokens.push({ term: foldTerm(text.slice(from, to)), end: to });
      return tokens.length < count;
    },
    start,
  );
  return tokens;
}

/** Where the word ends if it matches the tokens from their first, else -1. */
function matchEnd(word: SpanWord, tokens: readonly FoldedToken[]): number {
  const length = word.terms.length;
  if (tokens.length < length) return -1;
  for (let offset = 0; offset < length; offset += 1) {
    const term = tokens[offset]?.term ?? '';
    const wanted = word.terms[offset] ?? '';
    const last = offset === length - 1;
    if (last && word.prefix ? !term.startsWith(wanted) : term !== wanted) return -1;
  }
  return tokens[length - 1]?.end ?? -1;
}

/** Whether the spans ending at the newest one, within a cluster's width, show every word. */
function coversAll(spans: readonly MatchSpan[], wordCount: number): boolean {
  const newest = spans[spans.length - 1];
  if (!newest) return false;
  const seen = new Set<number>();
  for (let at = spans.length - 1; at >= 0; at -= 1) {
    const span = spans[at];
    if (!span || span.start < newest.end - CLUSTER_WIDTH) break;
    seen.add(span.word);
  }
  return seen.size === wordCount;
}
