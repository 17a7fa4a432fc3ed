/**
 * A posting stores how often its term occurs in each of a document's fields as one number: 8
 * bits per field, 6 fields, 48 bits, which a double holds exactly. Counts stop at 255; BM25
 * saturates long before that, so ranking does not notice.
 */
const MAX_COUNT = 255;
const FIELD_BASE = 256;

export function packFieldCounts(counts: readonly number[]): number {
  let packed = 0;
  for (let field = counts.length - 1; field >= 0; field -= 1) {
    packed = packed * FIELD_BASE + Math.min(MAX_COUNT, counts[field] ?? 0);
  }
  return packed;
}

export function unpackFieldCounts(packed: number, into: Float64Array): void {
  let rest = packed;
  for (let field = 0; field < into.length; field += 1) {
    into[field] = rest % FIELD_BASE;
    rest = Math.floor(rest / FIELD_BASE);
  }
}
