import type { Random } from './random';

/**
 * Random edits of an article's text that remember, for every character of the result, which
 * character of the original it came from. That is what lets the benchmark know where each
 * highlight's text went, and so judge re-anchoring without trusting the anchoring code.
 */

/** One word or one run of whitespace of the text being edited. */
interface Token {
  text: string;
  space: boolean;
  /** Per character: the original offset it came from, or -1 for inserted text. */
  origin: number[];
  /** Per character: inserted or rewritten by an edit (as opposed to carried over unchanged). */
  edited: boolean;
}

export interface EditedText {
  text: string;
  /** Per character of `text`: the original offset it came from, or -1 for inserted text. */
  origin: Int32Array;
  /** Per character of `text`: 1 when an edit inserted or rewrote it. */
  edited: Uint8Array;
  /** Per character of `text`: 1 for whitespace. */
  space: Uint8Array;
  counts: EditCounts;
}

export interface EditCounts {
  insertions: number;
  deletions: number;
  replacements: number;
  whitespace: number;
  moves: number;
}

/**
 * How the edits of one rate are drawn. For `rate` r over a text of W words: round(r * W) word
 * edits, each an insertion of a word (30%), a deletion of a word (30%), a replacement of a word
 * by another word of the article (30%) or a change of one whitespace run (10%: a space doubled or
 * turned into a line break, a line break collapsed into a space or a blank line); plus r * P
 * paragraph moves for P paragraphs (runs of words between line breaks), the fraction rounded up
 * with that probability, and at least `minMoves`: a paragraph cut out and put back before
 * another one.
 */
export function editText(original: string, rate: number, random: Random, minMoves = 0): EditedText {
  const tokens = tokenize(original);
  const vocabulary = tokens.filter((t) => !t.space).map((t) => t.text);
  const counts: EditCounts = {
    insertions: 0,
    deletions: 0,
    replacements: 0,
    whitespace: 0,
    moves: 0,
  };
  const wordEdits = Math.round(rate * vocabulary.length);
  for (let n = 0; n < wordEdits; n += 1) {
    const kind = random.next();
    if (kind < 0.3) counts.insertions += insertWord(tokens, vocabulary, random);
    else if (kind < 0.6) counts.deletions += deleteWord(tokens, random);
    else if (kind < 0.9) counts.replacements += replaceWord(tokens, vocabulary, random);
    else counts.whitespace += changeWhitespace(tokens, random);
  }
  const expectedMoves = rate * paragraphs(tokens).length;
  const fraction = expectedMoves - Math.floor(expectedMoves);
  const moves = Math.max(minMoves, Math.floor(expectedMoves) + (random.next() < fraction ? 1 : 0));
  for (let n = 0; n < moves; n += 1) counts.moves += moveParagraph(tokens, random);
  return assemble(tokens, counts);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\s+|\S+/g)) {
    const at = match.index;
    tokens.push({
      text: match[0],
      space: /^\s/.test(match[0]),
      origin: Array.from({ length: match[0].length }, (_, i) => at + i),
      edited: false,
    });
  }
  return tokens;
}

const isBreak = (token: Token | undefined): boolean => !!token?.space && token.text.includes('\n');

/**
 * A random token of the wanted kind (a word, or a run of whitespace), or -1 if there is none:
 * drawn uniformly by rejection, so an edit costs O(1) rather than a scan of the text.
 */
function randomToken(tokens: readonly Token[], space: boolean, random: Random): number {
  for (let tries = 0; tries < 1000; tries += 1) {
    const at = random.int(0, tokens.length - 1);
    if (tokens[at]?.space === space) return at;
  }
  return -1;
}

function inserted(text: string, space: boolean): Token {
  return { text, space, origin: Array.from({ length: text.length }, () => -1), edited: true };
}

/** `text` taking the place of `token`: its characters map proportionally onto the old ones. */
function rewritten(token: Token, text: string): Token {
  const origin = Array.from(
    { length: text.length },
    (_, i) => token.origin[Math.floor((i * token.origin.length) / text.length)] ?? -1,
  );
  return { text, space: token.space, origin, edited: true };
}

function insertWord(tokens: Token[], vocabulary: readonly string[], random: Random): number {
  const after = randomToken(tokens, false, random);
  if (after === -1 || vocabulary.length === 0) return 0;
  tokens.splice(after + 1, 0, inserted(' ', true), inserted(random.pick(vocabulary), false));
  return 1;
}

function deleteWord(tokens: Token[], random: Random): number {
  const at = randomToken(tokens, false, random);
  if (at === -1 || tokens.length < 3) return 0;
  // Take one neighbouring space with the word, never a line break (that would merge paragraphs).
  if (tokens[at - 1]?.space && !isBreak(tokens[at - 1])) tokens.splice(at - 1, 2);
  else if (tokens[at + 1]?.space && !isBreak(tokens[at + 1])) tokens.splice(at, 2);
  else tokens.splice(at, 1);
  return 1;
}

function replaceWord(tokens: Token[], vocabulary: readonly string[], random: Random): number {
  const at = randomToken(tokens, false, random);
  if (at === -1) return 0;
  const old = tokens[at]!;
  let word = random.pick(vocabulary);
  for (let tries = 0; word === old.text && tries < 5; tries += 1) word = random.pick(vocabulary);
  if (word === old.text) return 0;
  tokens[at] = rewritten(old, word);
  return 1;
}

function changeWhitespace(tokens: Token[], random: Random): number {
  const at = randomToken(tokens, true, random);
  if (at === -1) return 0;
  const old = tokens[at]!;
  const options = isBreak(old) ? ['\n', ' ', '\n\n'] : ['  ', '\n'];
  tokens[at] = rewritten(old, random.pick(options));
  return 1;
}

/** Paragraphs as [first, end) token index ranges: runs of tokens between line breaks. */
function paragraphs(tokens: readonly Token[]): [number, number][] {
  const found: [number, number][] = [];
  let start = -1;
  tokens.forEach((token, i) => {
    if (isBreak(token)) {
      if (start !== -1) found.push([start, i]);
      start = -1;
    } else if (start === -1) start = i;
  });
  if (start !== -1) found.push([start, tokens.length]);
  return found.filter(([from, to]) => tokens.slice(from, to).some((t) => !t.space));
}

function moveParagraph(tokens: Token[], random: Random): number {
  const all = paragraphs(tokens);
  if (all.length < 3) return 0;
  const [from, to] = random.pick(all);
  // Move it with the line break that follows it (or precedes it, for the last paragraph).
  const cutFrom = to < tokens.length ? from : Math.max(0, from - 1);
  const cutTo = to < tokens.length ? to + 1 : to;
  const moved = tokens.splice(cutFrom, cutTo - cutFrom);
  if (!isBreak(moved[moved.length - 1])) moved.push(moved.shift()!);
  const targets = paragraphs(tokens).map(([start]) => start);
  const target = random.pick(targets);
  tokens.splice(target, 0, ...moved);
  return 1;
}

function assemble(tokens: readonly Token[], counts: EditCounts): EditedText {
  const text = tokens.map((t) => t.text).join('');
  const origin = new Int32Array(text.length);
  const edited = new Uint8Array(text.length);
  const space = new Uint8Array(text.length);
  let at = 0;
  for (const token of tokens) {
    for (let i = 0; i < token.text.length; i += 1) {
      origin[at] = token.origin[i] ?? -1;
      edited[at] = token.edited ? 1 : 0;
      space[at] = token.space ? 1 : 0;
      at += 1;
    }
  }
  return { text, origin, edited, space, counts };
}
