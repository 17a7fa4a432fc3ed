/**
 * The search index's vocabulary and postings. Every folded term gets a small integer id
 * (documents keep their text as arrays of ids, 4 bytes a token), and a posting list: the
 * documents holding the term with its count per field, so ranking reads only the documents and
 * counts of the query's terms.
 */
export class TermDictionary {
  private readonly idsByTerm = new Map<string, number>();
  /** Id 0 is no term: documents use it to keep a phrase from running across two entries. */
  private readonly terms: string[] = [''];
  /** Per term id: document number, packed field counts, document number, ... */
  private readonly postings: number[][] = [[]];
  /** All terms in code-unit order, for prefix lookups by binary search. */
  private sorted: string[] = [];
  /** Terms added since `sorted` was last brought up to date (merged in lazily, in bulk). */
  private unsorted: string[] = [];

  static readonly NO_TERM = 0;

  /** How many ids have been handed out (id 0 included): the bound for arrays indexed by id. */
  get size(): number {
    return this.terms.length;
  }

  intern(term: string): number {
    let id = this.idsByTerm.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.idsByTerm.set(term, id);
      this.terms.push(term);
      this.postings.push([]);
      this.unsorted.push(term);
    }
    return id;
  }

  idOf(term: string): number | undefined {
    return this.idsByTerm.get(term);
  }

  /** The term's postings, flat: document number and packed field counts, in turn. */
  postingsOf(id: number): readonly number[] {
    return this.postings[id] ?? [];
  }

  /** How many documents hold the term. */
  documentFrequency(id: number): number {
    return (this.postings[id]?.length ?? 0) / 2;
  }

  addPosting(id: number, documentNumber: number, packedCounts: number): void {
    this.postings[id]?.push(documentNumber, packedCounts);
  }

  removePosting(id: number, documentNumber: number): void {
    const list = this.postings[id];
    if (!list) return;
    for (let at = list.length - 2; at >= 0; at -= 2) {
      if (list[at] !== documentNumber) continue;
      // Order does not matter, so the last posting fills the hole instead of shifting the rest.
      list[at] = list[list.length - 2] ?? documentNumber;
      list[at + 1] = list[list.length - 1] ?? 0;
      list.length -= 2;
      return;
    }
  }

  /** Ids of the terms that start with `prefix` and are still in some document. */
  idsWithPrefix(prefix: string): number[] {
    this.mergeUnsorted();
    const ids: number[] = [];
    for (let at = lowerBound(this.sorted, prefix); at < this.sorted.length; at += 1) {
      const term = this.sorted[at] ?? '';
      if (!term.startsWith(prefix)) break;
      const id = this.idsByTerm.get(term);
      if (id !== undefined && this.documentFrequency(id) > 0) ids.push(id);
    }
    return ids;
  }

  private mergeUnsorted(): void {
    if (this.unsorted.length === 0) return;
    const added = this.unsorted.sort(compareCodeUnits);
    const merged: string[] = new Array<string>(this.sorted.length + added.length);
    let a = 0;
    let b = 0;
    for (let at = 0; at < merged.length; at += 1) {
      const left = this.sorted[a];
      const right = added[b];
      if (right === undefined || (left !== undefined && left < right)) {
        merged[at] = left ?? '';
        a += 1;
      } else {
        merged[at] = right;
        b += 1;
      }
    }
    this.sorted = merged;
    this.unsorted = [];
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index whose term is >= `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
