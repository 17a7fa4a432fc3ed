import type { SearchResults } from '../common/api';
import type { Highlight } from '../common/model';
import type { Archive } from './archive/archive';
import { TEXT_FILE } from './archive/layout';
import {
  catalogFromLibrary,
  documentFromLibrary,
  documentVersion,
  highlightsByArticle,
  searchMetaOf,
} from './search/from-library';
import { DEFAULT_SEARCH_LIMIT } from './search/search-index';
import { SearchService } from './search/search-service';
import type { SearchDocument } from './search/document';

/**
 * Keeps the search index (derived data in `<library>/index/`) in step with the archive, the only
 * source of truth. LibraryService calls `sync` after any change to an article, its highlights or
 * notes, and `remove` when it goes to the trash; this module decides whether that means
 * re-indexing the text or only updating metadata (read, favorite, tags).
 */
export class LibrarySearch {
  private opening: Promise<SearchService> | null = null;
  private service: SearchService | null = null;
  private closed = false;

  /**
   * Nothing is read until the index is needed (`start`, or the first search): a command that
   * never searches does not pay for loading it. Changes made before then are not lost: the
   * index catches up with the library when it opens.
   */
  constructor(private readonly archive: Archive) {}

  /**
   * Opens the persisted index: search works on what it holds while, in the background, whatever
   * is missing, stale or damaged is re-indexed from the archive. A library opened read-only (or
   * whose index folder cannot be written) gets its index caught up in memory, nothing written.
   */
  start(): Promise<SearchService> {
    this.opening ??= (async () => {
      const options = {
        catalog: () => catalogFromLibrary(this.archive.data),
        load: (ids: readonly string[], signal: AbortSignal) =>
          loadDocuments(this.archive, ids, signal),
      };
      const dir = this.archive.dir;
      const service = await SearchService.open(dir, {
        ...options,
        readOnly: !this.archive.writable,
      }).catch(() => SearchService.open(dir, { ...options, readOnly: true }));
      this.service = service;
      return service;
    })();
    return this.opening;
  }

  /** Resolves when the index has caught up with the library (or was stopped by `close`). */
  get ready(): Promise<void> {
    return this.start().then((service) => service.ready);
  }

  /** How far the background indexing has got, or null when the index is up to date. */
  get progress(): { done: number; total: number } | null {
    return this.service?.progress ?? null;
  }

  /** A page of results: the best `DEFAULT_SEARCH_LIMIT` from `offset` on. */
  async search(query: string, offset = 0): Promise<SearchResults> {
    const service = await this.start();
    const { hits, hints, total, indexing } = await service.search(query, {
      limit: DEFAULT_SEARCH_LIMIT,
      offset,
    });
    return { hits, hints, total, indexing };
  }

  /**
   * Brings one article up to date in the index: re-indexes it if its text, title, highlights or
   * notes changed, else updates its metadata in place; drops it if it is gone or in the trash.
   * Searchable on return.
   */
  async sync(id: string): Promise<void> {
    if (!this.opening || this.closed) return;
    const service = await this.opening;
    const current = this.live(id);
    if (!current) return service.remove(id);
    const version = documentVersion(current, this.highlightsOf(id));
    if (service.versionOf(id) === version) {
      service.updateMeta(id, searchMetaOf(current, this.highlightsOf(id)));
      return;
    }
    let text = '';
    try {
      text = await this.archive.readArticleFile(id, TEXT_FILE);
    } catch {
      // A missing text file leaves the title, highlights and notes searchable.
    }
    // Read again after the wait: a change made meanwhile must not be overwritten by this one.
    const meta = this.live(id);
    if (!meta) return service.remove(id);
    service.upsert(documentFromLibrary(meta, this.highlightsOf(id), text));
  }

  /** Drops the article (deleted or trashed) from the index. */
  async remove(id: string): Promise<void> {
    if (!this.opening || this.closed) return;
    (await this.opening).remove(id);
  }

  async flush(): Promise<void> {
    await this.service?.flush();
  }

  /** Stops background indexing and writes what is pending. The index is derived data: a failed write is redone from the library next time. */
  async close(): Promise<void> {
    this.closed = true;
    if (!this.opening) return;
    const service = await this.opening.catch(() => null);
    await service?.close().catch(() => undefined);
  }

  private live(id: string) {
    return this.archive.data.articles.find((a) => a.id === id && !a.deletedAt);
  }

  private highlightsOf(id: string): Highlight[] {
    return this.archive.data.highlights.filter((h) => h.articleId === id);
  }
}

/**
 * The documents for `ids`, from the archive as it is now, their text read one article at a time
 * (and not cached: a rebuild reads every article once).
 */
async function* loadDocuments(
  archive: Archive,
  ids: readonly string[],
  signal: AbortSignal,
): AsyncIterable<SearchDocument> {
  const highlights = highlightsByArticle(archive.data.highlights);
  const metas = new Map(archive.data.articles.map((a) => [a.id, a]));
  for (const id of ids) {
    if (signal.aborted) return;
    const meta = metas.get(id);
    if (!meta || meta.deletedAt) continue;
    let text = '';
    try {
      text = await archive.readArticleFile(id, TEXT_FILE);
    } catch {
      // Indexed without its body; `verify` reports the missing file.
    }
    yield documentFromLibrary(meta, highlights.get(id) ?? [], text);
  }
}
