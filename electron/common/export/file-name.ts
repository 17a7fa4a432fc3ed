import type { ArticleMeta } from '../model';

/** Whole file name, extension included, in UTF-16 code units. */
export const MAX_FILE_NAME_LENGTH = 100;
/** Linux and macOS allow 255 bytes a name; this leaves room for a " (12)" added later. */
const MAX_FILE_NAME_BYTES = 240;
const EXTENSION = '.md';
const FALLBACK_NAME = 'Untitled';

// Characters Windows forbids in names (macOS forbids ":" and "/", Linux "/"), plus controls.
const FORBIDDEN_CHARACTERS = /[<>:"/\\|?*\p{Cc}]/gu;
// Windows refuses these device names as a file name, with any extension: "CON.md", "nul.txt.md".
const RESERVED_WINDOWS_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * A file name for an article's Markdown export that is valid on Windows, macOS and Linux: the
 * title without forbidden characters, trimmed of the dots and spaces Windows drops, cut at a
 * character boundary to at most 100 characters, ending in ".md".
 */
export function markdownFileName(meta: Pick<ArticleMeta, 'title'>): string {
  let base = meta.title.normalize('NFC').replace(FORBIDDEN_CHARACTERS, ' ').replace(/\s+/gu, ' ');
  base = trimDotsAndSpaces(base);
  if (base === '') base = FALLBACK_NAME;
  if (RESERVED_WINDOWS_NAME.test(base)) base = `_${base}`;
  return fitFileName(base, EXTENSION);
}

/**
 * The names made unique, the first of each kept as it is and later ones numbered: "A.md",
 * "A (2).md". Names differing only in case or Unicode normalization count as the same, since
 * Windows and macOS file systems treat them so.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const key = fileNameKey;
  const taken = new Set<string>();
  const firsts = new Set<number>();
  names.forEach((name, index) => {
    if (taken.has(key(name))) return;
    taken.add(key(name));
    firsts.add(index);
  });
  return names.map((name, index) => {
    if (firsts.has(index)) return name;
    for (let number = 2; ; number += 1) {
      const candidate = numberedFileName(name, number);
      if (!taken.has(key(candidate))) {
        taken.add(key(candidate));
        return candidate;
      }
    }
  });
}

/** "A.md" as "A (2).md", still within the length limits. */
export function numberedFileName(name: string, number: number): string {
  const dot = name.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return fitFileName(base, extension, ` (${number})`);
}

/** How file systems that ignore case and Unicode normalization (Windows, macOS) compare names. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** `base + suffix + extension`, shortening `base` (by whole characters) to fit the limits. */
function fitFileName(base: string, extension: string, suffix = ''): string {
  const tail = suffix + extension;
  const maxLength = MAX_FILE_NAME_LENGTH - tail.length;
  const maxBytes = MAX_FILE_NAME_BYTES - utf8Length(tail);
  // Most titles fit: only a cut needs the (slow) grapheme segmentation.
  if (base.length <= maxLength && utf8Length(base) <= maxBytes) {
    const whole = trimDotsAndSpaces(base);
    return (whole === '' ? FALLBACK_NAME : whole) + tail;
  }
  let kept = '';
  let bytes = 0;
  for (const grapheme of graphemes(base)) {
    const graphemeBytes = utf8Length(grapheme);
    if (kept.length + grapheme.length > maxLength || bytes + graphemeBytes > maxBytes) break;
    kept += grapheme;
    bytes += graphemeBytes;
  }
  kept = trimDotsAndSpaces(kept);
  return (kept === '' ? FALLBACK_NAME : kept) + tail;
}

function trimDotsAndSpaces(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/gu, '');
}

/** User-perceived characters, so a cut never splits an emoji or a letter from its accent. */
function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}
let segmenter: Intl.Segmenter | undefined;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
