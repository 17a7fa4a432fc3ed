import { foldText } from '../../common/text/fold';

export { foldText };

export interface Token {
  /** The folded form the index stores and compares, e.g. "taliban" for "#Taliban". */
  term: string;
  /** Offsets of the token in the original, unfolded string. */
  start: number;
  end: number;
}

// A token is a run of letters, digits and combining marks; punctuation and spaces separate them,
// so "#Taliban" is "taliban", "u.s." is "u" "s" and "two-thirds" is "two" "thirds". Chinese and
// Japanese are written without spaces, so each ideograph or kana (with its marks) is a token of
// its own, and a query word of several matches them as a phrase.
const SEPARATOR = 0;
const WORD = 1;
const MARK = 2;
const IDEOGRAPH = 3;
type CharKind = typeof SEPARATOR | typeof WORD | typeof MARK | typeof IDEOGRAPH;

const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/u;
const NOT_WORD_CHARACTER = /[^\p{L}\p{N}\p{M}]/gu;

// Tokenizing is most of the cost of indexing, so characters are classified by a table for ASCII
// and a cache for the rest, instead of running a Unicode regex over every character.
const asciiKinds = new Uint8Array(128).map((_, code) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    ? WORD
    : SEPARATOR,
);
const kindCache = new Map<number, CharKind>();

function classify(codePoint: number): CharKind {
  if (codePoint < 128) return (asciiKinds[codePoint] ?? SEPARATOR) as CharKind;
  let kind = kindCache.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    kind = IDEOGRAPHIC.test(char)
      ? IDEOGRAPH
      : LETTER_OR_DIGIT.test(char)
        ? WORD
        : COMBINING_MARK.test(char)
          ? MARK
          : SEPARATOR;
    kindCache.set(codePoint, kind);
  }
  return kind;
}

/**
 * Splits text into folded tokens with their offsets in `text`. Folding can change a token's
 * length ("ß" becomes "ss", "ﬁ" becomes "fi"), so offsets come from the original tokens, never
 * from the folded string.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const start = nextTokenStart(text, at);
    if (start === -1) break;
    const end = tokenEndAt(text, start);
    const term = foldTerm(text.slice(start, end));
    if (term !== '') tokens.push({ term, start, end });
    at = end;
  }
  return tokens;
}

function nextTokenStart(text: string, from: number): number {
  for (let at = from; at < text.length;) {
    const codePoint = text.codePointAt(at) ?? 0;
    if (classify(codePoint) !== SEPARATOR) return at;
    at += codePoint > 0xffff ? 2 : 1;
  }
  return -1;
}

/** The end of the token that starts at `start` in `text` (for offsets the index did not keep). */
export function tokenEndAt(text: string, start: number): number {
  let at = start;
  const first = text.codePointAt(at) ?? 0;
  const firstKind = classify(first);
  if (firstKind === SEPARATOR) return start;
  at += first > 0xffff ? 2 : 1;
  while (at < text.length) {
    const codePoint = text.codePointAt(at) ?? 0;
    const kind = classify(codePoint);
    // An ideograph takes only its own marks; other tokens run on until a separator or ideograph.
    const continues = firstKind === IDEOGRAPH ? kind === MARK : kind === WORD || kind === MARK;
    if (!continues) break;
    at += codePoint > 0xffff ? 2 : 1;
  }
  return at;
}

const ASCII_ONLY = /^\p{ASCII}*$/u;

/** Folds one token. Most tokens are ASCII, where folding is just lower-casing. */
export function foldTerm(token: string): string {
  if (ASCII_ONLY.test(token)) return token.toLowerCase();
  // Compatibility forms can unfold into punctuation ("½" is "1⁄2"); a term keeps only letters,
  // digits and marks, like the tokens it is compared with.
  return foldText(token).replace(NOT_WORD_CHARACTER, '');
}
