import { FIELD_COUNT } from './ranking';

/**
 * A segment indexes a batch of documents, numbered 0, 1, … within it ("local" numbers). Per
 * term it has a posting list and a position list:
 *
 * - posting, per document holding the term: varint gap from the previous document (the first
 *   from -1), then varint `bodyCount * 2 + hasOtherFields`, and if that bit is set a byte with
 *   one bit per other field (FIELDS order, body skipped) and a varint count for each bit set;
 * - positions, per posting: its positions (as many as its counts add up to), the first as is,
 *   the others as gaps from the one before.
 *
 * Terms starting with PREFIX_MARK are prefix lists: for each prefix of 1 to 3 characters, the
 * documents holding any term that starts with it, with the counts summed (no positions). They
 * answer the word being typed ("gh") with one list instead of thousands.
 */
export interface SegmentView {
  readonly docCount: number;
  /** Per local document, the index slot of the document it holds, or -1 once superseded. */
  readonly slots: Int32Array;
  /** Per local document and field, its number of tokens. */
  readonly fieldLengths: Uint32Array;
  /** Per local document and field, the position just after the field. */
  readonly fieldEnds: Uint32Array;
  idOf(local: number): string;
  /** The term's id in this segment, or -1. */
  termId(term: string): number;
  /** The ids of the (real) terms that start with `prefix`. */
  termIdsWithPrefix(prefix: string): number[];
  documentFrequency(termId: number): number;
  postings(termId: number, into: ByteRange): void;
  positions(termId: number, into: ByteRange): void;
}

export interface ByteRange {
  /** A segment's bytes, or the plain array of a term's bytes in the segment being written. */
  bytes: Uint8Array | readonly number[];
  start: number;
  end: number;
}

export const PREFIX_MARK = '\u0001';
/** Prefix lists cover the words being typed at 1, 2 and 3 characters (as FTS5's prefix='2 3'). */
export const PREFIX_LIST_MAX = 3;

/** The first `length` code points of `term`, or null if it is shorter. */
export function prefixOf(term: string, length: number): string | null {
  let at = 0;
  for (let count = 0; count < length; count += 1) {
    if (at >= term.length) return null;
    const code = term.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return term.slice(0, at);
}

/** How many code points `term` has. */
export function codePointLength(term: string): number {
  let count = 0;
  for (let at = 0; at < term.length; at += 1) {
    const code = term.charCodeAt(at);
    if (code < 0xdc00 || code > 0xdfff) count += 1;
  }
  return count;
}

export interface SegmentData {
  ids: string[];
  fieldLengths: Uint32Array;
  fieldEnds: Uint32Array;
  /** All terms' UTF-16 code units, in code-unit order of the terms. */
  termChars: Uint16Array;
  /** termCount + 1 offsets into termChars. */
  termStarts: Uint32Array;
  documentFrequencies: Uint32Array;
  postingStarts: Uint32Array;
  postingBytes: Uint8Array;
  positionStarts: Uint32Array;
  positionBytes: Uint8Array;
}

/** An immutable segment: flat typed arrays, as loaded from disk in one read. */
export class Segment implements SegmentView {
  readonly docCount: number;
  readonly termCount: number;
  readonly slots: Int32Array;
  readonly fieldLengths: Uint32Array;
  readonly fieldEnds: Uint32Array;
  /** The file's bytes while its checksum is still to be verified; null after. */
  source: Uint8Array | null = null;

  constructor(
    readonly data: SegmentData,
    /** The file it was loaded from or written to; null until written. */
    public file: string | null = null,
  ) {
    this.docCount = data.ids.length;
    this.termCount = data.documentFrequencies.length;
    this.slots = new Int32Array(this.docCount).fill(-1);
    this.fieldLengths = data.fieldLengths;
    this.fieldEnds = data.fieldEnds;
  }

  /** Documents still current here. */
  get liveCount(): number {
    let live = 0;
    for (const slot of this.slots) if (slot >= 0) live += 1;
    return live;
  }

  idOf(local: number): string {
    return this.data.ids[local] ?? '';
  }

  termId(term: string): number {
    const at = this.lowerBound(term, false);
    return at < this.termCount && this.compare(at, term, false) === 0 ? at : -1;
  }

  termIdsWithPrefix(prefix: string): number[] {
    const from = this.lowerBound(prefix, false);
    const to = this.lowerBound(prefix, true);
    const ids: number[] = [];
    for (let id = from; id < to; id += 1) ids.push(id);
    return ids;
  }

  /** The term as a string (for merging). */
  term(termId: number): string {
    const { termChars, termStarts } = this.data;
    return String.fromCharCode(
      ...termChars.subarray(termStarts[termId] ?? 0, termStarts[termId + 1] ?? 0),
    );
  }

  documentFrequency(termId: number): number {
    return this.data.documentFrequencies[termId] ?? 0;
  }

  postings(termId: number, into: ByteRange): void {
    into.bytes = this.data.postingBytes;
    into.start = this.data.postingStarts[termId] ?? 0;
    into.end = this.data.postingStarts[termId + 1] ?? 0;
  }

  positions(termId: number, into: ByteRange): void {
    into.bytes = this.data.positionBytes;
    into.start = this.data.positionStarts[termId] ?? 0;
    into.end = this.data.positionStarts[termId + 1] ?? 0;
  }

  /**
   * The first term id not less than `key`; with `pastPrefix`, the first whose start is greater
   * than `key` (the end of the terms starting with it).
   */
  private lowerBound(key: string, pastPrefix: boolean): number {
    let low = 0;
    let high = this.termCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(middle, key, pastPrefix) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Compares term `termId` with `key`; with `asPrefix`, a term starting with `key` is less. */
  private compare(termId: number, key: string, asPrefix: boolean): number {
    const { termChars, termStarts } = this.data;
    const start = termStarts[termId] ?? 0;
    const length = (termStarts[termId + 1] ?? 0) - start;
    const shared = Math.min(length, key.length);
    for (let at = 0; at < shared; at += 1) {
      const difference = (termChars[start + at] ?? 0) - key.charCodeAt(at);
      if (difference !== 0) return difference;
    }
    if (length >= key.length && asPrefix) return -1;
    return length - key.length;
  }
}

export function fieldOffset(local: number, field: number): number {
  return local * FIELD_COUNT + field;
}
