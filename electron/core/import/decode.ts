/**
 * Bytes to text, refusing what is not text. Imports are read as UTF-8 (or UTF-16 with a BOM);
 * pages are read in their character set, as a browser finds it (see url/charset.ts), so a user who drops a photo or a PDF gets a
 * clear "not a text file" instead of a page of mojibake.
 */
import { importFailed } from './import-error';
import { decodePage } from './url/charset';

/** File signatures of the binary formats people most often drop by mistake. */
const MAGIC_NUMBERS: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (also .docx, .epub…)
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8(7|9)a
];

/** At most this share of replacement characters is tolerated as "a few stray bytes". */
const MAX_INVALID_SHARE = 0.001;
const MAX_INVALID_ALWAYS_OK = 3;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

function notText(label: string): never {
  throw importFailed(`${label} is not a text file (it looks binary)`);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function decodeUtf8(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const invalid = count(lossy, /\uFFFD/g);
    if (invalid > MAX_INVALID_ALWAYS_OK && invalid / lossy.length > MAX_INVALID_SHARE) {
      throw importFailed(`${label} is not UTF-8 text (save it as UTF-8 and try again)`);
    }
    return lossy;
  }
}

/**
 * Decodes an imported file. `label` names it in error messages; `isHtml` reads it as a browser
 * reads a page: BOM, then `contentType`'s charset (an MHTML part's header), then the page's own
 * `<meta charset>`, else UTF-8 if it is valid UTF-8, else windows-1252.
 */
export function decodeImportBytes(
  label: string,
  bytes: Uint8Array,
  isHtml: boolean,
  contentType: string | null = null,
): string {
  if (bytes.length === 0) throw importFailed(`${label} is empty`);
  if (isHtml) {
    if (bomLength(bytes) === 0) refuseBinary(label, bytes);
    return checked(label, decodePage(bytes, contentType).text);
  }
  // A BOM is the strongest signal there is (browsers let it override everything else).
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return checked(label, decodeUtf8(label, bytes.subarray(3)));
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return checked(label, new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return checked(label, new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  }
  refuseBinary(label, bytes);
  return checked(label, decodeUtf8(label, bytes));
}

function bomLength(bytes: Uint8Array): number {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 3;
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) ? 2 : 0;
}

function refuseBinary(label: string, bytes: Uint8Array): void {
  if (MAGIC_NUMBERS.some((magic) => startsWith(bytes, magic))) notText(label);
  if (bytes.includes(0)) notText(label);
}

/** C0 controls other than tab, newlines and form feed, plus DEL: rare in real text. */
function countControlCharacters(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7f || (code < 0x20 && !(code >= 0x09 && code <= 0x0d))) controls++;
  }
  return controls;
}

/** Text with many control characters is a binary format we don't know the magic number of. */
function checked(label: string, text: string): string {
  const controls = countControlCharacters(text);
  if (controls > 8 && controls / text.length > 0.01) notText(label);
  if (text.trim() === '') throw importFailed(`${label} is empty (it holds only blank space)`);
  return text;
}
