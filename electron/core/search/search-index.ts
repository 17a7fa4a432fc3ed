import type { SearchHit } from '../../common/api';
import type { ParsedQuery, SortOrder } from '../../common/query/ast';
import { parseQuery } from '../../common/query/parse';
import { analyze } from './analyze';
import { DocTable, type StoredDocument } from './doc-table';
import { metaOf, type MetaPatch, type SearchDocument } from './document';
import { Evaluator } from './evaluate';
import { mergeSegments } from './merge';
import { Scratch } from './scratch';
import { Segment } from './segment';
import { SegmentBuilder } from './segment-builder';
import { buildSnippet, type Snippet } from './snippet';
import { findSpans, type SpanWord } from './spans';
import { topK } from './top-k';

export type { SearchDocument } from './document';

export interface SearchOptions {
  /** The most hits to return; DEFAULT_SEARCH_LIMIT if not given. */
  limit?: number;
  /** Hits to skip, for paging. */
  offset?: number;
  /** The moment relative dates are taken from (tests); now if not given. */
  now?: Date;
}

/**
 * A page of results: what the app shows for a query (more are asked for with an offset). Each
 * hit shown needs its text read and scanned for the snippet, which is most of a query's cost.
 */
export const DEFAULT_SEARCH_LIMIT = 20;

export interface SearchResults {
  hits: SearchHit[];
  /** What in the query was not understood, and how it was taken instead. */
  hints: string[];
  /** How many documents match (hits holds at most `limit` of them). */
  total: number;
}

/** A query's matches, best first, before snippets are made. */
export interface Ranking {
  parsed: ParsedQuery;
  hits: { id: string; score: number }[];
  total: number;
  /** What snippets mark. */
  words: SpanWord[];
}

/**
 * The in-memory full-text index: immutable segments (loaded from disk or merged) plus one
 * segment being written, where upserts go and are searchable at once. A document's older
 * version stays in its segment, marked superseded, until a merge drops it.
 */
export class SearchIndex {
  readonly table = new DocTable();
  private segmentList: Segment[] = [];
  private builder = new SegmentBuilder();
  private readonly scratch = new Scratch();
  private readonly bodies: Map<string, string> | null;

  /**
   * @param options.storeBodies keep each body in memory so `search` can make snippets on its
   *   own (small libraries, tests). SearchService does not: it reads the shown hits' text.
   */
  constructor(options: { storeBodies?: boolean } = {}) {
    this.bodies = options.storeBodies === false ? null : new Map();
  }

  get size(): number {
    return this.table.liveCount;
  }

  get segments(): readonly Segment[] {
    return this.segmentList;
  }

  /** Documents in the segment being written (not yet sealed into an immutable one). */
  get pendingCount(): number {
    return this.builder.docCount;
  }

  has(id: string): boolean {
    const slot = this.table.slotOf(id);
    return slot !== undefined && this.table.live[slot] === 1;
  }

  versionOf(id: string): string | undefined {
    const slot = this.table.slotOf(id);
    return slot === undefined ? undefined : this.table.stored[slot]?.version;
  }

  /** Adds a document, or replaces the one with the same id. */
  upsert(document: SearchDocument): void {
    const analyzed = analyze(document);
    const slot = this.table.claim(document.id);
    const local = this.builder.add(document.id, slot, analyzed);
    this.table.put(slot, storedOf(document), { segment: this.builder, local });
    this.bodies?.set(document.id, document.body);
  }

  /** Changes read/favorite/archived/tags/… without re-indexing the text; false if unknown. */
  updateMeta(id: string, patch: MetaPatch): boolean {
    return this.table.updateMeta(id, patch);
  }

  remove(id: string): void {
    this.table.remove(id);
    this.bodies?.delete(id);
  }

  /** The documents matching `query`, best first, with snippets. An empty query finds nothing. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.query(query, options).hits;
  }

  /** Like `search`, with hints and the number of matches. */
  query(query: string, options: SearchOptions = {}): SearchResults {
    const ranking = this.rank(query, options);
    const hits = ranking.hits.map((hit) =>
      this.hit(hit.id, hit.score, ranking.words, this.bodies?.get(hit.id) ?? ''),
    );
    return { hits, hints: ranking.parsed.hints, total: ranking.total };
  }

  /** Ranks without making snippets (SearchService reads the shown hits' text itself). */
  rank(query: string, options: SearchOptions = {}): Ranking {
    const parsed = parseQuery(query, options.now ? { now: options.now } : {});
    const limit = Math.max(0, options.limit ?? DEFAULT_SEARCH_LIMIT);
    const offset = Math.max(0, options.offset ?? 0);
    const empty: Ranking = { parsed, hits: [], total: 0, words: [] };
    if (!parsed.root || this.table.liveCount === 0) return empty;
    const evaluator = new Evaluator({
      segments: [...this.segmentList, this.builder],
      table: this.table,
      scratch: this.scratch,
    });
    const scores = evaluator.evaluate(parsed.root, null);
    try {
      return this.collect(parsed, scores, evaluator, offset, limit);
    } finally {
      evaluator.release(scores);
    }
  }

  private collect(
    parsed: ParsedQuery,
    scores: Float64Array,
    evaluator: Evaluator,
    offset: number,
    limit: number,
  ): Ranking {
    const matches = this.scratch.matches;
    let total = 0;
    for (let slot = 0; slot < this.table.capacity; slot += 1) {
      if ((scores[slot] as number) >= 0) matches[total++] = slot;
    }
    const key =
      parsed.sort.descending && parsed.sort.by !== 'title'
        ? parsed.sort.by === 'relevance'
          ? scores
          : this.table.savedAt
        : null;
    const page = topK(matches, total, offset + limit, this.order(parsed.sort, scores), key).slice(
      offset,
    );
    const words: SpanWord[] = [];
    Evaluator.markedWords(parsed.root).forEach((node, word) => {
      for (const terms of evaluator.alternatives(node)) {
        words.push({ terms, prefix: node.prefix, word });
      }
    });
    return {
      parsed,
      total,
      words,
      hits: page.map((slot) => ({
        id: this.table.stored[slot]?.id ?? '',
        score: scores[slot] as number,
      })),
    };
  }

  /** A hit for a ranked document, its snippet made from `body` (or its highlights and notes). */
  hit(id: string, score: number, words: readonly SpanWord[], body: string): SearchHit {
    const slot = this.table.slotOf(id);
    const stored = slot === undefined ? undefined : this.table.stored[slot];
    const spans = findSpans(body, words);
    const first = spans.reduce<(typeof spans)[number] | undefined>(
      (best, span) => (!best || span.start < best.start ? span : best),
      undefined,
    );
    const snippet: Snippet = first
      ? buildSnippet(body, spans)
      : (entrySnippet(stored?.highlights ?? [], words) ??
        entrySnippet(stored?.notes ?? [], words) ??
        buildSnippet(body, []));
    return {
      id,
      title: stored?.title ?? '',
      snippet: snippet.snippet,
      marks: snippet.marks,
      score,
      firstMatch: first ? { start: first.start, end: first.end } : null,
    };
  }

  /** Turns the segment being written into an immutable one; returns it (null if empty). */
  seal(): Segment | null {
    if (this.builder.docCount === 0) return null;
    const builder = this.builder;
    let segment = builder.finish();
    // Documents replaced while they were pending are dropped rather than written.
    if (segment.liveCount < segment.docCount) segment = mergeSegments([segment]);
    this.builder = new SegmentBuilder();
    this.adopt(segment);
    this.segmentList.push(segment);
    return segment;
  }

  /** Adds a loaded segment whose documents the table already places (see `IndexStore`). */
  attach(segment: Segment): void {
    this.segmentList.push(segment);
  }

  /** Replaces `segments` by their merge; returns it. */
  merge(segments: readonly Segment[]): Segment {
    const merged = mergeSegments(segments);
    this.adopt(merged);
    this.segmentList = [...this.segmentList.filter((s) => !segments.includes(s)), merged];
    return merged;
  }

  /** Forgets a (damaged) segment and the documents it holds. */
  dropSegment(segment: Segment): void {
    for (let local = 0; local < segment.docCount; local += 1) {
      if ((segment.slots[local] ?? -1) >= 0) this.remove(segment.idOf(local));
    }
    this.segmentList = this.segmentList.filter((s) => s !== segment);
  }

  /** Forgets segments with no current document; true if there were any. */
  dropEmptySegments(): boolean {
    const before = this.segmentList.length;
    this.segmentList = this.segmentList.filter((segment) => segment.liveCount > 0);
    return this.segmentList.length < before;
  }

  /** Points the table at `segment` for the documents it holds. */
  private adopt(segment: Segment): void {
    for (let local = 0; local < segment.docCount; local += 1) {
      const slot = segment.slots[local] ?? -1;
      if (slot >= 0) this.table.relocate(slot, { segment, local });
    }
  }

  private order(sort: SortOrder, scores: Float64Array): (a: number, b: number) => boolean {
    const { savedAt, stored } = this.table;
    const table = this.table;
    const direction = sort.descending ? 1 : -1;
    const byRelevance = (a: number, b: number): number =>
      (scores[a] as number) - (scores[b] as number);
    const bySaved = (a: number, b: number): number =>
      (savedAt[a] as number) - (savedAt[b] as number);
    const byId = (a: number, b: number): number => {
      const x = stored[a]?.id ?? '';
      const y = stored[b]?.id ?? '';
      return x < y ? 1 : x > y ? -1 : 0;
    };
    const byTitle = (a: number, b: number): number => {
      const x = table.foldedTitle(a);
      const y = table.foldedTitle(b);
      return x < y ? -1 : x > y ? 1 : 0;
    };
    // Each comparison is "how much better a is than b": positive means a goes first.
    const compare =
      sort.by === 'relevance'
        ? (a: number, b: number) => direction * byRelevance(a, b) || bySaved(a, b) || byId(a, b)
        : sort.by === 'saved'
          ? (a: number, b: number) => direction * bySaved(a, b) || byRelevance(a, b) || byId(a, b)
          : (a: number, b: number) => direction * byTitle(a, b) || bySaved(a, b) || byId(a, b);
    return (a, b) => compare(a, b) > 0;
  }
}

function storedOf(document: SearchDocument): StoredDocument {
  return {
    id: document.id,
    version: document.version ?? '',
    title: document.title,
    highlights: [...document.highlights],
    notes: [...document.notes],
    meta: metaOf(document),
  };
}

/** A snippet from the entry (highlight or note) that matches the most query words, or null. */
function entrySnippet(entries: readonly string[], words: readonly SpanWord[]): Snippet | null {
  let best: { text: string; spans: ReturnType<typeof findSpans>; words: number } | null = null;
  for (const text of entries) {
    const spans = findSpans(text, words);
    const count = new Set(spans.map((span) => span.word)).size;
    if (count > (best?.words ?? 0)) best = { text, spans, words: count };
  }
  return best ? buildSnippet(best.text, best.spans) : null;
}
