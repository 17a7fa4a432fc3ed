import { foldText } from '../../common/text/fold';
import { tokenize } from '../../common/text/tokenize';
import type { MetaPatch, SearchMeta } from './document';
import { FIELD_COUNT } from './ranking';
import type { SegmentView } from './segment';

export const READ = 1;
export const FAVORITE = 2;
export const ARCHIVED = 4;
export const HAS_NOTES = 8;

// Libraries reuse a few tags on many articles: each is tokenized once.
const tagWordCache = new Map<string, string[]>();

function tagWordsOf(tag: string): string[] {
  let words = tagWordCache.get(tag);
  if (!words) {
    words = tokenize(tag).map((token) => token.term);
    if (tagWordCache.size > 10_000) tagWordCache.clear();
    tagWordCache.set(tag, words);
  }
  return words;
}

export interface Location {
  segment: SegmentView;
  local: number;
}

/** What the table keeps of a document besides its postings. */
export interface StoredDocument {
  id: string;
  version: string;
  title: string;
  highlights: string[];
  notes: string[];
  meta: SearchMeta;
}

/**
 * Every indexed document has a slot: a small number that stays its own across updates, so
 * per-document arrays (scores, flags, dates) are indexed by it. The table holds what filters
 * and hits read (state flags, dates, tags, title, highlight and note texts) and where the
 * document's postings are.
 */
export class DocTable {
  capacity = 0;
  liveCount = 0;
  live = new Uint8Array(0);
  flags = new Uint8Array(0);
  savedAt = new Float64Array(0);
  highlightCount = new Uint32Array(0);
  /** Per slot and field, the current version's length: scoring reads it for every match. */
  fieldLengths = new Uint32Array(0);
  readonly stored: (StoredDocument | undefined)[] = [];
  readonly locations: (Location | undefined)[] = [];
  /** Per slot, each tag's folded words joined by spaces: what `tag:` compares. */
  readonly tagKeys: string[][] = [];
  /** Folded titles for sort:title, made when first needed (see `foldedTitle`). */
  readonly foldedTitles: (string | undefined)[] = [];
  /** Per field, the summed length of the live documents, for BM25's average. */
  readonly totalLengths = new Float64Array(FIELD_COUNT);
  /**
   * Per field, how many live documents have it. Averages are taken over those: most articles
   * have no highlight, and averaging over them all would make every highlight look long.
   */
  readonly fieldDocuments = new Float64Array(FIELD_COUNT);
  totalTagWords = 0;
  /** Live documents with at least one tag. */
  taggedCount = 0;
  /** Folded tag word → the slots having it, for free-text words matching tags. */
  readonly tagWords = new Map<string, Set<number>>();
  private readonly slotsById = new Map<string, number>();
  private readonly free: number[] = [];
  /** Slots handed out so far (free ones included). */
  private used = 0;

  slotOf(id: string): number | undefined {
    return this.slotsById.get(id);
  }

  /** The document's slot, allocated if it has none. */
  claim(id: string): number {
    let slot = this.slotsById.get(id);
    if (slot !== undefined) return slot;
    slot = this.free.pop() ?? this.used++;
    if (slot >= this.capacity) this.grow(slot + 1);
    this.slotsById.set(id, slot);
    return slot;
  }

  /** Records a (new version of a) document at `location`, superseding any earlier one. */
  put(slot: number, document: StoredDocument, location: Location): void {
    this.detach(slot);
    this.stored[slot] = document;
    this.locations[slot] = location;
    location.segment.slots[location.local] = slot;
    this.live[slot] = 1;
    this.liveCount += 1;
    this.foldedTitles[slot] = undefined;
    const base = location.local * FIELD_COUNT;
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      const length = location.segment.fieldLengths[base + field] ?? 0;
      this.fieldLengths[slot * FIELD_COUNT + field] = length;
      this.totalLengths[field] = (this.totalLengths[field] ?? 0) + length;
      if (length > 0) this.fieldDocuments[field] = (this.fieldDocuments[field] ?? 0) + 1;
    }
    this.applyMeta(slot, document.meta);
  }

  /** Changes metadata in place; false if the document is not indexed. */
  updateMeta(id: string, patch: MetaPatch): boolean {
    const slot = this.slotsById.get(id);
    const document = slot === undefined ? undefined : this.stored[slot];
    if (slot === undefined || !document || this.live[slot] !== 1) return false;
    this.unindexTags(slot);
    document.meta = { ...document.meta, ...patch, tags: [...(patch.tags ?? document.meta.tags)] };
    this.applyMeta(slot, document.meta);
    return true;
  }

  remove(id: string): boolean {
    const slot = this.slotsById.get(id);
    if (slot === undefined) return false;
    this.detach(slot);
    this.stored[slot] = undefined;
    this.slotsById.delete(id);
    this.free.push(slot);
    return true;
  }

  /** Moves a document's postings to another segment (after a merge); same text, same slot. */
  relocate(slot: number, location: Location): void {
    const before = this.locations[slot];
    if (before) before.segment.slots[before.local] = -1;
    this.locations[slot] = location;
    location.segment.slots[location.local] = slot;
  }

  foldedTitle(slot: number): string {
    let folded = this.foldedTitles[slot];
    if (folded === undefined) {
      folded = foldText(this.stored[slot]?.title ?? '');
      this.foldedTitles[slot] = folded;
    }
    return folded;
  }

  ids(): IterableIterator<string> {
    return this.slotsById.keys();
  }

  /** Drops the slot's current version: its postings stop counting and its sums are taken off. */
  private detach(slot: number): void {
    if (this.live[slot] !== 1) return;
    const location = this.locations[slot];
    if (location) {
      location.segment.slots[location.local] = -1;
      const base = location.local * FIELD_COUNT;
      for (let field = 0; field < FIELD_COUNT; field += 1) {
        const length = location.segment.fieldLengths[base + field] ?? 0;
        this.totalLengths[field] = (this.totalLengths[field] ?? 0) - length;
        if (length > 0) this.fieldDocuments[field] = (this.fieldDocuments[field] ?? 0) - 1;
      }
    }
    this.unindexTags(slot);
    this.locations[slot] = undefined;
    this.live[slot] = 0;
    this.liveCount -= 1;
  }

  private applyMeta(slot: number, meta: SearchMeta): void {
    this.flags[slot] =
      (meta.read ? READ : 0) |
      (meta.favorite ? FAVORITE : 0) |
      (meta.archived ? ARCHIVED : 0) |
      (meta.hasNotes ? HAS_NOTES : 0);
    this.savedAt[slot] = Date.parse(meta.savedAt) || 0;
    this.highlightCount[slot] = meta.highlightCount;
    const keys: string[] = [];
    for (const tag of meta.tags) {
      const words = tagWordsOf(tag);
      if (words.length === 0) continue;
      keys.push(words.join(' '));
      this.totalTagWords += words.length;
      for (const word of words) {
        let slots = this.tagWords.get(word);
        if (!slots) {
          slots = new Set();
          this.tagWords.set(word, slots);
        }
        slots.add(slot);
      }
    }
    this.tagKeys[slot] = keys;
    if (keys.length > 0) this.taggedCount += 1;
  }

  private unindexTags(slot: number): void {
    if ((this.tagKeys[slot]?.length ?? 0) > 0) this.taggedCount -= 1;
    for (const key of this.tagKeys[slot] ?? []) {
      const words = key.split(' ');
      this.totalTagWords -= words.length;
      for (const word of words) {
        const slots = this.tagWords.get(word);
        slots?.delete(slot);
        if (slots?.size === 0) this.tagWords.delete(word);
      }
    }
    this.tagKeys[slot] = [];
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, Math.ceil(this.capacity * 1.5), 64);
    const grown = <T extends Uint8Array | Float64Array | Uint32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.live = grown(this.live, new Uint8Array(capacity));
    this.flags = grown(this.flags, new Uint8Array(capacity));
    this.savedAt = grown(this.savedAt, new Float64Array(capacity));
    this.highlightCount = grown(this.highlightCount, new Uint32Array(capacity));
    this.fieldLengths = grown(this.fieldLengths, new Uint32Array(capacity * FIELD_COUNT));
    this.capacity = capacity;
  }
}
