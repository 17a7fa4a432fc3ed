/**
 * Encodes text in a legacy character set (windows-1252, Shift_JIS…) so tests can serve pages the
 * way old sites do. Node only encodes UTF-8, so the table is built by inverting its decoder over
 * every one- and two-byte sequence. A character the set lacks becomes a numeric character
 * reference, as browsers write it.
 */
import { decodeText } from '../../electron/core/import/url/charset';

const tables = new Map<string, Map<string, number[]>>();

function tableFor(encoding: string): Map<string, number[]> {
  const cached = tables.get(encoding);
  if (cached) return cached;
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (bytes: Uint8Array) =>
    encoding === 'windows-1252' ? decodeText(bytes, encoding) : decoder.decode(bytes);
  const table = new Map<string, number[]>();
  const add = (bytes: number[]) => {
    try {
      const char = decode(new Uint8Array(bytes));
      if (char.length >= 1 && char.length <= 2 && !table.has(char)) table.set(char, bytes);
    } catch {
      // not a valid sequence in this encoding
    }
  };
  for (let b = 0; b < 0x80; b++) add([b]);
  for (let lead = 0x80; lead <= 0xff; lead++) {
    add([lead]);
    for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  }
  tables.set(encoding, table);
  return table;
}

export function encodeLegacy(text: string, encoding: string): Buffer {
  const table = tableFor(encoding);
  const out: number[] = [];
  for (const char of text) {
    const bytes = table.get(char);
    if (bytes) out.push(...bytes);
    else for (const c of `&#${char.codePointAt(0)};`) out.push(c.charCodeAt(0));
  }
  return Buffer.from(out);
}
