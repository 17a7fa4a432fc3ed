/**
 * MHTML (`.mhtml`, `.mht`, RFC 2557): a page and its resources in one MIME multipart/related
 * message, as Chrome, Edge and old Internet Explorer save them. Each part has its own
 * Content-Type (with charset), Content-Transfer-Encoding (quoted-printable, base64, 7bit, 8bit,
 * binary) and Content-Location (the address the page refers to it by) or Content-ID (`cid:`).
 */
import { importFailed } from './import-error';
import type { FetchedImage, ImageSource } from './page-input';

export interface MimePart {
  headers: Map<string, string>;
  /** The part's body, transfer encoding undone. */
  body: Uint8Array;
}

export interface MhtmlDocument {
  /** The page part (the `start` part, else the first text/html one). */
  root: MimePart;
  parts: MimePart[];
  /** The page's address: the root's Content-Location or the message's Snapshot-Content-Location. */
  url: string | null;
}

/** Headers (folded lines unfolded) and where the body starts, in a latin1 string. */
function readHeaders(text: string, from: number): { headers: Map<string, string>; body: number } {
  const headers = new Map<string, string>();
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = from;
  const end = blank.exec(text);
  const block = text.slice(from, end ? end.index : text.length);
  let current: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && current !== null) {
      headers.set(current, `${headers.get(current) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    current = line.slice(0, colon).trim().toLowerCase();
    headers.set(current, line.slice(colon + 1).trim());
  }
  return { headers, body: end ? end.index + end[0].length : text.length };
}

/** A parameter of a header value: `boundary` of `multipart/related; boundary="x"`. */
export function headerParam(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function mediaType(part: MimePart): string {
  return (part.headers.get('content-type') ?? 'text/plain').split(';', 1)[0]!.trim().toLowerCase();
}

function decodeQuotedPrintable(text: string): Uint8Array {
  const joined = text.replace(/=\r?\n/g, '');
  const out = new Uint8Array(joined.length);
  let n = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[n++] = parseInt(joined.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = c & 0xff;
    }
  }
  return out.subarray(0, n);
}

function decodeBody(raw: string, encoding: string | undefined): Uint8Array {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'base64':
      return new Uint8Array(Buffer.from(raw.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
    case 'quoted-printable':
      return decodeQuotedPrintable(raw);
    default: // 7bit, 8bit, binary: the bytes as they are
      return new Uint8Array(Buffer.from(raw, 'latin1'));
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Parses an MHTML file. Throws MarginError('import-failed') when it is not one. */
export function parseMhtml(label: string, bytes: Uint8Array): MhtmlDocument {
  // latin1 maps bytes one to one, so binary parts survive the trip through a string.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const message = readHeaders(text, 0);
  const contentType = message.headers.get('content-type');
  const boundary = headerParam(contentType, 'boundary');
  if (!/^multipart\//i.test(contentType ?? '') || !boundary) {
    throw importFailed(`${label} is not an MHTML file (it has no multipart/related content)`);
  }
  const delimiter = new RegExp(
    `(?:^|\\r?\\n)--${escapeRegExp(boundary)}(--)?[ \\t]*(?:\\r?\\n|$)`,
    'g',
  );
  delimiter.lastIndex = message.body;
  const parts: MimePart[] = [];
  let start: number | null = null;
  for (let match = delimiter.exec(text); match !== null; match = delimiter.exec(text)) {
    if (start !== null) {
      const { headers, body } = readHeaders(text, start);
      const raw = text.slice(Math.min(body, match.index), match.index);
      parts.push({ headers, body: decodeBody(raw, headers.get('content-transfer-encoding')) });
    }
    if (match[1] === '--') break;
    start = delimiter.lastIndex;
  }
  const startId = headerParam(contentType, 'start');
  const root =
    (startId === null
      ? undefined
      : parts.find((p) => p.headers.get('content-id') === startId.trim())) ??
    parts.find((p) => mediaType(p) === 'text/html');
  if (root === undefined) throw importFailed(`${label} holds no web page`);
  const url =
    httpUrl(root.headers.get('content-location')) ??
    httpUrl(message.headers.get('snapshot-content-location'));
  return { root, parts, url };
}

/** The message's image parts, found by their Content-Location or as `cid:<Content-ID>`. */
export function mhtmlImageSource(doc: MhtmlDocument): ImageSource {
  const byAddress = new Map<string, FetchedImage>();
  for (const part of doc.parts) {
    const type = mediaType(part);
    if (!type.startsWith('image/')) continue;
    const image = { bytes: part.body, type };
    const location = part.headers.get('content-location');
    if (location) {
      try {
        byAddress.set(new URL(location, doc.url ?? undefined).href, image);
      } catch {
        byAddress.set(location, image);
      }
    }
    const id = part.headers.get('content-id')?.replace(/^<|>$/g, '');
    if (id) byAddress.set(`cid:${id}`, image);
  }
  return async (url) => byAddress.get(url) ?? null;
}
