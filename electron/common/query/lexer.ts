/**
 * Cuts a query into lexemes: words (with an optional `field:` and a leading `-`), quoted
 * phrases, parentheses and the `OR` operator. Never fails: whatever is not syntax is a word.
 */

export interface Atom {
  type: 'atom';
  /** The name before ":", lower-cased, or null for a plain word. */
  field: string | null;
  value: string;
  /** Whether the value was in double quotes. */
  quoted: boolean;
  /** A quote opened and never closed: the value runs to the end of the query. */
  unclosed: boolean;
  negated: boolean;
}

export type Lexeme = Atom | { type: 'open' } | { type: 'close' } | { type: 'or' } | { type: 'not' };

const FIELD = /^([A-Za-z]+):/;
const SPACE = /\s/;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

export function lex(query: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query[at];
    if (isSpace(char)) {
      at += 1;
    } else if (char === '(') {
      lexemes.push({ type: 'open' });
      at += 1;
    } else if (char === ')') {
      lexemes.push({ type: 'close' });
      at += 1;
    } else {
      at = lexAtom(query, at, lexemes);
    }
  }
  return lexemes;
}

/** Reads a word or phrase starting at `at`, pushes it, and returns where it ended. */
function lexAtom(query: string, start: number, into: Lexeme[]): number {
  let at = start;
  let negated = false;
  if (query[at] === '-' && at + 1 < query.length && !isSpace(query[at + 1])) {
    if (query[at + 1] === '(') {
      into.push({ type: 'not' });
      return at + 1;
    }
    negated = true;
    at += 1;
  }
  let field: string | null = null;
  const named = FIELD.exec(query.slice(at, at + 40));
  if (named) {
    field = (named[1] ?? '').toLowerCase();
    at += named[0].length;
  }
  if (query[at] === '"') {
    const close = query.indexOf('"', at + 1);
    const end = close === -1 ? query.length : close;
    into.push({
      type: 'atom',
      field,
      value: query.slice(at + 1, end),
      quoted: true,
      unclosed: close === -1,
      negated,
    });
    return close === -1 ? end : end + 1;
  }
  let end = at;
  while (end < query.length && !isSpace(query[end]) && query[end] !== '(' && query[end] !== ')') {
    end += 1;
  }
  const value = query.slice(at, end);
  const bare = !negated && field === null;
  if (bare && value === 'OR') into.push({ type: 'or' });
  // "AND" is what words do anyway.
  else if (!(bare && value === 'AND')) {
    into.push({ type: 'atom', field, value, quoted: false, unclosed: false, negated });
  }
  return end;
}
