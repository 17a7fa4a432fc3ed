/**
 * Matching happens on text whose whitespace is collapsed: every run of whitespace becomes one
 * space. An article's text keeps the indentation and line breaks of its HTML source, so the same
 * words can be separated by "\n          \n    " in one version and by "\n" in the next; counting
 * those as edits would drown the real evidence (and a prefix that is mostly indentation says
 * almost nothing about where a quote is).
 */

/** A text with collapsed whitespace, and where each of its characters came from. */
export interface CollapsedText {
  /** The original text. */
  raw: string;
  /** `raw` with every run of whitespace replaced by one space. */
  text: string;
  /** For each character of `text`, the offset in `raw` where it starts. */
  rawStart: Int32Array;
  /** For each character of `text`, the offset in `raw` just after it (a space covers its run). */
  rawEnd: Int32Array;
  /** For each character of `text`, 1 when it is a space standing for a run with a line break. */
  lineBreaks: Uint8Array;
}

const isLineBreak = (code: number): boolean =>
  code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/** Whitespace as JavaScript's `\s` defines it (including no-break and other Unicode spaces). */
export function isWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `text` with every run of whitespace replaced by one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Collapses the whitespace of `raw`, keeping the way back to its offsets. */
export function collapseWithOffsets(raw: string): CollapsedText {
  const rawStart = new Int32Array(raw.length);
  const rawEnd = new Int32Array(raw.length);
  const lineBreaks = new Uint8Array(raw.length);
  const parts: string[] = [];
  let length = 0;
  let runStart = 0;
  for (let i = 0; i < raw.length;) {
    if (isWhitespace(raw.charCodeAt(i))) {
      let j = i;
      let breaks = false;
      for (; j < raw.length && isWhitespace(raw.charCodeAt(j)); j += 1) {
        if (isLineBreak(raw.charCodeAt(j))) breaks = true;
      }
      lineBreaks[length] = breaks ? 1 : 0;
      rawStart[length] = i;
      rawEnd[length] = j;
      length += 1;
      parts.push(raw.slice(runStart, i), ' ');
      runStart = j;
      i = j;
    } else {
      rawStart[length] = i;
      rawEnd[length] = i + 1;
      length += 1;
      i += 1;
    }
  }
  parts.push(raw.slice(runStart));
  return {
    raw,
    text: parts.join(''),
    rawStart: rawStart.subarray(0, length),
    rawEnd: rawEnd.subarray(0, length),
    lineBreaks: lineBreaks.subarray(0, length),
  };
}

/**
 * The range of `collapsed.raw` that the collapsed range `start..end` stands for. Whitespace at
 * either end is dropped unless `keepEdgeSpace` says the quote itself began or ended with some,
 * so a highlight never grows to swallow a run of indentation.
 */
export function toRawRange(
  collapsed: CollapsedText,
  start: number,
  end: number,
  keepEdgeSpace: { start: boolean; end: boolean } = { start: false, end: false },
): { start: number; end: number } {
  const { raw, rawStart, rawEnd } = collapsed;
  let from = rawStart[start] ?? raw.length;
  let to = end > start ? (rawEnd[end - 1] ?? raw.length) : from;
  if (!keepEdgeSpace.start) while (from < to && isWhitespace(raw.charCodeAt(from))) from += 1;
  if (!keepEdgeSpace.end) while (to > from && isWhitespace(raw.charCodeAt(to - 1))) to -= 1;
  return { start: from, end: to };
}
