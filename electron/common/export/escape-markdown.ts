/**
 * Escapes text so Markdown renders it as exactly that text: no emphasis, code, links, HTML,
 * tables, headings, lists, line breaks, nor Obsidian's own syntax (`%%comments%%`,
 * `==highlights==`, `^block-ids`, `#tags`, `[[links]]`) can come out of a quote. CommonMark lets
 * any ASCII punctuation be backslash-escaped, so over-escaping is harmless; under-escaping is not.
 */

/** Always special somewhere in a line: emphasis, code, links, HTML, tables, strikethrough, math. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~$#^]/g;
/** Obsidian comments (`%%`) and highlights (`==`) need two in a row; a lone one is left alone. */
const DOUBLED = /[%=](?=[%=])|(?<=[%=])[%=]/g;
/** "&copy;", "&#169;" and "&#xA9;" would render as "©"; a lone "&" is fine. */
const ENTITY_START = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
/** GitHub-flavoured Markdown turns bare URLs and e-mail addresses into links. */
const URL_SCHEME = /([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g;
/** Any "www." (GFM links it after "_", "*", "~" and "(" too), so without a word boundary. */
const WWW = /(www)\.(?=[A-Za-z0-9])/gi;
const EMAIL_AT = /([A-Za-z0-9._+-])@/g;
/** Block markers that only count at the start of a line: lists, headings, setext underlines. */
const LINE_START_MARKER = /^([+\-=])/;
const ORDERED_LIST_MARKER = /^([0-9]{1,9})([.)])(?=[ \t]|$)/;

/** Escapes one line of text (no newlines) for use as a whole line of Markdown. */
export function escapeMarkdownLine(line: string): string {
  return escapeMarkdownInline(line.trim())
    .replace(LINE_START_MARKER, '\\$1')
    .replace(ORDERED_LIST_MARKER, '$1\\$2');
}

/** Escapes text for use inside a line, e.g. a heading's text. */
export function escapeMarkdownInline(text: string): string {
  // The rarer rules only run when their trigger is there: this is the export's hot path.
  let out = withoutNul(text).replace(INLINE_SPECIAL, '\\$&');
  if (out.includes('%') || out.includes('=')) out = out.replace(DOUBLED, '\\$&');
  if (out.includes('&')) out = out.replace(ENTITY_START, '\\&');
  if (out.includes('://')) out = out.replace(URL_SCHEME, '$1\\:');
  if (/www\./i.test(out)) out = out.replace(WWW, '$1\\.');
  if (out.includes('@')) out = out.replace(EMAIL_AT, '$1\\@');
  return out;
}

/**
 * Text as the lines of a Markdown block: line endings normalized, whitespace at the ends of each
 * line dropped (leading spaces would make code blocks, trailing ones hard breaks; Markdown keeps
 * neither as text, and parsers disagree on other whitespace there), runs of blank lines as one
 * (Markdown cannot show more), none at the start or end. Everything else, every line break
 * included, is kept.
 */
export function textLines(text: string): string[] {
  if (!text.includes('\n') && !text.includes('\r')) return [text.trim()];
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim());
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.length > 0 ? kept : [''];
}

/**
 * A passage as Markdown that renders to exactly its text (in the sense of `textLines`): each line
 * escaped, blank lines kept as paragraph breaks. Put after "> " it is one block quote.
 */
export function literalMarkdown(text: string): string {
  return textLines(text)
    .map((line) => (line === '' ? '' : escapeMarkdownLine(line)))
    .join('\n');
}

/** CommonMark replaces U+0000 with U+FFFD when parsing; do it here so the text says so. */
function withoutNul(text: string): string {
  return text.includes('\0') ? text.replace(/\0/g, '\uFFFD') : text;
}
