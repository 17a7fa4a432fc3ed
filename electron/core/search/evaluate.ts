import type { QueryNode, TextField, TextNode } from '../../common/query/ast';
import { isUnspaced } from '../../common/text/tokenize';
import { ARCHIVED, FAVORITE, HAS_NOTES, READ, type DocTable } from './doc-table';
import { PostingCursor, accumulate } from './postings';
import {
  AUTHOR,
  FIELD_COUNT,
  PREFIX_EXTENSION_WEIGHT,
  SITE,
  TAG_WEIGHT,
  TITLE,
  WEIGHTS,
  inverseDocumentFrequency,
  saturatedFrequency,
} from './ranking';
import { NO_MATCH, type Scores, type Scratch, type SlotList } from './scratch';
import { PREFIX_LIST_MAX, PREFIX_MARK, codePointLength, type SegmentView } from './segment';
import { segmentByVocabulary } from './unspaced';

const ALL_FIELDS = (1 << FIELD_COUNT) - 1;
const FIELD_MASKS: Record<Exclude<TextField, 'tag'>, number> = {
  title: 1 << TITLE,
  author: 1 << AUTHOR,
  site: 1 << SITE,
};

export interface Corpus {
  segments: readonly SegmentView[];
  table: DocTable;
  scratch: Scratch;
}

/**
 * Evaluates a query tree to a score per document (NO_MATCH where it does not match). Each node
 * is given the documents still in the running (`restrict`), so an AND narrows as it goes:
 * cheapest operand first, exclusions last.
 */
export class Evaluator {
  private readonly capacity: number;
  private readonly averages: Float64Array;
  private readonly averageTagWords: number;

  constructor(private readonly corpus: Corpus) {
    const { table } = corpus;
    this.capacity = table.capacity;
    corpus.scratch.ensure(this.capacity);
    this.averages = table.totalLengths.map(
      (total, field) => total / Math.max(1, table.fieldDocuments[field] ?? 0),
    );
    this.averageTagWords = table.totalTagWords / Math.max(1, table.taggedCount);
  }

  evaluate(node: QueryNode, restrict: Scores | null): Scores {
    switch (node.kind) {
      case 'and':
        return this.and(node.nodes, restrict);
      case 'or':
        return this.or(node.nodes, restrict);
      case 'not':
        return this.and([node], restrict);
      case 'text':
        return this.text(node, restrict);
      case 'is':
      case 'has':
      case 'saved':
        return this.filter(node, restrict);
    }
  }

  /** The text words that show as marks in snippets: positive ones, in any field. */
  static markedWords(node: QueryNode | null): TextNode[] {
    if (!node) return [];
    switch (node.kind) {
      case 'text':
        return node.field === null ? [node] : [];
      case 'and':
      case 'or':
        return node.nodes.flatMap((child) => Evaluator.markedWords(child));
      default:
        return [];
    }
  }

  /** The term sequences a word is looked up as: its own, and for unspaced scripts the index's cut. */
  alternatives(node: TextNode): string[][] {
    const alternatives = [node.terms];
    if (node.terms.length > 1 || node.prefix) {
      if (node.terms.every(isUnspaced)) {
        const cut = segmentByVocabulary(
          node.terms.join(''),
          node.prefix,
          (term) => this.corpus.segments.some((segment) => segment.termId(term) >= 0),
          (start) =>
            this.corpus.segments.some((segment) => segment.termIdsWithPrefix(start).length > 0),
        );
        if (cut && cut.join(' ') !== node.terms.join(' ')) alternatives.push(cut);
      }
    }
    return alternatives;
  }

  private and(nodes: readonly QueryNode[], restrict: Scores | null): Scores {
    const positive = nodes.filter((node) => node.kind !== 'not');
    const negative = nodes.flatMap((node) => (node.kind === 'not' ? [node.node] : []));
    const ordered = positive
      .map((node) => ({ node, cost: this.cost(node) }))
      .sort((a, b) => a.cost - b.cost);
    let scores: Scores | null = null;
    for (const { node } of ordered) {
      const next: Scores = this.evaluate(node, scores ?? restrict);
      if (scores) {
        for (let slot = 0; slot < this.capacity; slot += 1) {
          if ((next[slot] as number) >= 0)
            next[slot] = (next[slot] as number) + (scores[slot] as number);
        }
        this.release(scores);
      }
      scores = next;
    }
    scores ??= this.everything(restrict);
    for (const node of negative) {
      const excluded = this.evaluate(node, scores);
      for (let slot = 0; slot < this.capacity; slot += 1) {
        if ((excluded[slot] as number) >= 0) scores[slot] = NO_MATCH;
      }
      this.release(excluded);
    }
    return scores;
  }

  private or(nodes: readonly QueryNode[], restrict: Scores | null): Scores {
    const scores = this.take();
    for (const node of nodes) {
      const next = this.evaluate(node, restrict);
      for (let slot = 0; slot < this.capacity; slot += 1) {
        const score = next[slot] as number;
        if (score >= 0) scores[slot] = Math.max(0, scores[slot] as number) + score;
      }
      this.release(next);
    }
    return scores;
  }

  /** Every current document allowed by `restrict`, scored 0. */
  private everything(restrict: Scores | null): Scores {
    const scores = this.take();
    const live = this.corpus.table.live;
    for (let slot = 0; slot < this.capacity; slot += 1) {
      if (live[slot] === 1 && (restrict === null || (restrict[slot] as number) >= 0)) {
        scores[slot] = 0;
      }
    }
    return scores;
  }

  private filter(
    node: Extract<QueryNode, { kind: 'is' | 'has' | 'saved' }>,
    restrict: Scores | null,
  ): Scores {
    const { flags, savedAt, highlightCount } = this.corpus.table;
    const scores = this.everything(restrict);
    const keep = (slot: number): boolean => {
      switch (node.kind) {
        case 'is':
          switch (node.state) {
            case 'read':
              return ((flags[slot] as number) & READ) !== 0;
            case 'unread':
              return ((flags[slot] as number) & READ) === 0;
            case 'favorite':
              return ((flags[slot] as number) & FAVORITE) !== 0;
            case 'archived':
              return ((flags[slot] as number) & ARCHIVED) !== 0;
          }
          break;
        case 'has':
          return node.what === 'highlights'
            ? (highlightCount[slot] as number) > 0
            : ((flags[slot] as number) & HAS_NOTES) !== 0;
        case 'saved': {
          const at = savedAt[slot] as number;
          return (node.from === null || at >= node.from) && (node.to === null || at < node.to);
        }
      }
      return false;
    };
    for (let slot = 0; slot < this.capacity; slot += 1) {
      if ((scores[slot] as number) >= 0 && !keep(slot)) scores[slot] = NO_MATCH;
    }
    return scores;
  }

  /** Roughly how many postings a node reads: ANDs take their cheapest operands first. */
  private cost(node: QueryNode): number {
    switch (node.kind) {
      case 'text': {
        if (node.field === 'tag') return this.capacity;
        let cost = 0;
        const term = node.terms.reduce((a, b) => (a.length >= b.length ? a : b));
        const prefixList =
          node.prefix && node.terms.length === 1 && codePointLength(term) <= PREFIX_LIST_MAX;
        for (const segment of this.corpus.segments) {
          const id = segment.termId(prefixList ? PREFIX_MARK + term : term);
          cost += id >= 0 ? segment.documentFrequency(id) : 0;
        }
        return cost;
      }
      case 'or':
        return node.nodes.reduce((sum, child) => sum + this.cost(child), 0);
      case 'and':
        return Math.min(...node.nodes.map((child) => this.cost(child)));
      case 'not':
        return Infinity;
      default:
        // Filters read one array: cheap, but they narrow little, so they go after words.
        return this.capacity * 2;
    }
  }

  private text(node: TextNode, restrict: Scores | null): Scores {
    if (node.field === 'tag') return this.tagFilter(node, restrict);
    const fieldMask = node.field === null ? ALL_FIELDS : FIELD_MASKS[node.field];
    const withTags = node.field === null;
    let scores: Scores | null = null;
    for (const terms of this.alternatives(node)) {
      const next: Scores =
        terms.length === 1
          ? this.word(terms[0] ?? '', node.prefix, fieldMask, withTags, restrict)
          : this.phrase(terms, node.prefix, fieldMask, withTags, restrict);
      if (scores) {
        for (let slot = 0; slot < this.capacity; slot += 1) {
          scores[slot] = Math.max(scores[slot] as number, next[slot] as number);
        }
        this.release(next);
      } else scores = next;
    }
    return scores ?? this.take();
  }

  /** A one-term word: BM25 over its postings (for the word being typed, over its completions). */
  private word(
    term: string,
    prefix: boolean,
    fieldMask: number,
    withTags: boolean,
    restrict: Scores | null,
  ): Scores {
    const { scratch, segments } = this.corpus;
    const generation = scratch.nextGeneration();
    const touched = scratch.touched;
    touched.length = 0;
    let documentFrequency = 0;
    const add = (segment: SegmentView, id: number, weight: number): void => {
      if (id < 0) return;
      documentFrequency += accumulate(
        segment,
        id,
        weight,
        fieldMask,
        restrict,
        scratch,
        touched,
        generation,
      );
    };
    const usePrefixList = prefix && codePointLength(term) <= PREFIX_LIST_MAX;
    for (const segment of segments) {
      const exact = segment.termId(term);
      if (!prefix) {
        add(segment, exact, 1);
      } else if (usePrefixList) {
        // The list counts every completion at the extension weight; the exact term tops it up.
        add(segment, segment.termId(PREFIX_MARK + term), PREFIX_EXTENSION_WEIGHT);
        add(segment, exact, 1 - PREFIX_EXTENSION_WEIGHT);
      } else {
        for (const id of segment.termIdsWithPrefix(term)) {
          add(segment, id, id === exact ? 1 : PREFIX_EXTENSION_WEIGHT);
        }
      }
    }
    const tagCounts = withTags
      ? this.tagWordCounts(term, prefix, restrict, touched, generation)
      : null;
    if (tagCounts) documentFrequency += tagCounts.marked;
    return this.score(touched.items, touched.length, documentFrequency, tagCounts?.counts ?? null);
  }

  /** Turns the counts summed in scratch for `touched` into BM25 scores (and zeroes them). */
  private score(
    touched: ArrayLike<number>,
    count: number,
    documentFrequency: number,
    tagCounts: Map<number, number> | null,
  ): Scores {
    const { table, scratch } = this.corpus;
    const counts = scratch.counts;
    const lengths = table.fieldLengths;
    const scores = this.take();
    const idf = inverseDocumentFrequency(documentFrequency, Math.max(1, table.liveCount));
    for (let at = 0; at < count; at += 1) {
      const slot = touched[at] as number;
      const base = slot * FIELD_COUNT;
      let score = 0;
      for (let field = 0; field < FIELD_COUNT; field += 1) {
        const count = counts[base + field] as number;
        if (count === 0) continue;
        counts[base + field] = 0;
        score +=
          (WEIGHTS[field] as number) *
          saturatedFrequency(
            count,
            lengths[base + field] as number,
            this.averages[field] as number,
          );
      }
      const tagCount = tagCounts?.get(slot) ?? 0;
      if (tagCount > 0) {
        score +=
          TAG_WEIGHT * saturatedFrequency(tagCount, this.tagWords(slot), this.averageTagWords);
      }
      if (score > 0) scores[slot] = idf * score;
    }
    return scores;
  }

  /** Free-text words match tags too: per allowed slot, how often the word is among its tag words. */
  private tagWordCounts(
    term: string,
    prefix: boolean,
    restrict: Scores | null,
    touched: SlotList,
    generation: number,
  ): { counts: Map<number, number>; marked: number } | null {
    const { tagWords } = this.corpus.table;
    if (tagWords.size === 0) return null;
    const marks = this.corpus.scratch.marks;
    const counts = new Map<number, number>();
    let marked = 0;
    const words = prefix ? [...tagWords.keys()].filter((word) => word.startsWith(term)) : [term];
    for (const word of words) {
      const weight = word === term ? 1 : PREFIX_EXTENSION_WEIGHT;
      for (const slot of tagWords.get(word) ?? []) {
        const allowed = restrict === null || (restrict[slot] as number) >= 0;
        if (marks[slot] !== generation) {
          marks[slot] = generation;
          marked += 1;
          if (allowed) touched.push(slot);
        }
        if (allowed) counts.set(slot, (counts.get(slot) ?? 0) + weight);
      }
    }
    return { counts, marked };
  }

  private take(): Scores {
    return this.corpus.scratch.take();
  }

  /** Gives a score array back to the pool (the caller no longer reads it). */
  release(scores: Scores): void {
    this.corpus.scratch.release(scores);
  }

  private tagWords(slot: number): number {
    let words = 0;
    for (const key of this.corpus.table.tagKeys[slot] ?? []) words += key.split(' ').length;
    return words;
  }

  /** `tag:`: documents with a tag equal to the value (or starting with it, while typed). */
  private tagFilter(node: TextNode, restrict: Scores | null): Scores {
    const key = node.terms.join(' ');
    const { tagKeys } = this.corpus.table;
    const scores = this.everything(restrict);
    for (let slot = 0; slot < this.capacity; slot += 1) {
      if ((scores[slot] as number) < 0) continue;
      const keys = tagKeys[slot] ?? [];
      const match = keys.some((tag) => (node.prefix ? tag.startsWith(key) : tag === key));
      scores[slot] = match ? TAG_WEIGHT : NO_MATCH;
    }
    return scores;
  }

  /**
   * Terms that must be adjacent ("two-thirds", a quoted phrase): the documents holding all of
   * them are found from postings, then their positions are compared.
   */
  private phrase(
    terms: readonly string[],
    prefix: boolean,
    fieldMask: number,
    withTags: boolean,
    restrict: Scores | null,
  ): Scores {
    const { scratch, segments, table } = this.corpus;
    const hits = scratch.hits;
    const cursor = new PostingCursor();
    const idsOf = (segment: SegmentView, index: number): number[] => {
      const term = terms[index] ?? '';
      if (prefix && index === terms.length - 1) return segment.termIdsWithPrefix(term);
      const id = segment.termId(term);
      return id >= 0 ? [id] : [];
    };
    // 1. Documents holding every term, in order of the terms: hits[slot] counts them.
    const started: number[] = [];
    for (let index = 0; index < terms.length; index += 1) {
      for (const segment of segments) {
        for (const id of idsOf(segment, index)) {
          cursor.reset(segment, id, false);
          while (cursor.next()) {
            const slot = segment.slots[cursor.local] as number;
            if (slot < 0 || (restrict !== null && (restrict[slot] as number) < 0)) continue;
            if (hits[slot] !== index) continue;
            hits[slot] = index + 1;
            if (index === 0) started.push(slot);
          }
        }
      }
    }
    // 2. Their positions, per term.
    const positions = terms.map(() => new Map<number, number[]>());
    for (let index = 0; index < terms.length; index += 1) {
      for (const segment of segments) {
        for (const id of idsOf(segment, index)) {
          cursor.reset(segment, id, true);
          while (cursor.next()) {
            const slot = segment.slots[cursor.local] as number;
            if (slot < 0 || hits[slot] !== terms.length) continue;
            const list: number[] = [];
            cursor.readPositions(list);
            const map = positions[index] as Map<number, number[]>;
            map.set(slot, [...(map.get(slot) ?? []), ...list]);
          }
        }
      }
    }
    // 3. Occurrences per field.
    const touched: number[] = [];
    const counts = scratch.counts;
    for (const slot of started) {
      if (hits[slot] === terms.length) {
        const location = table.locations[slot];
        const firsts = positions[0]?.get(slot) ?? [];
        const others = positions.slice(1).map((map) => new Set(map.get(slot) ?? []));
        let found = false;
        for (const first of firsts) {
          if (!others.every((set, offset) => set.has(first + offset + 1))) continue;
          const field = location ? fieldAt(location.segment.fieldEnds, location.local, first) : 0;
          if ((fieldMask & (1 << field)) === 0) continue;
          counts[slot * FIELD_COUNT + field] = (counts[slot * FIELD_COUNT + field] as number) + 1;
          found = true;
        }
        if (found) touched.push(slot);
      }
      hits[slot] = 0;
    }
    let tagCounts: Map<number, number> | null = null;
    if (withTags) {
      const phrase = ` ${terms.join(' ')}`;
      tagCounts = new Map();
      for (const [word, slots] of table.tagWords) {
        if (word !== terms[0]) continue;
        for (const slot of slots) {
          if (restrict !== null && (restrict[slot] as number) < 0) continue;
          const count = (table.tagKeys[slot] ?? []).filter((key) =>
            ` ${key}`.includes(phrase),
          ).length;
          if (count === 0) continue;
          tagCounts.set(slot, count);
          if (!touched.includes(slot)) touched.push(slot);
        }
      }
    }
    return this.score(touched, touched.length, touched.length, tagCounts);
  }
}

/** The field a position falls in. */
function fieldAt(fieldEnds: Uint32Array, local: number, position: number): number {
  const base = local * FIELD_COUNT;
  for (let field = 0; field < FIELD_COUNT; field += 1) {
    if (position < (fieldEnds[base + field] as number)) return field;
  }
  return FIELD_COUNT - 1;
}
