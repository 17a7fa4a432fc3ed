/**
 * The character set of a fetched page, found as a browser finds it: a byte order mark first,
 * then the HTTP `Content-Type` charset, then `<meta charset>` or its http-equiv form in the first
 * bytes, and otherwise UTF-8 if the bytes are valid UTF-8, else windows-1252. Every WHATWG label
 * is known: windows-125x, ISO-8859-x, Shift_JIS, EUC-JP, GBK, GB18030, Big5, EUC-KR, KOI8,
 * x-user-defined…
 */
import { TextDecoder } from '@exodus/bytes/encoding.js';

/**
 * Decoding follows the WHATWG Encoding standard in full, with @exodus/bytes (jsdom's own
 * decoder): Node 20's ICU TextDecoder maps windows-1252's 0x80–0x9F to control characters, drops
 * malformed legacy sequences without a U+FFFD (EUC-KR `93 80 41` gave `A`, not `\uFFFDA`) and has
 * no `x-user-defined`.
 */
export function decodeText(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** How far into the page a `<meta charset>` is looked for (browsers use 1024; pages run over). */
const META_SCAN_BYTES = 4096;

export interface DecodedPage {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `shift_jis`. */
  encoding: string;
}

/** The WHATWG encoding for `label`, or null if the platform has none by that name. */
export function encodingFor(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type header, if any. */
export function headerCharset(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2] ?? null;
}

/** The charset a page declares in its head: `<meta charset=…>` or `<meta http-equiv content=…>`. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_SCAN_BYTES));
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of withoutComments.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Decodes a fetched page's bytes in the encoding the BOM, the header or the page gives. */
export function decodePage(bytes: Uint8Array, contentType: string | null): DecodedPage {
  const bom = bomEncoding(bytes);
  if (bom) {
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
    };
  }
  let encoding = encodingFor(headerCharset(contentType)) ?? encodingFor(metaCharset(bytes));
  // A page cannot declare UTF-16 from inside itself without a BOM; browsers read it as UTF-8.
  if (encoding?.startsWith('utf-16')) encoding = 'utf-8';
  if (encoding) return { text: decodeText(bytes, encoding), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Undeclared and not UTF-8: the web's historical default.
    return { text: decodeText(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}
