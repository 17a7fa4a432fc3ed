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
import { SearchService } from './search/search-service';
import type { SearchDocument } from './search/document';

/** The most results a search returns; `total` says how many matched. */
export const SEARCH_RESULTS = 50;

/**
 * Keeps the search index (derived data in `<library>/index/`) in step with the archive, the only
 * source of truth. LibraryService calls `sync` after any change to an article, its highlights or
 * notes, and `remove` when it goes to the trash; this module decides whether that means
 * re-indexing the text or only updating metadata (read, favorite, tags).
 */
export class LibrarySearch {
  private constructor(
    private readonly archive: Archive,
    private readonly service: SearchService,
  ) {}

  /**
   * Opens the persisted index and returns at once: search works on what it holds while, in the
   * background, whatever is missing, stale or damaged is re-indexed from the archive. A library
   * opened read-only gets its index caught up in memory and nothing written.
   */
  static async open(archive: Archive): Promise<LibrarySearch> {
    const service = await SearchService.open(archive.dir, {
      catalog: () => catalogFromLibrary(archive.data),
      load: (ids, signal) => loadDocuments(archive, ids, signal),
      readOnly: !archive.writable,
    });
    return new LibrarySearch(archive, service);
  }

  /** Resolves when the index has caught up with the library (or was stopped by `close`). */
  get ready(): Promise<void> {
    return this.service.ready;
  }

  /** How far the background indexing has got, or null when the index is up to date. */
  get progress(): { done: number; total: number } | null {
    return this.service.progress;
  }

  async search(query: string): Promise<SearchResults> {
    const { hits, hints, total, indexing } = await this.service.search(query, {
      limit: SEARCH_RESULTS,
    });
    return { hits, hints, total, indexing };
  }

  /**
   * Brings one article up to date in the index: re-indexes it if its text, title, highlights or
   * notes changed, else updates its metadata in place; drops it if it is gone or in the trash.
   * Searchable on return.
   */
  async sync(id: string): Promise<void> {
    const current = this.live(id);
    if (!current) return this.remove(id);
    const version = documentVersion(current, this.highlightsOf(id));
    if (this.service.versionOf(id) === version) {
      this.service.updateMeta(id, searchMetaOf(current, this.highlightsOf(id)));
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
    if (!meta) return this.remove(id);
    this.service.upsert(documentFromLibrary(meta, this.highlightsOf(id), text));
  }

  remove(id: string): void {
    this.service.remove(id);
  }

  flush(): Promise<void> {
    return this.service.flush();
  }

  /** Stops background indexing and writes what is pending. The index is derived data: a failed write is redone from the library next time. */
  async close(): Promise<void> {
    await this.service.close().catch(() => undefined);
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
