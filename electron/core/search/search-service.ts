import path from 'node:path';
import type { SearchHit } from '../../common/api';
import type { MetaPatch, SearchDocument, SearchMeta } from './document';
import type { CatalogEntry } from './from-library';
import { IndexStore, type LoadReport } from './index-store';
import { readTextFile } from './read-text';
import { SearchIndex, type SearchOptions, type SearchResults } from './search-index';

export interface SearchServiceOptions {
  /** Every live article's id, text version and metadata: cheap, from `library.json`. */
  catalog: () => Iterable<CatalogEntry> | Promise<Iterable<CatalogEntry>>;
  /** The full documents for these ids (bodies read from `text.txt`), in any order. */
  load: (ids: readonly string[], signal: AbortSignal) => AsyncIterable<SearchDocument>;
  /** An article's text, for the snippets of the hits shown; default `articles/<id>/text.txt`. */
  readText?: (id: string) => Promise<string>;
  /** Indexing progress while the index catches up with the library. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the catch-up (the index keeps what it has; the next open resumes). */
  signal?: AbortSignal;
  /** Where the index lives; default `<library>/index`. */
  indexDir?: string;
  /** How long after a change the index is written; 0 writes only on flush() and close(). */
  flushDelayMs?: number;
  /** Documents indexed between two writes while catching up, so an interrupted build resumes. */
  checkpointEvery?: number;
  /**
   * Never write: the index is loaded and caught up in memory only (a library opened to read,
   * while another process may be writing it).
   */
  readOnly?: boolean;
}

export interface ServiceResults extends SearchResults {
  /** Set while the index is still catching up: results cover only what is indexed so far. */
  indexing: { done: number; total: number } | null;
}

/** What open found, for logs and tests. */
export interface OpenReport extends LoadReport {
  /** Documents to (re-)index in the background. */
  stale: number;
  /** Documents dropped because the library no longer has them. */
  removed: number;
  /** Documents whose metadata alone was brought up to date. */
  metaUpdated: number;
}

const TEXT_CACHE = 256;
/**
 * While catching up, the pending documents are written as a segment every this many: it bounds
 * the memory of the segment being written, and an interrupted build resumes from there.
 */
const CHECKPOINT_EVERY = 5000;

/**
 * The library's search: an index persisted in `<library>/index/`, kept in step by upsert /
 * updateMeta / remove, and brought up to date with the library in the background when opened
 * (missing, stale or damaged parts are re-indexed; the library stays the source of truth).
 */
export class SearchService {
  /** What was loaded; the comparison with the library fills in the rest (see `checked`). */
  readonly report: OpenReport;
  /** Resolves once the index has been checked (checksums) and compared with the catalog. */
  readonly checked: Promise<OpenReport>;
  /** Resolves when the index has caught up with the library (or the catch-up was stopped). */
  readonly ready: Promise<void>;
  private progressState: { done: number; total: number } | null = null;
  private readonly changed = new Set<string>();
  /**
   * Ids changed through the API while the index is being reconciled with the library: the
   * catch-up, which may have read an older version, must not overwrite them.
   */
  private readonly touched = new Set<string>();
  private reconciling = true;
  private staleIds: string[] = [];
  private readonly versions = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly index: SearchIndex,
    private readonly store: IndexStore,
    private readonly options: SearchServiceOptions & { libraryDir: string },
    report: LoadReport,
  ) {
    this.report = { ...report, stale: 0, removed: 0, metaUpdated: 0 };
    if (options.signal?.aborted) this.abort.abort();
    options.signal?.addEventListener('abort', () => this.abort.abort(), { once: true });
    this.checked = this.check();
    this.ready = this.checked.then(
      () => this.catchUp(this.staleIds),
      () => this.finishReconciling(),
    );
    // A failed check leaves `ready` settled; `checked` rejects for whoever awaits it.
    this.checked.catch(() => undefined);
  }

  /**
   * Opens the index of the library in `libraryDir`: loads what is persisted (one read per
   * segment) and returns: search works at once. Then, in the background, it verifies the
   * segments' checksums, compares the index with the catalog (`checked`), and re-indexes what
   * is missing, stale or damaged (`ready`).
   */
  static async open(libraryDir: string, options: SearchServiceOptions): Promise<SearchService> {
    const dir = options.indexDir ?? path.join(libraryDir, 'index');
    let index = new SearchIndex({ storeBodies: false });
    const readOnly = options.readOnly === true;
    const { store, report } = await IndexStore.load(dir, index, { readOnly });
    if (report.problem !== null && report.documents === 0) {
      if (!readOnly) await store.clear();
      index = new SearchIndex({ storeBodies: false });
    }
    return new SearchService(index, store, { ...options, libraryDir }, report);
  }

  /** Checksums, then the catalog: what to re-index, what to drop, what metadata to update. */
  private async check(): Promise<OpenReport> {
    const damaged = await this.store.verify(this.index);
    if (damaged !== null) this.report.problem = damaged;
    const inLibrary = new Set<string>();
    const stale: string[] = [];
    const metaUpdated: string[] = [];
    for (const entry of await this.options.catalog()) {
      inLibrary.add(entry.id);
      this.versions.set(entry.id, entry.version);
      if (this.touched.has(entry.id)) continue;
      const index = this.index;
      if (!index.has(entry.id) || index.versionOf(entry.id) !== entry.version) {
        stale.push(entry.id);
      } else if (!sameMeta(index, entry.id, entry.meta)) {
        index.updateMeta(entry.id, entry.meta);
        metaUpdated.push(entry.id);
      }
    }
    const gone = [...this.index.table.ids()].filter(
      (id) => !inLibrary.has(id) && !this.touched.has(id),
    );
    for (const id of gone) this.index.remove(id);
    for (const id of [...metaUpdated, ...gone]) this.changed.add(id);
    if (metaUpdated.length > 0 || gone.length > 0) this.schedule();
    Object.assign(this.report, {
      stale: stale.length,
      removed: gone.length,
      metaUpdated: metaUpdated.length,
    });
    this.staleIds = stale;
    return { ...this.report };
  }

  get size(): number {
    return this.index.size;
  }

  /** Catch-up progress, or null when the index is up to date. */
  get progress(): { done: number; total: number } | null {
    return this.progressState;
  }

  /** Indexes a new or changed article (text, highlights, notes): searchable on return. */
  upsert(document: SearchDocument): void {
    this.index.upsert(document);
    this.texts.set(document.id, document.body);
    this.touch(document.id);
  }

  /** Read/favorite/archived/tags/… changed: no re-indexing. False if the article is not indexed. */
  updateMeta(id: string, patch: MetaPatch): boolean {
    const updated = this.index.updateMeta(id, patch);
    if (updated) this.touch(id);
    return updated;
  }

  remove(id: string): void {
    this.index.remove(id);
    this.texts.delete(id);
    this.touch(id);
  }

  async search(query: string, options: SearchOptions = {}): Promise<ServiceResults> {
    const ranking = this.index.rank(query, options);
    const bodies = await Promise.all(ranking.hits.map((hit) => this.text(hit.id)));
    const hits: SearchHit[] = ranking.hits.map((hit, at) =>
      this.index.hit(hit.id, hit.score, ranking.words, bodies[at] ?? ''),
    );
    return {
      hits,
      hints: ranking.parsed.hints,
      total: ranking.total,
      indexing: this.progressState ? { ...this.progressState } : null,
    };
  }

  /** The version of the article's text the index holds (see `documentVersion`), if any. */
  versionOf(id: string): string | undefined {
    return this.index.has(id) ? this.index.versionOf(id) : undefined;
  }

  /** Writes pending changes to disk now. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.options.readOnly) {
      // Sealing still bounds the memory of the segment being written.
      this.index.seal();
      return Promise.resolve();
    }
    // A failed write must not fail the ones after it: each flush reports only its own.
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (this.changed.size === 0 && this.index.pendingCount === 0) return;
        const changed = new Set(this.changed);
        this.changed.clear();
        await this.store.persist(this.index, changed);
      });
    return this.writing;
  }

  /** Stops any catch-up, writes pending changes, and stops writing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    await this.ready;
    await this.flush();
  }

  private touch(id: string): void {
    this.changed.add(id);
    if (this.reconciling) this.touched.add(id);
    this.schedule();
  }

  private schedule(): void {
    const delay = this.options.flushDelayMs ?? 1000;
    if (delay <= 0 || this.timer || this.closed || this.options.readOnly) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => {
        // The index is derived data: a failed write is redone from the library next time.
      });
    }, delay);
    this.timer.unref();
  }

  private finishReconciling(): void {
    this.reconciling = false;
    this.progressState = null;
    this.touched.clear();
  }

  private async catchUp(ids: string[]): Promise<void> {
    if (ids.length === 0) {
      this.finishReconciling();
      return;
    }
    const total = ids.length;
    const every = this.options.checkpointEvery ?? CHECKPOINT_EVERY;
    let done = 0;
    this.progressState = { done, total };
    this.options.onProgress?.(0, total);
    try {
      for await (const document of this.options.load(ids, this.abort.signal)) {
        if (this.abort.signal.aborted) break;
        if (!this.touched.has(document.id)) {
          this.index.upsert({
            ...document,
            version: document.version ?? this.versions.get(document.id) ?? '',
          });
          this.changed.add(document.id);
        }
        done += 1;
        this.progressState = { done, total };
        this.options.onProgress?.(done, total);
        if (done % every === 0) await this.flush();
      }
    } finally {
      this.finishReconciling();
      await this.flush();
    }
  }

  private async text(id: string): Promise<string> {
    const cached = this.texts.get(id);
    if (cached !== undefined) {
      // Re-inserting keeps the map in least-recently-used order.
      this.texts.delete(id);
      this.texts.set(id, cached);
      return cached;
    }
    let text = '';
    try {
      text = this.options.readText
        ? await this.options.readText(id)
        : readTextFile(path.join(this.options.libraryDir, 'articles', id, 'text.txt'));
    } catch {
      // A missing text file leaves a snippet from highlights and notes, or none.
    }
    this.texts.set(id, text);
    while (this.texts.size > TEXT_CACHE) {
      const oldest = this.texts.keys().next().value;
      if (oldest === undefined) break;
      this.texts.delete(oldest);
    }
    return text;
  }
}

function sameMeta(index: SearchIndex, id: string, meta: SearchMeta): boolean {
  const slot = index.table.slotOf(id);
  const stored = slot === undefined ? undefined : index.table.stored[slot]?.meta;
  return (
    !!stored &&
    stored.savedAt === meta.savedAt &&
    stored.read === meta.read &&
    stored.favorite === meta.favorite &&
    stored.archived === meta.archived &&
    stored.highlightCount === meta.highlightCount &&
    stored.hasNotes === meta.hasNotes &&
    stored.tags.join('\u0000') === meta.tags.join('\u0000')
  );
}
