/**
 * Whether a candidate's edges are confirmed by the highlight's own words or its context. A fuzzy
 * match can drift: end a paragraph early, take in a moved paragraph's last words, or stop on a
 * copy of a word two words short. Each edge must show one of the quote's two outermost words
 * where it belongs (allowing one word inserted, deleted or rewritten at the edge); an edge whose
 * outermost word was rewritten must have the context word next to it instead. Otherwise the
 * place is a guess, and a guess is an orphan.
 */

/** Whitespace-separated words of `text`. */
function words(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/**
 * The start edge of `found` (the text at a candidate) against `quote`, its outermost word first
 * in both lists; `contextWord` is the word next to that edge in the stored context, and
 * `textWord` the word next to it in the text (both undefined at the article's edge).
 */
export function edgeConfirmed(
  quoteWords: readonly string[],
  foundWords: readonly string[],
  contextWord: string | undefined,
  textWord: string | undefined,
): boolean {
  const [q0, q1, q2] = quoteWords;
  const [f0, f1, f2] = foundWords;
  if (q0 === undefined || f0 === undefined) return false;
  // Two words too many (the outermost word third) or too few (the third word outermost), unless
  // the second words line up (a repeated word: "round and round" rewritten as "round and about").
  const lined = f1 !== undefined && f1 === q1;
  if (!lined && ((f2 === q0 && f0 !== q0 && f1 !== q0) || (q2 === f0 && q0 !== f0 && q1 !== f0))) {
    return false;
  }
  // The outermost word is there, or it was deleted, or a word was inserted before it.
  if (f0 === q0 || (q1 !== undefined && f0 === q1) || (f1 !== undefined && f1 === q0)) return true;
  // The outermost word was rewritten (the next one is in place), or the context is in place.
  return (q1 !== undefined && f1 === q1) || (contextWord !== undefined && contextWord === textWord);
}

/**
 * Both edges of `found` (the text of the candidate, from `text` at start..end) confirmed against
 * `quote` (the quote, or the part of it a partial candidate holds) and its context. `prefix` /
 * `suffix` are empty when the candidate doesn't vouch for that side's context.
 */
export function edgesConfirmed(
  text: string,
  start: number,
  end: number,
  quote: string,
  prefix: string,
  suffix: string,
): boolean {
  const quoteWords = words(quote);
  const foundWords = words(text.slice(start, end));
  const before = words(text.slice(Math.max(0, start - 64), start));
  const after = words(text.slice(end, end + 64));
  // A context word cut by the 64-character window is incomplete: compare whole words only.
  const lastBefore = start - 64 > 0 && before.length === 1 ? undefined : before.at(-1);
  return (
    edgeConfirmed(quoteWords, foundWords, words(prefix).at(-1), lastBefore) &&
    edgeConfirmed([...quoteWords].reverse(), [...foundWords].reverse(), words(suffix)[0], after[0])
  );
}

/**
 * `start`..`end` widened to whole words at each edge the quote has on a word boundary (`atWord`):
 * a fuzzy match may stop inside a rewritten word, but the highlight took whole words there.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  atWord: { start: boolean; end: boolean },
): { start: number; end: number } {
  const visible = (i: number): boolean => i >= 0 && i < text.length && /\S/.test(text[i]!);
  let s = start;
  let e = end;
  if (atWord.start) while (visible(s - 1) && visible(s)) s -= 1;
  if (atWord.end) while (visible(e) && visible(e - 1)) e += 1;
  return { start: s, end: e };
}

/**
 * Whether the text goes on with the rest of the quote at a partial candidate's cut edge: a head
 * (`end` side) followed by one of the next two words of the quote after it, or a tail (`start`
 * side) preceded by one of the two words of the quote before it. Then the highlight was not torn
 * there, and the part alone is a sub-passage of it, not what is left of it.
 */
export function continuesPastCut(
  text: string,
  start: number,
  end: number,
  side: 'head' | 'tail',
  rest: string,
): boolean {
  const restWords = words(rest);
  if (side === 'head') {
    const next = words(text.slice(end, end + 64))[0];
    return next !== undefined && restWords.slice(0, 2).includes(next);
  }
  const previous = words(text.slice(Math.max(0, start - 64), start)).at(-1);
  return previous !== undefined && restWords.slice(-2).includes(previous);
}
