/** One term of a query word, resolved against the dictionary. */
export interface ResolvedTerm {
  /** The term ids it accepts: one for a whole term, every extension for a prefix. */
  ids: readonly number[];
  /** The id of exactly the typed term, or -1 if no document holds it. */
  exactId: number;
}

export interface ResolvedWord {
  terms: readonly ResolvedTerm[];
}

/**
 * A match counts less when the word being typed only matched as the start of a longer term, so
 * a document with "war" ranks above one with only "warlord" for the query "war".
 */
export const PREFIX_EXTENSION_WEIGHT = 0.5;

export type MatchVisitor = (word: number, position: number, length: number, weight: number) => void;

/**
 * Finds a query's words in a document field stored as term ids. Built once per query; the
 * lookup by first term is an array indexed by term id, since it runs for every token scanned.
 */
export class QueryMatcher {
  private readonly startersById: Int32Array;
  private readonly starterLists: number[][] = [];
  private readonly accepted: (ReadonlySet<number> | null)[][];

  constructor(
    private readonly words: readonly ResolvedWord[],
    termCount: number,
  ) {
    this.startersById = new Int32Array(termCount).fill(-1);
    words.forEach((word, index) => {
      for (const id of word.terms[0]?.ids ?? []) {
        let list = this.startersById[id] ?? -1;
        if (list === -1) {
          list = this.starterLists.push([]) - 1;
          this.startersById[id] = list;
        }
        this.starterLists[list]?.push(index);
      }
    });
    // Later terms of a phrase are checked only after its first term matched: a set is enough.
    this.accepted = words.map((word) =>
      word.terms.map((term) => (term.ids.length > 1 ? new Set(term.ids) : null)),
    );
  }

  forEachMatch(terms: Uint32Array, visit: MatchVisitor): void {
    for (let position = 0; position < terms.length; position += 1) {
      const list = this.startersById[terms[position] ?? 0] ?? -1;
      if (list === -1) continue;
      for (const word of this.starterLists[list] ?? []) {
        const weight = this.matchAt(word, terms, position);
        if (weight > 0) visit(word, position, this.words[word]?.terms.length ?? 1, weight);
      }
    }
  }

  /** The match's weight if `word` matches at `position`, else 0. */
  private matchAt(word: number, terms: Uint32Array, position: number): number {
    const wordTerms = this.words[word]?.terms ?? [];
    if (position + wordTerms.length > terms.length) return 0;
    let weight = 1;
    for (let offset = 0; offset < wordTerms.length; offset += 1) {
      const id = terms[position + offset] ?? 0;
      const term = wordTerms[offset];
      if (!term) return 0;
      if (offset > 0) {
        const set = this.accepted[word]?.[offset];
        const accepts = set ? set.has(id) : term.ids[0] === id;
        if (!accepts) return 0;
      }
      if (id !== term.exactId) weight = PREFIX_EXTENSION_WEIGHT;
    }
    return weight;
  }
}
