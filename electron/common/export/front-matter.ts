/**
 * Just enough YAML front matter reading for re-export: where the block is, which top-level keys
 * it holds (each with its exact lines, so a user's keys are kept byte for byte), and the value of
 * a simple scalar key such as `id`. Not a YAML parser: it never needs to understand a value.
 */

export interface FrontMatterBlock {
  /** The lines between the fences, each with its line ending. */
  lines: string[];
  /** Offset just past the closing fence's line ending: where the rest of the file starts. */
  end: number;
}

export interface FrontMatterEntry {
  /** The top-level key, unquoted; null for lines before the first key (comments, blanks). */
  key: string | null;
  /** The key's line and every line that continues its value, line endings included. */
  text: string;
}

const OPENING_FENCE = /^---[ \t]*\r?\n/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;
/** A top-level key: at column 0, not a comment, list item or document marker, then ":". */
const KEY_LINE =
  /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#\-"'?:{[][^:]*?|-[^\s:][^:]*?)[ \t]*:(?:[ \t]|\r?\n|$)/;

/**
 * The front matter at the very start of `text` (after an optional byte-order mark), or null if
 * there is none; `'unclosed'` when it opens but never closes, which Margin will not touch.
 */
export function findFrontMatter(text: string): FrontMatterBlock | 'unclosed' | null {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const opening = OPENING_FENCE.exec(text.slice(start, start + 8));
  if (!opening) return null;
  const lines: string[] = [];
  let offset = start + opening[0].length;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const next = newline === -1 ? text.length : newline + 1;
    const line = text.slice(offset, next);
    if (CLOSING_FENCE.test(line.replace(/\r?\n$/, ''))) return { lines, end: next };
    lines.push(line);
    offset = next;
  }
  return 'unclosed';
}

/**
 * Splits front matter lines into top-level entries. A value continues on lines that are
 * indented, blank, comments, or block-sequence items at column 0 (`- a`), as YAML allows.
 */
export function frontMatterEntries(lines: readonly string[]): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  let current: FrontMatterEntry = { key: null, text: '' };
  for (const line of lines) {
    const key = KEY_LINE.exec(line);
    if (key) {
      if (current.text !== '') entries.push(current);
      current = { key: unquoteKey(key[1] ?? ''), text: line };
    } else {
      current.text += line;
    }
  }
  if (current.text !== '') entries.push(current);
  return entries;
}

/** The value of `key` when it is a one-line scalar (plain, or quoted), else null. */
export function scalarValue(entries: readonly FrontMatterEntry[], key: string): string | null {
  const entry = entries.find((candidate) => candidate.key === key);
  if (!entry) return null;
  const firstLine = entry.text.split(/\r?\n/, 1)[0] ?? '';
  const raw = firstLine.slice(firstLine.indexOf(':') + 1).trim();
  if (raw.startsWith('"')) {
    const match = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(raw);
    return match ? (match[1] ?? '').replace(/\\(.)/g, '$1') : null;
  }
  if (raw.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(raw);
    return match ? (match[1] ?? '').replace(/''/g, "'") : null;
  }
  const plain = raw.replace(/\s+#.*$/, '').trim();
  return plain === '' ? null : plain;
}

function unquoteKey(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trimEnd();
}
