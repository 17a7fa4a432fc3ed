/**
 * A growable byte buffer written as unsigned LEB128 varints: posting lists are mostly small
 * numbers (gaps between documents, counts, gaps between positions), which take one byte each.
 */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 16) {
    this.bytes = new Uint8Array(capacity);
  }

  writeVarint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  writeByte(value: number): void {
    if (this.length + 1 > this.bytes.length) this.grow(1);
    this.bytes[this.length++] = value;
  }

  writeBytes(source: Uint8Array | readonly number[], start: number, end: number): void {
    if (this.length + (end - start) > this.bytes.length) this.grow(end - start);
    for (let at = start; at < end; at += 1) this.bytes[this.length++] = source[at] ?? 0;
  }

  /** The written bytes, trimmed (a copy only if there is spare room). */
  toBytes(): Uint8Array {
    return this.length === this.bytes.length ? this.bytes : this.bytes.slice(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed, 16));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}
