/**
 * Escapes text so Markdown renders it as exactly that text: no emphasis, code, links, HTML,
 * tables, headings, lists or line breaks can come out of a quote. CommonMark lets any ASCII
 * punctuation be backslash-escaped, so over-escaping is harmless; under-escaping is not.
 */

/** Always special somewhere in a line: emphasis, code, links, HTML, tables, strikethrough, math. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~$#]/g;
/** "&copy;", "&#169;" and "&#xA9;" would render as "©"; a lone "&" is fine. */
const ENTITY_START = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
/** GitHub-flavoured Markdown turns bare URLs and e-mail addresses into links. */
const URL_SCHEME = /([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g;
const WWW = /\b(www)\.(?=[A-Za-z0-9])/gi;
const EMAIL_AT = /([A-Za-z0-9._+-])@(?=[A-Za-z0-9])/g;
/** Block markers that only count at the start of a line: lists, headings, setext underlines. */
const LINE_START_MARKER = /^([+\-=])/;
const ORDERED_LIST_MARKER = /^([0-9]{1,9})([.)])(?=\s|$)/;

/** Escapes one line of text (no newlines) for use as a whole line of Markdown. */
export function escapeMarkdownLine(line: string): string {
  return escapeMarkdownInline(line.trim())
    .replace(LINE_START_MARKER, '\\$1')
    .replace(ORDERED_LIST_MARKER, '$1\\$2');
}

/** Escapes text for use inside a line, e.g. a heading's text. */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(ENTITY_START, '\\&')
    .replace(URL_SCHEME, '$1\\:')
    .replace(WWW, '$1\\.')
    .replace(EMAIL_AT, '$1\\@');
}

/**
 * Text as the lines of a Markdown block: line endings normalized, each line trimmed (leading
 * spaces would make code blocks, trailing ones hard breaks; neither is meaningful in a quote),
 * runs of blank lines as one (Markdown cannot show more), none at the start or end.
 */
export function textLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim());
  return lines
    .filter((line, index) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim()
    .split('\n');
}
