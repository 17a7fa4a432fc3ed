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
const ASCII_TERM = /^[a-z0-9]+$/;
const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * Where the words occur in `text`. Only the few documents shown are scanned, from their stored
 * text, so the index keeps no offsets. The scan stops once it has a place showing every query
 * word (the snippet goes there; see `buildSnippet`).
 *
 * When every word starts with an ASCII term, a case-insensitive regular expression finds the
 * candidate words (native speed; ASCII words fold by lower-casing), and only words holding
 * other characters ("café", "Ｔａｌｉｂａｎ") are folded to be checked. Otherwise every word is.
 */
export function findSpans(text: string, words: readonly SpanWord[]): MatchSpan[] {
  if (words.length === 0 || text === '') return [];
  const firsts = [...new Set(words.map((word) => word.terms[0] ?? ''))];
  const starts = firsts.every((term) => ASCII_TERM.test(term))
    ? candidateStarts(text, firsts)
    : null;
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
  if (starts) {
    for (const start of starts) if (!tryAt(start)) break;
  } else {
    forEachWordSpan(text, (start) => tryAt(start));
  }
  return spans;
}

/**
 * Starts of the words that may match: ASCII words beginning with a first term, and words with
 * other characters whose first letter could fold to a first term's. Found with `indexOf` on a
 * lower-cased copy: no allocation per occurrence, which on long bodies is most of the cost.
 */
function candidateStarts(text: string, firsts: readonly string[]): number[] {
  const starts = new Set<number>();
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    for (const term of firsts) {
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        if (isWordStart(text, at)) starts.add(at);
      }
    }
  } else {
    // Lower-casing changed the length ("İ"): offsets would drift, so use the slower regex.
    for (const match of text.matchAll(new RegExp(firsts.join('|'), 'gi'))) {
      if (isWordStart(text, match.index)) starts.add(match.index);
    }
  }
  const firstUnits = new Set(firsts.map((term) => term.charCodeAt(0)));
  NON_ASCII.lastIndex = 0;
  for (let match = NON_ASCII.exec(text); match; match = NON_ASCII.exec(text)) {
    let at = match.index;
    const start = wordStartAround(text, at);
    if (start < 0) continue;
    const first = lower.length === text.length ? lower.charCodeAt(start) : 128;
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
