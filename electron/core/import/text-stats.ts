/** Word counts and short plain-text summaries of an article's text. */

// Letters or digits, allowing inner apostrophes, dots and hyphens: "don't", "U.S.", "two-thirds".
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export function hasReadableText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Collapses runs of HTML whitespace; no-break spaces are meant, so they stay. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, ' ').replace(/^ | $/g, '');
}

/** Shortens `text` to at most `max` characters, at a word boundary, adding an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  const flat = collapseWhitespace(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
}

/** A short teaser for the library list when the source gives none. */
export function excerptOf(text: string): string | null {
  const flat = collapseWhitespace(text);
  return flat === '' ? null : truncateAtWord(flat, 200);
}

/** A first line longer than this is a paragraph, not a title. */
const MAX_TITLE_LINE = 200;
/** Titles made up from the start of a paragraph are cut to this length. */
const DERIVED_TITLE_LENGTH = 80;

/** A title from a document's first line; a whole paragraph is shortened. */
export function titleFromLine(line: string): string {
  return line.length > MAX_TITLE_LINE
    ? truncateAtWord(line, DERIVED_TITLE_LENGTH)
    : collapseWhitespace(line);
}

export function isTitleLine(line: string): boolean {
  return line.length <= MAX_TITLE_LINE;
}
