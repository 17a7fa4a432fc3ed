/**
 * A user's note, kept as the Markdown they wrote, made safe to place between other blocks of an
 * export:
 * - raw HTML never becomes live: every "<" that could open a tag, comment, declaration or
 *   processing instruction is written "&lt;", outside code;
 * - links, images and link reference definitions may only point to http(s), mailto: and
 *   margin: URLs or relative paths; any other destination (`javascript:`, `data:`, `file:`,
 *   entity-encoded schemes…) has its "]" escaped, so it stays visible text instead of a link;
 * - a code fence left open is closed, since it would swallow everything after it in the file.
 *
 * Code is left as written: fenced code blocks that open at column 0 and code spans within one
 * line. Where it is unclear whether text is code (a code span spanning lines, fences indented
 * inside lists, indented code blocks), the text is treated as not code and escaped: a stray
 * backslash in a note's code is a lesser harm than live HTML.
 */
export function userMarkdownBlock(markdown: string): string {
  const text = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '\uFFFD')
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');
  if (text === '') return '';
  const lines = text.split('\n');
  const out: string[] = [];
  const spans = { unmatched: false };
  let codeFence: string | null = null;
  let openFence: { marker: string; indent: string } | null = null;
  for (const line of lines) {
    const wasOpen = openFence !== null;
    openFence = trackFence(openFence, line);
    if (codeFence !== null) {
      if (closesFence(codeFence, line)) codeFence = null;
      out.push(line);
      continue;
    }
    // Only a fence opening at column 0 is surely code: anywhere else it may sit in a list item
    // that ends before the parser reaches what we would leave unescaped.
    if (!wasOpen && openFence !== null && openFence.indent === '') {
      codeFence = openFence.marker;
      out.push(line);
      continue;
    }
    if (line.trim() === '') spans.unmatched = false;
    out.push(neutralizeLine(line, spans));
  }
  if (openFence) out.push(openFence.indent + openFence.marker);
  return out.join('\n');
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

function fenceOpening(line: string): { marker: string; indent: string } | null {
  const match = FENCE.exec(line);
  if (!match) return null;
  const [, indent = '', marker = '', info = ''] = match;
  // A backtick fence's info string cannot hold a backtick (that line is inline code instead).
  if (marker.startsWith('`') && info.includes('`')) return null;
  return { marker, indent };
}

function closesFence(marker: string, line: string): boolean {
  const match = FENCE.exec(line);
  const closing = match?.[2] ?? '';
  return (
    match !== null &&
    closing[0] === marker[0] &&
    closing.length >= marker.length &&
    (match[3] ?? '').trim() === ''
  );
}

/** The fence (with its indentation) still open after `line`, to close it at the end. */
function trackFence(
  open: { marker: string; indent: string } | null,
  line: string,
): { marker: string; indent: string } | null {
  if (open) return closesFence(open.marker, line) ? null : open;
  return fenceOpening(line);
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Autolinks that may stay links. */
const SAFE_AUTOLINK = /^<(?:https?:\/\/|mailto:|margin:\/\/)[^\s<>]*>/i;
/** What after "<" would make raw HTML (a tag, comment, declaration, instruction) or an autolink. */
const HTML_START = /^<[A-Za-z/!?]/;
const SAFE_DESTINATION = /^(?:https?:\/\/|mailto:|margin:\/\/)/i;
/** Bare URLs that GitHub-flavoured Markdown turns into links. */
const URL_LITERAL = /^(?:https?:\/\/|www\.)/i;
/** Lines without any of these are left as they are (the common case, checked fast). */
const MAY_NEED_CARE = /[\\`<\]]|xmpp:|ftp:\/\/|https?:\/\/|www\./i;
/** Bare addresses some parsers link that are not http(s). */
const OTHER_AUTOLINK = /^(?:xmpp:|ftp:\/\/)/i;

/** Escapes what could become raw HTML or an unsafe link in one line, outside code spans. */
function neutralizeLine(line: string, spans: { unmatched: boolean }): string {
  if (!MAY_NEED_CARE.test(line)) return line;
  // Code spans are trusted only while no backtick was left open since the last blank line (it
  // may open a span the parser sees and we don't; see `spans.unmatched`).
  let out = '';
  let index = 0;
  // Inside a bare URL ("https://…" up to a space: "<" is written "&lt;", which it runs through)
  // some parsers take "\" and "`" as part of the link, others as an escape or a code span:
  // neither is trusted there.
  let inUrl = false;
  while (index < line.length) {
    const char = line[index] ?? '';
    if (inUrl && /\s/.test(char)) inUrl = false;
    if (!inUrl && URL_LITERAL.test(line.slice(index, index + 8))) inUrl = true;
    if (char === '\\' && !inUrl && ASCII_PUNCTUATION.test(line[index + 1] ?? '')) {
      out += line.slice(index, index + 2);
      index += 2;
    } else if (char === '`') {
      const run = backtickRun(line, index);
      const close = inUrl ? -1 : closingRun(line, index + run, run);
      if (close === -1) spans.unmatched = true;
      const content = close === -1 ? '' : line.slice(index + run, close);
      // GitHub tables split cells at "|" before code spans are found.
      if (close !== -1 && !spans.unmatched && !/(?<!\\)\|/.test(content)) {
        out += line.slice(index, close + run);
        index = close + run;
      } else {
        out += line.slice(index, index + run);
        index += run;
      }
    } else if (char === '<') {
      const rest = line.slice(index);
      const autolink = SAFE_AUTOLINK.exec(rest);
      if (autolink) {
        out += autolink[0];
        index += autolink[0].length;
      } else {
        // An entity, not a backslash: a URL just before would swallow the backslash in some
        // parsers.
        out += HTML_START.test(rest) ? '&lt;' : '<';
        index += 1;
      }
    } else if (char === ']' && (line[index + 1] === '(' || line[index + 1] === ':')) {
      // A link, image or reference definition: keep it only if it points somewhere safe.
      const destination = destinationAt(line, index + 2);
      out += destination !== null && isSafeDestination(destination) ? ']' : '\\]';
      index += 1;
    } else if (OTHER_AUTOLINK.test(line.slice(index, index + 6))) {
      // "xmpp:" and "ftp://" are linked as they stand by some parsers: break the scheme.
      const colon = line.indexOf(':', index);
      out += `${line.slice(index, colon)}\\:`;
      index = colon + 1;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

function backtickRun(line: string, start: number): number {
  let end = start;
  while (line[end] === '`') end += 1;
  return end - start;
}

/** Start of the next run of exactly `length` backticks after `from`, or -1. */
function closingRun(line: string, from: number, length: number): number {
  let index = line.indexOf('`', from);
  while (index !== -1) {
    const run = backtickRun(line, index);
    if (run === length) return index;
    index = line.indexOf('`', index + run);
  }
  return -1;
}

/** The destination starting at `from` (after spaces), or null when it is not on this line. */
function destinationAt(line: string, from: number): string | null {
  const rest = line.slice(from).replace(/^[ \t]+/, '');
  if (rest === '') return null;
  if (rest.startsWith('<')) {
    const close = rest.indexOf('>');
    return close === -1 ? rest.slice(1) : rest.slice(1, close);
  }
  return rest.split(/[ \t]/, 1)[0] ?? '';
}

/**
 * True for http(s), mailto: and margin: URLs written out literally, and relative ones whose
 * part before the first "/", "?" or "#" has no ":" (no scheme), no "&" or "\" (no entity or
 * escape that could spell one) and no control characters.
 */
function isSafeDestination(destination: string): boolean {
  if (SAFE_DESTINATION.test(destination)) return true;
  const head = destination.split(/[/?#]/, 1)[0] ?? '';
  return !/[:&\\\p{Cc}\s]/u.test(head);
}
