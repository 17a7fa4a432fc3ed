import { foldText } from './fold';

/**
 * Splits text into words for search, in the browser and in Node alike. A word is a run of letters,
 * digits and combining marks; punctuation and spaces separate words, so "#Taliban" is "taliban",
 * "u.s." is "u" "s" and "two-thirds" is "two" "thirds". Scripts written without spaces (Chinese,
 * Japanese, Thai, Lao, Khmer, Myanmar) are cut into words by `Intl.Segmenter`, which knows their
 * dictionaries: "日本語のテキスト" is "日本語" "の" "テキスト".
 */

export interface Token {
  /** The folded form the index stores and compares, e.g. "taliban" for "#Taliban". */
  term: string;
  /** Offsets of the token in the original, unfolded string. */
  start: number;
  end: number;
}

const SEPARATOR = 0;
const WORD = 1;
/** Combining marks and invisible format characters: they continue a word, never start one. */
const MARK = 2;
/** A script written without spaces: its runs go to the segmenter. */
const SEGMENTED = 3;
type CharKind = typeof SEPARATOR | typeof WORD | typeof MARK | typeof SEGMENTED;

const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\uff70]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CONTINUING = /[\p{M}\p{Cf}]/u;
const NOT_WORD_CHARACTER = /[^\p{L}\p{N}\p{M}]/gu;
const NON_ASCII = /[\u0080-\uffff]/;

// Tokenizing is most of the cost of indexing, so characters are classified by a table for ASCII
// and a cache for the rest, instead of running a Unicode regex over every character.
const asciiKinds = new Uint8Array(128).map((_, code) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    ? WORD
    : SEPARATOR,
);
const kindCache = new Map<number, CharKind>();

function classify(codePoint: number): CharKind {
  if (codePoint < 128) return asciiKinds[codePoint] as CharKind;
  let kind = kindCache.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    kind = UNSPACED.test(char)
      ? SEGMENTED
      : LETTER_OR_DIGIT.test(char)
        ? WORD
        : CONTINUING.test(char)
          ? MARK
          : SEPARATOR;
    kindCache.set(codePoint, kind);
  }
  return kind;
}

let segmenter: Intl.Segmenter | undefined;

/** `visit(start, end)` for each word span; return false from it to stop early. */
export type SpanVisitor = (start: number, end: number) => unknown;

/**
 * Calls `visit` with the [start, end) of every word of `text`, in order, without folding them: a
 * caller that can reject most words by their first letter (snippets) skips the folding cost.
 */
export function forEachWordSpan(text: string, visit: SpanVisitor, from = 0): void {
  let at = from;
  const length = text.length;
  while (at < length) {
    let code = text.charCodeAt(at);
    if (code < 128) {
      if (asciiKinds[code] === SEPARATOR) {
        at += 1;
        continue;
      }
    } else {
      code = text.codePointAt(at) ?? code;
    }
    const kind = classify(code);
    if (kind === SEPARATOR || kind === MARK) {
      at += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = at;
    at += code > 0xffff ? 2 : 1;
    const runKind = kind;
    while (at < length) {
      let next = text.charCodeAt(at);
      if (next < 128) {
        if (asciiKinds[next] === SEPARATOR || runKind === SEGMENTED) break;
        at += 1;
        continue;
      }
      next = text.codePointAt(at) ?? next;
      const nextKind = classify(next);
      if (nextKind === SEPARATOR || (nextKind !== MARK && nextKind !== runKind)) break;
      at += next > 0xffff ? 2 : 1;
    }
    if (runKind === SEGMENTED) {
      if (visitSegments(text, start, at, visit) === false) return;
    } else if (visit(start, at) === false) return;
  }
}

function visitSegments(text: string, start: number, end: number, visit: SpanVisitor): boolean {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  for (const segment of segmenter.segment(text.slice(start, end))) {
    if (!segment.isWordLike) continue;
    const from = start + segment.index;
    if (visit(from, from + segment.segment.length) === false) return false;
  }
  return true;
}

/**
 * Splits text into folded tokens with their offsets in `text`. Folding can change a token's
 * length ("ß" becomes "ss", "ﬁ" becomes "fi"), so offsets come from the original tokens, never
 * from the folded string.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWordSpan(text, (start, end) => {
    const term = foldTerm(text.slice(start, end));
    if (term !== '') tokens.push({ term, start, end });
  });
  return tokens;
}

/** The end of the word that starts at `start` in `text`, or `start` if none starts there. */
export function tokenEndAt(text: string, start: number): number {
  let end = start;
  forEachWordSpan(
    text,
    (from, to) => {
      if (from === start) end = to;
      return false;
    },
    start,
  );
  return end;
}

/** Folds one word. Most words are ASCII, where folding is just lower-casing. */
export function foldTerm(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  // Compatibility forms can unfold into punctuation ("½" is "1⁄2"); a term keeps only letters,
  // digits and marks, like the words it is compared with.
  return foldText(word).replace(NOT_WORD_CHARACTER, '');
}

/** Whether a folded term is in a script written without spaces (its words come from a dictionary). */
export function isUnspaced(term: string): boolean {
  const first = term.codePointAt(0);
  return first !== undefined && classify(first) === SEGMENTED;
}

function kindBefore(text: string, offset: number): CharKind {
  if (offset <= 0) return SEPARATOR;
  const unit = text.charCodeAt(offset - 1);
  if (unit < 128) return asciiKinds[unit] as CharKind;
  const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff && offset >= 2;
  return classify(isLowSurrogate ? (text.codePointAt(offset - 2) ?? unit) : unit);
}

/** Whether a word starts at `offset` (a letter or digit there, none running on from before). */
export function isWordStart(text: string, offset: number): boolean {
  const here = classify(text.codePointAt(offset) ?? 0);
  if (here !== WORD && here !== SEGMENTED) return false;
  const before = kindBefore(text, offset);
  return before === SEPARATOR || (here === WORD && before === SEGMENTED);
}

/**
 * The start of the (non-segmented) word holding the character at `offset`, or -1 if that
 * character is not part of one.
 */
export function wordStartAround(text: string, offset: number): number {
  const here = classify(text.codePointAt(offset) ?? 0);
  if (here !== WORD && here !== MARK) return -1;
  let start = offset;
  for (;;) {
    const before = kindBefore(text, start);
    if (before !== WORD && before !== MARK) break;
    const unit = text.charCodeAt(start - 1);
    start -= unit >= 0xdc00 && unit <= 0xdfff ? 2 : 1;
  }
  return classify(text.codePointAt(start) ?? 0) === WORD ? start : -1;
}
