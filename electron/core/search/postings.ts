import type { ByteWriter } from './bytes';
import { BODY, FIELD_COUNT } from './ranking';
import type { Scratch, SlotList } from './scratch';
import type { ByteRange, SegmentView } from './segment';

const range: ByteRange = { bytes: new Uint8Array(0), start: 0, end: 0 };
type Bytes = Uint8Array | readonly number[];

/**
 * Adds a term's counts, times `weight`, into `scratch.counts` for the documents of `segment`
 * that are current and allowed by `restrict` (scores, NO_MATCH where not allowed; null allows
 * all), in the fields of `fieldMask`. Every current document holding the term is marked with
 * `generation` (so a word's document frequency counts each once, allowed or not); the allowed
 * ones are pushed on `touched` the first time. Returns how many documents it marked.
 *
 * The decoding is written out here, once, because it is the inner loop of every search.
 */
export function accumulate(
  segment: SegmentView,
  termId: number,
  weight: number,
  fieldMask: number,
  restrict: Float64Array | null,
  scratch: Scratch,
  touched: SlotList,
  generation: number,
): number {
  segment.postings(termId, range);
  const bytes = range.bytes;
  const end = range.end;
  const slots = segment.slots;
  const counts = scratch.counts;
  const marks = scratch.marks;
  const bodyWanted = (fieldMask & (1 << BODY)) !== 0;
  let at = range.start;
  let local = -1;
  let marked = 0;
  while (at < end) {
    let byte = bytes[at++] as number;
    let value = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[at++] as number;
      value += (byte & 0x7f) * 2 ** shift;
    }
    local += value;
    byte = bytes[at++] as number;
    let header = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[at++] as number;
      header += (byte & 0x7f) * 2 ** shift;
    }
    const mask = header % 2 === 1 ? (bytes[at++] as number) : 0;
    const slot = slots[local] as number;
    let allowed = false;
    if (slot >= 0) {
      allowed = restrict === null || (restrict[slot] as number) >= 0;
      if (marks[slot] !== generation) {
        marks[slot] = generation;
        marked += 1;
        if (allowed) touched.push(slot);
      }
    }
    const base = slot * FIELD_COUNT;
    if (allowed && bodyWanted && header > 1) {
      counts[base + BODY] = (counts[base + BODY] as number) + weight * Math.floor(header / 2);
    }
    if (mask === 0) continue;
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      if ((mask & (1 << field)) === 0) continue;
      byte = bytes[at++] as number;
      let count = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++] as number;
        count += (byte & 0x7f) * 2 ** shift;
      }
      if (allowed && (fieldMask & (1 << field)) !== 0) {
        counts[base + field] = (counts[base + field] as number) + weight * count;
      }
    }
  }
  return marked;
}

/** One posting as decoded by `PostingCursor`. */
export class PostingCursor {
  local = -1;
  /** Per field, the term's count in the current document. */
  readonly counts = new Uint32Array(FIELD_COUNT);
  private bytes: Bytes = new Uint8Array(0);
  private at = 0;
  private end = 0;
  private positionBytes: Bytes = new Uint8Array(0);
  private positionAt = 0;
  private positionCount = 0;
  private withPositions = false;

  /** Starts on the term's postings (and positions, when `withPositions`). */
  reset(segment: SegmentView, termId: number, withPositions: boolean): this {
    segment.postings(termId, range);
    this.bytes = range.bytes;
    this.at = range.start;
    this.end = range.end;
    this.local = -1;
    this.positionCount = 0;
    this.withPositions = false;
    if (withPositions) {
      segment.positions(termId, range);
      this.positionBytes = range.bytes;
      this.positionAt = range.start;
      // Prefix lists have no positions: reading theirs would run into the next term's.
      this.withPositions = range.end > range.start;
    }
    return this;
  }

  /** Moves to the next posting; false at the end. Positions not read are skipped. */
  next(): boolean {
    if (this.positionCount > 0) this.skipPositions();
    if (this.at >= this.end) return false;
    this.local += this.varint();
    const header = this.varint();
    this.counts.fill(0);
    this.counts[BODY] = Math.floor(header / 2);
    let total = this.counts[BODY] ?? 0;
    if (header % 2 === 1) {
      const mask = this.bytes[this.at++] ?? 0;
      for (let field = 0; field < FIELD_COUNT; field += 1) {
        if ((mask & (1 << field)) === 0) continue;
        const count = this.varint();
        this.counts[field] = count;
        total += count;
      }
    }
    this.positionCount = this.withPositions ? total : 0;
    return true;
  }

  /** The current posting's positions (call at most once per posting). */
  readPositions(into: number[]): void {
    into.length = 0;
    const bytes = this.positionBytes;
    let position = 0;
    for (let index = 0; index < this.positionCount; index += 1) {
      let byte = bytes[this.positionAt++] ?? 0;
      let value = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[this.positionAt++] ?? 0;
        value += (byte & 0x7f) * 2 ** shift;
      }
      position = index === 0 ? value : position + value;
      into.push(position);
    }
    this.positionCount = 0;
  }

  /** Copies the current posting's positions, still encoded, to `writer`. */
  copyPositions(writer: ByteWriter): void {
    const start = this.positionAt;
    this.skipPositions();
    writer.writeBytes(this.positionBytes, start, this.positionAt);
  }

  private skipPositions(): void {
    const bytes = this.positionBytes;
    let left = this.positionCount;
    while (left > 0) if ((bytes[this.positionAt++] ?? 0) < 0x80) left -= 1;
    this.positionCount = 0;
  }

  private varint(): number {
    let byte = this.bytes[this.at++] ?? 0;
    let value = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = this.bytes[this.at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
    }
    return value;
  }
}
