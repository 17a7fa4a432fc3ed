import type { AnalyzedDocument } from './analyze';
import { ByteWriter } from './bytes';
import { BODY, FIELD_COUNT } from './ranking';
import {
  PREFIX_LIST_MAX,
  PREFIX_MARK,
  Segment,
  prefixOf,
  type ByteRange,
  type SegmentView,
} from './segment';

/** Where postings are written: a ByteWriter (segments) or a plain array of bytes (builder). */
type ByteSink = ByteWriter | number[];

function writeVarint(sink: ByteSink, value: number): void {
  if (!Array.isArray(sink)) {
    sink.writeVarint(value);
    return;
  }
  let rest = value >>> 0;
  while (rest >= 0x80) {
    sink.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  sink.push(rest);
}

/** Writes one posting (see SegmentView for the format). */
export function writePosting(
  sink: ByteSink,
  gap: number,
  counts: ArrayLike<number>,
  base: number,
): void {
  writeVarint(sink, gap);
  let mask = 0;
  for (let field = 0; field < FIELD_COUNT; field += 1) {
    if (field !== BODY && (counts[base + field] ?? 0) > 0) mask |= 1 << field;
  }
  writeVarint(sink, (counts[base + BODY] ?? 0) * 2 + (mask === 0 ? 0 : 1));
  if (mask === 0) return;
  writeVarint(sink, mask);
  for (let field = 0; field < FIELD_COUNT; field += 1) {
    if (mask & (1 << field)) writeVarint(sink, counts[base + field] ?? 0);
  }
}

const NO_PREFIX = -1;

/**
 * The segment being written: documents are appended (the newest edits, or a rebuild in
 * progress) and can be searched at once; `finish` turns it into an immutable Segment.
 */
export class SegmentBuilder implements SegmentView {
  docCount = 0;
  slots = new Int32Array(16);
  fieldLengths = new Uint32Array(16 * FIELD_COUNT);
  fieldEnds = new Uint32Array(16 * FIELD_COUNT);
  private readonly ids: string[] = [];
  private readonly idsByTerm = new Map<string, number>();
  private readonly terms: string[] = [];
  // Per term id. Plain arrays of bytes rather than a typed array per term: a rebuild creates
  // hundreds of thousands of terms, and as many small typed arrays cost more than the bytes.
  private readonly postingLists: number[][] = [];
  private readonly positionLists: number[][] = [];
  private readonly lastDocuments: number[] = [];
  private readonly frequencies: number[] = [];
  /** Per term id, PREFIX_LIST_MAX ids of the prefix lists it feeds (NO_PREFIX past its length). */
  private prefixIds = new Int32Array(1024 * PREFIX_LIST_MAX);
  /** Per prefix-list id, its row in `prefixCounts` for the document being added, or -1. */
  private prefixRows = new Int32Array(1024).fill(-1);
  private prefixCounts = new Float64Array(256 * FIELD_COUNT);
  /** Term ids in term order, for prefix lookups; terms added since are merged in lazily. */
  private sorted: number[] = [];
  private unsorted: number[] = [];

  get liveCount(): number {
    let live = 0;
    for (let local = 0; local < this.docCount; local += 1)
      if ((this.slots[local] ?? -1) >= 0) live += 1;
    return live;
  }

  /** Appends a document; returns its local number. */
  add(id: string, slot: number, document: AnalyzedDocument): number {
    const local = this.docCount;
    this.ensureCapacity(local + 1);
    this.docCount += 1;
    this.ids.push(id);
    this.slots[local] = slot;
    this.fieldLengths.set(document.fieldLengths, local * FIELD_COUNT);
    this.fieldEnds.set(document.fieldEnds, local * FIELD_COUNT);
    const touched: number[] = [];
    const counts = document.counts;
    document.terms.forEach((term, index) => {
      const id = this.intern(term);
      const base = index * FIELD_COUNT;
      this.append(id, local, counts, base);
      const positions = this.positionLists[id] as number[];
      let previous = -1;
      for (const position of document.positions[index] ?? []) {
        writeVarint(positions, previous < 0 ? position : position - previous);
        previous = position;
      }
      for (let length = 0; length < PREFIX_LIST_MAX; length += 1) {
        const prefixId = this.prefixIds[id * PREFIX_LIST_MAX + length] ?? NO_PREFIX;
        if (prefixId === NO_PREFIX) break;
        let row = this.prefixRows[prefixId] ?? -1;
        if (row < 0) {
          row = touched.push(prefixId) - 1;
          this.prefixRows[prefixId] = row;
          if ((row + 1) * FIELD_COUNT > this.prefixCounts.length) {
            const grown = new Float64Array(this.prefixCounts.length * 2);
            grown.set(this.prefixCounts);
            this.prefixCounts = grown;
          }
          this.prefixCounts.fill(0, row * FIELD_COUNT, (row + 1) * FIELD_COUNT);
        }
        for (let field = 0; field < FIELD_COUNT; field += 1) {
          this.prefixCounts[row * FIELD_COUNT + field] =
            (this.prefixCounts[row * FIELD_COUNT + field] ?? 0) + (counts[base + field] ?? 0);
        }
      }
    });
    touched.forEach((prefixId, row) => {
      this.append(prefixId, local, this.prefixCounts, row * FIELD_COUNT);
      this.prefixRows[prefixId] = -1;
    });
    return local;
  }

  idOf(local: number): string {
    return this.ids[local] ?? '';
  }

  termId(term: string): number {
    return this.idsByTerm.get(term) ?? -1;
  }

  termIdsWithPrefix(prefix: string): number[] {
    this.mergeUnsorted();
    const ids: number[] = [];
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.terms[this.sorted[middle] ?? 0] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < this.sorted.length; at += 1) {
      const id = this.sorted[at] ?? 0;
      if (!(this.terms[id] ?? '').startsWith(prefix)) break;
      ids.push(id);
    }
    return ids;
  }

  documentFrequency(termId: number): number {
    return this.frequencies[termId] ?? 0;
  }

  postings(termId: number, into: ByteRange): void {
    const list = this.postingLists[termId] ?? EMPTY;
    into.bytes = list;
    into.start = 0;
    into.end = list.length;
  }

  positions(termId: number, into: ByteRange): void {
    const list = this.positionLists[termId] ?? EMPTY;
    into.bytes = list;
    into.start = 0;
    into.end = list.length;
  }

  /** The immutable segment holding the same documents (with the same local numbers). */
  finish(): Segment {
    this.mergeUnsorted();
    const order = this.sorted;
    const termCount = order.length;
    const termStarts = new Uint32Array(termCount + 1);
    const documentFrequencies = new Uint32Array(termCount);
    const postingStarts = new Uint32Array(termCount + 1);
    const positionStarts = new Uint32Array(termCount + 1);
    let chars = 0;
    let postingLength = 0;
    let positionLength = 0;
    order.forEach((id, at) => {
      chars += (this.terms[id] ?? '').length;
      postingLength += this.postingLists[id]?.length ?? 0;
      positionLength += this.positionLists[id]?.length ?? 0;
      termStarts[at + 1] = chars;
      postingStarts[at + 1] = postingLength;
      positionStarts[at + 1] = positionLength;
      documentFrequencies[at] = this.frequencies[id] ?? 0;
    });
    const termChars = new Uint16Array(chars);
    const postingBytes = new Uint8Array(postingLength);
    const positionBytes = new Uint8Array(positionLength);
    order.forEach((id, at) => {
      const term = this.terms[id] ?? '';
      const start = termStarts[at] ?? 0;
      for (let c = 0; c < term.length; c += 1) termChars[start + c] = term.charCodeAt(c);
      copyInto(postingBytes, this.postingLists[id] ?? EMPTY, postingStarts[at] ?? 0);
      copyInto(positionBytes, this.positionLists[id] ?? EMPTY, positionStarts[at] ?? 0);
    });
    const segment = new Segment({
      ids: [...this.ids],
      fieldLengths: this.fieldLengths.slice(0, this.docCount * FIELD_COUNT),
      fieldEnds: this.fieldEnds.slice(0, this.docCount * FIELD_COUNT),
      termChars,
      termStarts,
      documentFrequencies,
      postingStarts,
      postingBytes,
      positionStarts,
      positionBytes,
    });
    segment.slots.set(this.slots.subarray(0, this.docCount));
    return segment;
  }

  private append(id: number, local: number, counts: ArrayLike<number>, base: number): void {
    writePosting(
      this.postingLists[id] as number[],
      local - (this.lastDocuments[id] ?? -1),
      counts,
      base,
    );
    this.lastDocuments[id] = local;
    this.frequencies[id] = (this.frequencies[id] ?? 0) + 1;
  }

  private intern(term: string): number {
    const known = this.idsByTerm.get(term);
    if (known !== undefined) return known;
    const prefixes: number[] = [];
    for (let length = 1; length <= PREFIX_LIST_MAX; length += 1) {
      const prefix = prefixOf(term, length);
      if (prefix === null) break;
      prefixes.push(this.idsByTerm.get(PREFIX_MARK + prefix) ?? this.newTerm(PREFIX_MARK + prefix));
    }
    const id = this.newTerm(term);
    for (let length = 0; length < PREFIX_LIST_MAX; length += 1) {
      this.prefixIds[id * PREFIX_LIST_MAX + length] = prefixes[length] ?? NO_PREFIX;
    }
    return id;
  }

  private newTerm(term: string): number {
    const id = this.terms.length;
    this.idsByTerm.set(term, id);
    this.terms.push(term);
    this.postingLists.push([]);
    this.positionLists.push([]);
    this.lastDocuments.push(-1);
    this.frequencies.push(0);
    this.unsorted.push(id);
    if (this.prefixRows.length <= id) {
      const rows = new Int32Array(this.prefixRows.length * 2).fill(-1);
      rows.set(this.prefixRows);
      this.prefixRows = rows;
      const ids = new Int32Array(rows.length * PREFIX_LIST_MAX).fill(NO_PREFIX);
      ids.set(this.prefixIds);
      this.prefixIds = ids;
    }
    for (let length = 0; length < PREFIX_LIST_MAX; length += 1) {
      this.prefixIds[id * PREFIX_LIST_MAX + length] = NO_PREFIX;
    }
    return id;
  }

  private mergeUnsorted(): void {
    if (this.unsorted.length === 0) return;
    const terms = this.terms;
    const byTerm = (a: number, b: number): number => {
      const x = terms[a] ?? '';
      const y = terms[b] ?? '';
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const added = this.unsorted.sort(byTerm);
    const merged = new Array<number>(this.sorted.length + added.length);
    let a = 0;
    let b = 0;
    for (let at = 0; at < merged.length; at += 1) {
      const left = this.sorted[a];
      const right = added[b];
      if (right === undefined || (left !== undefined && byTerm(left, right) < 0)) {
        merged[at] = left ?? 0;
        a += 1;
      } else {
        merged[at] = right;
        b += 1;
      }
    }
    this.sorted = merged;
    this.unsorted = [];
  }

  private ensureCapacity(documents: number): void {
    if (documents <= this.slots.length) return;
    const capacity = Math.max(documents, this.slots.length * 2);
    const slots = new Int32Array(capacity).fill(-1);
    slots.set(this.slots);
    this.slots = slots;
    const lengths = new Uint32Array(capacity * FIELD_COUNT);
    lengths.set(this.fieldLengths);
    this.fieldLengths = lengths;
    const ends = new Uint32Array(capacity * FIELD_COUNT);
    ends.set(this.fieldEnds);
    this.fieldEnds = ends;
  }
}

const EMPTY: number[] = [];

function copyInto(target: Uint8Array, source: readonly number[], at: number): void {
  for (let index = 0; index < source.length; index += 1) target[at + index] = source[index] ?? 0;
}
