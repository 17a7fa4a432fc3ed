import { crc32 } from 'node:zlib';
import { FIELD_COUNT } from './ranking';
import { Segment, type SegmentData } from './segment';

/**
 * A segment on disk: a header, a table of sections, the sections (8-byte aligned, so each is
 * viewed as a typed array in place, without copying or parsing), and a CRC-32 of everything
 * before it. Loading is one read, one checksum and a few bounds checks.
 *
 *   "MRGNSEG1" · u32 format · u32 docCount · u32 termCount · u32 sectionCount
 *   sectionCount × (u32 offset, u32 byteLength) · sections · u32 crc32
 */
const MAGIC = 'MRGNSEG1';
export const SEGMENT_FORMAT = 1;
const HEADER_BYTES = 24;

type SectionName = Exclude<keyof SegmentData, 'ids'> | 'ids';
const SECTIONS: SectionName[] = [
  'ids',
  'fieldLengths',
  'fieldEnds',
  'termChars',
  'termStarts',
  'documentFrequencies',
  'postingStarts',
  'postingBytes',
  'positionStarts',
  'positionBytes',
];

export class CorruptSegmentError extends Error {}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}

/**
 * The segment's file as chunks to write in order. The big sections are views of the segment's
 * own arrays, not copies: a 100,000-article segment is written without doubling memory.
 */
export function encodeSegment(segment: Segment): Uint8Array[] {
  const data = segment.data;
  const parts = SECTIONS.map((name): Uint8Array => {
    if (name === 'ids') return new TextEncoder().encode(data.ids.join('\n'));
    const array = data[name];
    return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  });
  const headerLength = align(HEADER_BYTES + SECTIONS.length * 8);
  let offset = headerLength;
  const offsets = parts.map((part) => {
    const at = offset;
    offset = align(offset + part.byteLength);
    return at;
  });
  const header = new Uint8Array(headerLength);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, SEGMENT_FORMAT, true);
  view.setUint32(12, segment.docCount, true);
  view.setUint32(16, segment.termCount, true);
  view.setUint32(20, SECTIONS.length, true);
  parts.forEach((part, index) => {
    view.setUint32(HEADER_BYTES + index * 8, offsets[index] ?? 0, true);
    view.setUint32(HEADER_BYTES + index * 8 + 4, part.byteLength, true);
  });
  const chunks: Uint8Array[] = [header];
  for (const part of parts) {
    chunks.push(part);
    const padding = align(part.byteLength) - part.byteLength;
    if (padding > 0) chunks.push(new Uint8Array(padding));
  }
  let checksum = 0;
  for (const chunk of chunks) checksum = crc32(chunk, checksum);
  const trailer = new Uint8Array(4);
  new DataView(trailer.buffer).setUint32(0, checksum, true);
  chunks.push(trailer);
  return chunks;
}

/** Whether the file's CRC-32 matches its bytes. */
export function checksumMatches(bytes: Uint8Array): boolean {
  if (bytes.byteLength < HEADER_BYTES + 4) return false;
  const end = bytes.byteLength - 4;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(end, true) === crc32(bytes.subarray(0, end));
}

/**
 * Reads a segment; throws CorruptSegmentError if anything does not add up. With `verify` false
 * the checksum is left for later (`checksumMatches`): at 100,000 articles it is most of a
 * second, and search can start before it.
 */
export function decodeSegment(
  input: Uint8Array,
  file: string | null = null,
  verify = true,
): Segment {
  // Typed views need aligned offsets; a buffer from a pool may not start on one.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const fail = (why: string): never => {
    throw new CorruptSegmentError(`search index segment ${file ?? ''}: ${why}`);
  };
  if (bytes.byteLength < HEADER_BYTES + 4) fail('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) fail('not a segment');
  if (view.getUint32(8, true) !== SEGMENT_FORMAT) fail('another format version');
  const end = bytes.byteLength - 4;
  if (verify && !checksumMatches(bytes)) fail('checksum mismatch');
  const docCount = view.getUint32(12, true);
  const termCount = view.getUint32(16, true);
  if (view.getUint32(20, true) !== SECTIONS.length) fail('wrong section count');
  const section = (index: number): [number, number] => {
    const offset = view.getUint32(HEADER_BYTES + index * 8, true);
    const length = view.getUint32(HEADER_BYTES + index * 8 + 4, true);
    if (offset % 8 !== 0 || offset + length > end) fail(`section ${index} out of bounds`);
    return [bytes.byteOffset + offset, length];
  };
  const u32 = (index: number, expected: number | null): Uint32Array => {
    const [offset, length] = section(index);
    if (length % 4 !== 0 || (expected !== null && length / 4 !== expected)) {
      fail(`section ${SECTIONS[index]} has the wrong size`);
    }
    return new Uint32Array(bytes.buffer, offset, length / 4);
  };
  const u8 = (index: number): Uint8Array => {
    const [offset, length] = section(index);
    return new Uint8Array(bytes.buffer, offset, length);
  };
  const [idsOffset, idsLength] = section(0);
  const idsText = new TextDecoder().decode(new Uint8Array(bytes.buffer, idsOffset, idsLength));
  const ids = docCount === 0 ? [] : idsText.split('\n');
  if (ids.length !== docCount) fail('wrong number of ids');
  const [charsOffset, charsLength] = section(3);
  if (charsLength % 2 !== 0) fail('odd term characters');
  const data: SegmentData = {
    ids,
    fieldLengths: u32(1, docCount * FIELD_COUNT),
    fieldEnds: u32(2, docCount * FIELD_COUNT),
    termChars: new Uint16Array(bytes.buffer, charsOffset, charsLength / 2),
    termStarts: u32(4, termCount + 1),
    documentFrequencies: u32(5, termCount),
    postingStarts: u32(6, termCount + 1),
    postingBytes: u8(7),
    positionStarts: u32(8, termCount + 1),
    positionBytes: u8(9),
  };
  checkOffsets(data.termStarts, data.termChars.length, fail);
  checkOffsets(data.postingStarts, data.postingBytes.length, fail);
  checkOffsets(data.positionStarts, data.positionBytes.length, fail);
  const segment = new Segment(data, file);
  segment.source = bytes;
  return segment;
}

function checkOffsets(offsets: Uint32Array, total: number, fail: (why: string) => never): void {
  let previous = 0;
  for (const offset of offsets) {
    if (offset < previous) fail('offsets go backwards');
    previous = offset;
  }
  if ((offsets[0] ?? 0) !== 0 || previous !== total) fail('offsets do not cover their data');
}
