/**
 * A user's note, kept as the Markdown they wrote, made safe to place between other blocks:
 * line endings normalized, blank lines around it dropped, and any code fence or raw HTML block
 * left open closed, since an open one would swallow everything after it in the file (the
 * following highlights, the article's note).
 */
export function userMarkdownBlock(markdown: string): string {
  const text = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');
  const closer = unclosedBlockCloser(text);
  return closer ? `${text}\n${closer}` : text;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** CommonMark HTML blocks 1-5, which end only at their end marker (not at a blank line). */
const HTML_BLOCK_STARTS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, (match) => `</${match[1] ?? 'pre'}>`],
  [/^ {0,3}<!--/, () => '-->'],
  [/^ {0,3}<\?/, () => '?>'],
  [/^ {0,3}<![A-Za-z]/, () => '>'],
  [/^ {0,3}<!\[CDATA\[/, () => ']]>'],
];

/** What would close a fence or HTML block still open at the end of `text`, or null. */
function unclosedBlockCloser(text: string): string | null {
  let fence: string | null = null;
  let htmlEnd: string | null = null;
  for (const line of text.split('\n')) {
    if (fence !== null) {
      const closing = FENCE.exec(line);
      const marker = closing?.[1] ?? '';
      if (
        closing &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        !closing[2]?.trim()
      ) {
        fence = null;
      }
      continue;
    }
    if (htmlEnd !== null) {
      if (line.toLowerCase().includes(htmlEnd.toLowerCase())) htmlEnd = null;
      continue;
    }
    const opening = FENCE.exec(line);
    const marker = opening?.[1];
    // A backtick fence's info string cannot hold a backtick (that line is inline code instead).
    if (marker && !(marker.startsWith('`') && opening?.[2]?.includes('`'))) {
      fence = marker;
      continue;
    }
    for (const [start, endFor] of HTML_BLOCK_STARTS) {
      const match = start.exec(line);
      if (!match) continue;
      const end = endFor(match);
      const rest = line.slice(match[0].length);
      if (!rest.toLowerCase().includes(end.toLowerCase())) htmlEnd = end;
      break;
    }
  }
  return fence ?? htmlEnd;
}
