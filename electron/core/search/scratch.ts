import { FIELD_COUNT } from './ranking';

/** A growable list of slots in a typed array: a match list of 100,000 makes no garbage. */
export class SlotList {
  items = new Int32Array(1024);
  length = 0;

  push(slot: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = slot;
  }
}

/**
 * Per-document working arrays reused from query to query: at 100,000 documents a fresh set
 * would be megabytes of allocation and zeroing per keystroke. Users put them back as they found
 * them (zeroed), by the list of slots they touched.
 */
export class Scratch {
  capacity = 0;
  /** Per slot and field, weighted term counts being summed for a word. */
  counts = new Float64Array(0);
  /** Per slot, a small counter (terms of a phrase found so far). */
  hits = new Uint16Array(0);
  /** Per slot, the generation that last marked it (see `nextGeneration`). */
  marks = new Uint32Array(0);
  /** The documents a word touched (see `accumulate`). */
  readonly touched = new SlotList();
  /** The matching slots of a query, before the best are picked. */
  matches = new Int32Array(0);
  private generation = 0;
  /** Score arrays given back, for the next query: no allocation, no garbage per keystroke. */
  private readonly pool: Float64Array[] = [];

  ensure(capacity: number): void {
    if (capacity <= this.capacity) return;
    this.capacity = capacity;
    this.counts = new Float64Array(capacity * FIELD_COUNT);
    this.hits = new Uint16Array(capacity);
    this.marks = new Uint32Array(capacity);
    this.matches = new Int32Array(capacity);
    this.generation = 0;
    this.pool.length = 0;
  }

  /** A score array with every slot NO_MATCH; give it back with `release` when done. */
  take(): Scores {
    const scores = this.pool.pop() ?? new Float64Array(this.capacity);
    return scores.fill(NO_MATCH);
  }

  release(scores: Scores | null): void {
    if (scores && scores.length === this.capacity && this.pool.length < 16) this.pool.push(scores);
  }

  /** A fresh mark value: every slot is unmarked for it, with no clearing. */
  nextGeneration(): number {
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}

/** Scores per slot; NO_MATCH where the document does not match. */
export type Scores = Float64Array;
export const NO_MATCH = -1;
