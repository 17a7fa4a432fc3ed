import { ByteWriter } from './bytes';
import { PostingCursor } from './postings';
import { FIELD_COUNT } from './ranking';
import { Segment } from './segment';
import { writePosting } from './segment-builder';

/**
 * Merges segments into one holding only their current documents, in order. Postings are
 * decoded and written again with the new document numbers; positions are copied as they are
 * (they are relative within a document). No text is read or tokenized again.
 *
 * Returns the segment, whose `slots` say which slot each of its documents is.
 */
export function mergeSegments(segments: readonly Segment[]): Segment {
  // New local number of each old document, -1 if it is dropped.
  const renumbered = segments.map(() => new Int32Array(0));
  const ids: string[] = [];
  const slots: number[] = [];
  const lengthParts: Uint32Array[] = [];
  const endParts: Uint32Array[] = [];
  segments.forEach((segment, index) => {
    const map = new Int32Array(segment.docCount).fill(-1);
    for (let local = 0; local < segment.docCount; local += 1) {
      const slot = segment.slots[local] ?? -1;
      if (slot < 0) continue;
      map[local] = ids.length;
      ids.push(segment.idOf(local));
      slots.push(slot);
      const base = local * FIELD_COUNT;
      lengthParts.push(segment.fieldLengths.subarray(base, base + FIELD_COUNT));
      endParts.push(segment.fieldEnds.subarray(base, base + FIELD_COUNT));
    }
    renumbered[index] = map;
  });

  const terms = mergedTerms(segments);
  const termStarts = new Uint32Array(terms.length + 1);
  const documentFrequencies = new Uint32Array(terms.length);
  const postingStarts = new Uint32Array(terms.length + 1);
  const positionStarts = new Uint32Array(terms.length + 1);
  const postings = new ByteWriter(1 << 16);
  const positions = new ByteWriter(1 << 16);
  const cursor = new PostingCursor();
  let chars = 0;
  const kept: number[] = [];
  terms.forEach((term, at) => {
    let last = -1;
    let frequency = 0;
    segments.forEach((segment, index) => {
      const id = segment.termId(term);
      if (id < 0) return;
      const map = renumbered[index] as Int32Array;
      cursor.reset(segment, id, true);
      while (cursor.next()) {
        const local = map[cursor.local] ?? -1;
        if (local < 0) continue;
        writePosting(postings, local - last, cursor.counts, 0);
        cursor.copyPositions(positions);
        last = local;
        frequency += 1;
      }
    });
    if (frequency === 0) return;
    kept.push(at);
    const index = kept.length - 1;
    chars += term.length;
    termStarts[index + 1] = chars;
    documentFrequencies[index] = frequency;
    postingStarts[index + 1] = postings.length;
    positionStarts[index + 1] = positions.length;
  });
  const count = kept.length;
  const termChars = new Uint16Array(chars);
  kept.forEach((at, index) => {
    const term = terms[at] ?? '';
    const start = termStarts[index] ?? 0;
    for (let c = 0; c < term.length; c += 1) termChars[start + c] = term.charCodeAt(c);
  });
  const merged = new Segment({
    ids,
    fieldLengths: concat(lengthParts),
    fieldEnds: concat(endParts),
    termChars,
    termStarts: termStarts.slice(0, count + 1),
    documentFrequencies: documentFrequencies.slice(0, count),
    postingStarts: postingStarts.slice(0, count + 1),
    postingBytes: postings.toBytes(),
    positionStarts: positionStarts.slice(0, count + 1),
    positionBytes: positions.toBytes(),
  });
  merged.slots.set(slots);
  return merged;
}

/** The union of the segments' terms, in code-unit order. */
function mergedTerms(segments: readonly Segment[]): string[] {
  const all = new Set<string>();
  for (const segment of segments) {
    for (let id = 0; id < segment.termCount; id += 1) all.add(segment.term(id));
  }
  return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function concat(parts: readonly Uint32Array[]): Uint32Array {
  const result = new Uint32Array(parts.length * FIELD_COUNT);
  parts.forEach((part, index) => result.set(part, index * FIELD_COUNT));
  return result;
}
