import type {
  ArticleContent,
  ArticlePatch,
  ArticleSummary,
  ExportPage,
  HighlightPatch,
  ImportFile,
  ImportResult,
  LibraryStatus,
  LibraryApi,
  MarkdownFile,
  NewHighlight,
  NotebookEntry,
  ReplaceResult,
  SearchOptions,
  SearchResults,
} from '../common/api';
import { newHighlightSchema } from '../common/api';
import { describeRange } from '../common/anchoring/describe';
import { MarginError } from '../common/errors';
import {
  readingMinutes,
  type ArticleMeta,
  type Highlight,
  type HighlightColor,
  type LibrarySettings,
  type Selectors,
} from '../common/model';
import { Archive, CONTENT_FILE, TEXT_FILE, newId, sha256 } from './archive/archive';
import * as highlightFeatures from './highlights/highlight-features';
import { replaceArticleContent } from './highlights/replace-article';
import type { ParsedArticle } from './import/index';
import { LibrarySearch } from './search-sync';
import {
  exportArticleFile,
  exportFilesPage,
  exportHighlightMarkdown,
  exportSingleFile,
} from './export/library-export';
import { groupCompanionFiles, type NamedBytes, type PageWithFiles } from './import/companion-files';
import { MHTML } from './import/saved-page';
import { cleanTags, findQuote, placeHighlights, validDate } from './import/imported-highlights';
import type { FetchedImage, ImportExtras, PageInput } from './import/page-input';
import { ParsePool } from './import/parse-pool';
import type { ParseResult, ParseTask } from './import/parse-task';
import { assetUrl, writeAsset } from './archive/assets';

export { findQuote };

/** Articles stay in the trash this long, so "Undo" and a change of mind both work. */
const TRASH_DAYS = 7;

/**
 * The largest file Margin imports (the API's own cap on a file's bytes). Checked before a file
 * is read or decoded, so a huge file is refused without being loaded.
 */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/**
 * HTML nested deeper than this is refused before it is parsed. Chromium's parser flattens
 * anything past 512 levels; saved articles rarely pass 40. Past a few hundred levels the page
 * parser takes minutes, or overflows the stack, so such a file is refused up front.
 */
export const MAX_HTML_NESTING = 512;

/** A source read far enough to know the page's address; `make` builds its article. */
interface Readied {
  url: string | null;
  /** Builds the article under `articleId` (images are stored into its folder as it goes). */
  make: (articleId: string) => Promise<ParsedArticle>;
}

interface Candidate {
  name: string;
  /** The original, kept beside the article and hashed to recognise it when imported again. */
  bytes: Uint8Array;
  /** Extension the original is kept under, when not the parsed format's (`mhtml`). */
  extension?: string;
  extras?: ImportExtras;
  /** `parse` runs the CPU-heavy step, on a worker thread when several files are imported. */
  read: (parse: ParseStep) => Promise<Readied>;
}

type ParseStep = (task: ParseTask) => Promise<ParseResult>;

/** Parses in this thread (a single import: starting workers would cost more than it saves). */
const parseInPlace: ParseStep = async (task) =>
  (await import('./import/parse-task')).runParseTask(task);

/** How many candidates ahead of the one being written are parsed already. */
const READ_AHEAD = 6;

/** A candidate already parsed in full (text formats: nothing to fetch, no address). */
function readied(parse: () => ParsedArticle | Promise<ParsedArticle>): () => Promise<Readied> {
  return async () => {
    const parsed = await parse();
    return { url: parsed.url, make: async () => parsed };
  };
}

/** The article of a task that always finishes it ('file', 'finish'). */
function finished(result: ParseResult): ParsedArticle {
  if (result.parsed === null) throw new Error('the parse step did not finish the article');
  return result.parsed;
}

/** Implements the API contract on an open archive, and keeps the search index in step with it. */
export class LibraryService implements LibraryApi {
  private readonly texts = new Map<string, string>();
  /** Worker threads for the parse step of multi-file imports; started on first use. */
  private readonly parsePool = new ParsePool();

  private constructor(
    readonly archive: Archive,
    /** The search index, kept in step with the archive (see search-sync.ts). */
    readonly searchIndex: LibrarySearch,
  ) {}

  /**
   * Opens at once. With `search: 'background'` (the app, the host) the search index is opened
   * now and catches up with the library in the background; else when first searched.
   */
  static async open(
    archive: Archive,
    options: { search?: 'background' | 'on-demand' } = {},
  ): Promise<LibraryService> {
    const service = new LibraryService(archive, new LibrarySearch(archive));
    // A failure is reported by the first search that needs the index.
    if (options.search !== 'on-demand') service.searchIndex.start().catch(() => undefined);
    try {
      if (archive.writable) await service.purgeTrash();
    } catch (error) {
      await service.close();
      throw error;
    }
    return service;
  }

  /** Stops background indexing and writes the search index; the archive is closed by its owner. */
  async close(): Promise<void> {
    await Promise.all([this.searchIndex.close(), this.parsePool.close()]);
  }

  async getLibraryStatus(): Promise<LibraryStatus> {
    return {
      libraryDir: this.archive.dir,
      readOnly: !this.archive.writable,
      messages: [...this.archive.messages],
    };
  }

  async listArticles(): Promise<ArticleSummary[]> {
    return this.live()
      .map((a) => this.summary(a))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async getArticle(id: string): Promise<ArticleContent> {
    const meta = this.article(id);
    const html = await this.archive.readArticleFile(id, CONTENT_FILE);
    return { meta: this.summary(meta), html, highlights: this.highlightsOf(id) };
  }

  /** The article's text: the coordinate space of its highlights (see common/anchoring). */
  async articleText(id: string): Promise<string> {
    this.article(id);
    const cached = this.texts.get(id);
    if (cached !== undefined) return cached;
    const text = await this.archive.readArticleFile(id, TEXT_FILE);
    this.texts.set(id, text);
    return text;
  }

  /**
   * Imports files the user picked or dropped. Names may be paths relative to what was picked
   * (`page.html`, `page_files/photo.jpg`): a saved page's companion folder comes with it and
   * its images are stored with the article.
   */
  async importFiles(files: ImportFile[]): Promise<ImportResult> {
    this.archive.assertWritable();
    const tooBig: ImportResult['failed'] = [];
    const named: NamedBytes[] = [];
    for (const file of files) {
      const size = Buffer.byteLength(file.base64, 'base64');
      if (size > MAX_IMPORT_FILE_BYTES) {
        tooBig.push({ name: file.name, reason: tooBigReason(file.name, size) });
        continue;
      }
      named.push({ name: file.name, bytes: Buffer.from(file.base64, 'base64') });
    }
    const { items, orphanFolders } = groupCompanionFiles(named);
    const strays = orphanFolders.map(({ folder, page }) => ({
      name: folder,
      reason: `${printable(folder)}/ holds the files of a saved page, but not ${printable(page)} itself; import the page and its folder together`,
    }));
    const result = await this.importCandidates(items.map((item) => this.fileCandidate(item)));
    return { ...result, failed: [...tooBig, ...strays, ...result.failed] };
  }

  private fileCandidate(item: PageWithFiles): Candidate {
    const { name, bytes } = item.page;
    if (MHTML.test(name)) {
      // saved-page.ts, not the importers: their DOM libraries load only where pages are parsed.
      const load = async () => (await import('./import/saved-page')).savedMhtmlPage(name, bytes);
      return this.pageCandidate(name, bytes, load, 'mhtml');
    }
    if (/\.html?$/i.test(name)) {
      const load = async () => (await import('./import/saved-page')).savedHtmlPage(item);
      return this.pageCandidate(name, bytes, load);
    }
    return {
      name,
      bytes,
      read: async (parse) => {
        const parsed = finished(await parse({ kind: 'file', name, bytes }));
        return { url: parsed.url, make: async () => parsed };
      },
    };
  }

  async importText(text: string): Promise<ImportResult> {
    this.archive.assertWritable();
    const bytes = Buffer.from(text, 'utf8');
    return this.importCandidates([
      {
        name: 'Pasted text',
        bytes,
        read: readied(async () => {
          if (text.trimStart().startsWith('<')) refuseDeepHtml('The pasted text', text);
          return (await importers()).parsePastedText(text);
        }),
      },
    ]);
  }

  /**
   * Imports one page (a saved file, a fetched URL, an item of another app's export), with what
   * the source knew about it. The same URL or the same HTML already in the library is reported
   * in `duplicates` and nothing is added.
   */
  async importPage(input: PageInput, extras?: ImportExtras): Promise<ImportResult> {
    this.archive.assertWritable();
    const bytes = Buffer.from(input.html, 'utf8');
    const candidate = this.pageCandidate(input.fileName, bytes, () => input);
    return this.importCandidates([{ ...candidate, extras }]);
  }

  /** A page: extracted, then its images stored with the article, then sanitized. */
  private pageCandidate(
    name: string,
    bytes: Uint8Array,
    load: () => PageInput | Promise<PageInput>,
    extension?: string,
  ): Candidate {
    return {
      name,
      bytes,
      extension,
      read: async (parse) => {
        const input = await load();
        refuseDeepHtml(name, input.html);
        const page = await parse({ kind: 'page', html: input.html, url: input.url, label: name });
        const draft = page.draft ?? { title: '', html: '' };
        const pageUrl = draft.url ?? null;
        return {
          url: pageUrl,
          make: async (articleId) => {
            if (page.parsed !== null) return page.parsed; // no image to store first
            const { localizeImages } = await import('./import/page-images');
            const html = await localizeImages(draft.html, {
              pageUrl,
              images: input.images,
              store: (image) => this.storeImage(articleId, image),
            });
            return finished(
              await parse({ kind: 'finish', draft: { ...draft, html }, label: name }),
            );
          },
        };
      },
    };
  }

  /** Keeps an image with the article; null (a placeholder is shown) if it is not a usable image. */
  private async storeImage(articleId: string, image: FetchedImage): Promise<string | null> {
    try {
      return assetUrl(
        articleId,
        await writeAsset(this.archive.dir, articleId, image.bytes, image.type),
      );
    } catch {
      return null;
    }
  }

  /**
   * Parses everything first and writes nothing for a file that fails. Article files are written
   * before `library.json` mentions them; if that last write fails, the new folders are removed
   * and the library is exactly as it was.
   */
  private async importCandidates(candidates: Candidate[]): Promise<ImportResult> {
    const result: ImportResult = { imported: [], duplicates: [], failed: [] };
    const fresh: { meta: ArticleMeta; text: string; highlights: Highlight[] }[] = [];
    const seen = new Map<string, ArticleMeta>();
    const seenUrls = new Map<string, ArticleMeta>();
    for (const a of this.live()) {
      seen.set(a.sourceHash, a);
      if (a.url) seenUrls.set(a.url, a);
    }
    const duplicate = (name: string, existing: ArticleMeta) =>
      result.duplicates.push({ name, id: existing.id, title: existing.title });

    // Several files: the next few are parsed on worker threads while this one is written.
    const parse =
      candidates.length > 1 || this.parsePool.running ? this.parsePool.run : parseInPlace;
    const hashes = candidates.map((candidate) => sha256(candidate.bytes));
    const reads = new Map<number, Promise<Readied>>();
    const readAhead = (from: number): void => {
      for (let i = from; i < Math.min(candidates.length, from + READ_AHEAD); i++) {
        if (reads.has(i) || seen.has(hashes[i]!)) continue;
        const read = candidates[i]!.read(parse);
        read.catch(() => undefined); // awaited (and reported) in its turn
        reads.set(i, read);
      }
    };

    for (const [index, candidate] of candidates.entries()) {
      const hash = hashes[index]!;
      const existing = seen.get(hash);
      if (existing) {
        duplicate(candidate.name, existing);
        continue;
      }
      readAhead(index);
      const id = newId();
      let parsed: ParsedArticle;
      try {
        const ready = await reads.get(index)!;
        reads.delete(index);
        const sameUrl = ready.url === null ? undefined : seenUrls.get(ready.url);
        if (sameUrl) {
          duplicate(candidate.name, sameUrl);
          continue;
        }
        parsed = await ready.make(id);
      } catch (error) {
        await this.archive.removeArticleFiles(id).catch(() => undefined);
        result.failed.push({
          name: candidate.name,
          reason: importFailureReason(candidate.name, error),
        });
        continue;
      }
      const meta = this.newMeta(id, candidate, hash, parsed);
      try {
        meta.files = await this.archive.writeArticleFiles(meta.id, {
          [CONTENT_FILE]: parsed.html,
          [TEXT_FILE]: parsed.text,
          [meta.sourceFile]: candidate.bytes,
        });
      } catch (error) {
        await this.archive.removeArticleFiles(meta.id).catch(() => undefined);
        result.failed.push({
          name: candidate.name,
          reason: `${printable(candidate.name)} could not be saved: ${reasonOf(error)}`,
        });
        continue;
      }
      seen.set(hash, meta);
      if (meta.url) seenUrls.set(meta.url, meta);
      const highlights = placeHighlights(
        id,
        parsed.text,
        candidate.extras?.highlights ?? [],
        newId,
        meta.savedAt,
      );
      fresh.push({ meta, text: parsed.text, highlights });
      result.imported.push({ id: meta.id, title: meta.title, name: candidate.name });
    }

    if (fresh.length > 0) {
      try {
        await this.archive.transact((doc) => {
          doc.articles.push(...fresh.map((f) => f.meta));
          doc.highlights.push(...fresh.flatMap((f) => f.highlights));
        });
      } catch (error) {
        for (const f of fresh)
          await this.archive.removeArticleFiles(f.meta.id).catch(() => undefined);
        if (error instanceof MarginError) throw error;
        throw new MarginError('io', `The library could not be saved: ${reasonOf(error)}`);
      }
      for (const f of fresh) {
        this.texts.set(f.meta.id, f.text);
        await this.searchIndex.sync(f.meta.id);
      }
    }
    return result;
  }

  private newMeta(
    id: string,
    { name, extension, extras = {} }: Candidate,
    hash: string,
    parsed: ParsedArticle,
  ): ArticleMeta {
    const now = new Date().toISOString();
    return {
      id,
      title: parsed.title,
      byline: parsed.byline,
      siteName: parsed.siteName,
      url: parsed.url,
      source: name,
      kind: parsed.kind,
      lang: parsed.lang,
      dir: parsed.dir,
      excerpt: parsed.excerpt,
      publishedTime: parsed.publishedTime,
      savedAt: validDate(extras.savedAt, now),
      wordCount: parsed.wordCount,
      sourceHash: hash,
      sourceFile: `source.${extension ?? parsed.sourceExtension}`,
      read: extras.read ?? false,
      ...(extras.archived === undefined ? {} : { archived: extras.archived }),
      favorite: extras.favorite ?? false,
      tags: cleanTags(extras.tags),
      note: '',
      scrollPosition: 0,
      deletedAt: null,
      files: {},
    };
  }

  async updateArticle(id: string, patch: ArticlePatch): Promise<ArticleSummary> {
    this.archive.assertWritable();
    this.article(id);
    const updated = await this.archive.transact((doc) => {
      const article = doc.articles.find((a) => a.id === id);
      if (!article) throw notFound('article', id);
      Object.assign(article, patch);
      return article;
    });
    await this.searchIndex.sync(id);
    return this.summary(updated);
  }

  /** Moves the article to the trash; `restoreArticle` undoes it. */
  async deleteArticle(id: string): Promise<void> {
    this.archive.assertWritable();
    this.article(id);
    await this.archive.transact((doc) => {
      const article = doc.articles.find((a) => a.id === id);
      if (article) article.deletedAt = new Date().toISOString();
    });
    await this.searchIndex.remove(id);
  }

  async restoreArticle(id: string): Promise<void> {
    this.archive.assertWritable();
    const article = this.archive.data.articles.find((a) => a.id === id);
    if (!article) throw notFound('article', id);
    await this.archive.transact((doc) => {
      const current = doc.articles.find((a) => a.id === id);
      if (current) current.deletedAt = null;
    });
    await this.searchIndex.sync(id);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    return this.searchIndex.search(query, options.offset);
  }

  async addHighlight(input: NewHighlight): Promise<Highlight> {
    this.archive.assertWritable();
    const parsed = newHighlightSchema.parse(input);
    this.article(parsed.articleId);
    const [quote, position] = parsed.selectors;
    if (position.end <= position.start || quote.exact.length === 0) {
      throw new MarginError('invalid-argument', 'A highlight needs some selected text.');
    }
    // The quote must be the article's text at that place: a highlight is never stored unplaced.
    const selectors = highlightFeatures.selectorsOnText(
      await this.articleText(parsed.articleId),
      parsed.selectors,
      'That passage is not in this article (it may have changed); select it again.',
    );
    const now = new Date().toISOString();
    const highlight: Highlight = {
      id: newId(),
      articleId: parsed.articleId,
      selectors,
      color: parsed.color,
      note: parsed.note,
      createdAt: now,
      updatedAt: now,
    };
    await this.archive.transact((doc) => {
      doc.highlights.push(highlight);
    });
    await this.searchIndex.sync(parsed.articleId);
    return highlight;
  }

  /** The CLI's way to highlight: the quote must occur in the article's text. */
  async highlightQuote(articleId: string, quote: string, note = ''): Promise<Highlight> {
    this.archive.assertWritable();
    const article = this.article(articleId);
    const text = await this.articleText(articleId);
    const match = findQuote(text, quote);
    if (!match) {
      throw new MarginError('quote-not-found', `"${quote}" does not occur in "${article.title}".`);
    }
    return this.addHighlight({
      articleId,
      selectors: describeRange(text, match.start, match.end),
      note,
    });
  }

  async updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight> {
    this.archive.assertWritable();
    const updated = await this.archive.transact((doc) => {
      const highlight = doc.highlights.find((h) => h.id === id);
      if (!highlight) throw notFound('highlight', id);
      Object.assign(highlight, patch, { updatedAt: new Date().toISOString() });
      return highlight;
    });
    await this.searchIndex.sync(updated.articleId);
    return updated;
  }

  async deleteHighlight(id: string): Promise<void> {
    this.archive.assertWritable();
    const highlight = this.archive.data.highlights.find((h) => h.id === id);
    if (!highlight) throw notFound('highlight', id);
    await this.archive.transact((doc) => {
      doc.highlights = doc.highlights.filter((h) => h.id !== id);
    });
    await this.searchIndex.sync(highlight.articleId);
  }

  // Highlights beyond the first release (logic in core/highlights).

  async replaceArticle(id: string, file: ImportFile): Promise<ReplaceResult> {
    return replaceArticleContent(
      {
        archive: this.archive,
        article: (articleId) => this.article(articleId),
        parse: async ({ name, bytes }) => {
          if (/\.html?$/i.test(name)) refuseDeepHtml(name, Buffer.from(bytes).toString('latin1'));
          return (await importers()).parseImport({ name, bytes });
        },
        onArticleContentReplaced: (articleId, text) =>
          this.onArticleContentReplaced(articleId, text),
      },
      id,
      file,
    );
  }

  /** Hook: an article's text was replaced (Update from source); its caches and search entry follow. */
  async onArticleContentReplaced(id: string, text: string): Promise<void> {
    this.texts.set(id, text);
    await this.searchIndex.sync(id);
  }

  async reattachHighlight(id: string, selectors: Selectors): Promise<Highlight> {
    const h = await highlightFeatures.reattachHighlight(
      this.archive,
      (a) => this.articleText(a),
      id,
      selectors,
    );
    await this.searchIndex.sync(h.articleId);
    return h;
  }

  async listAllHighlights(): Promise<NotebookEntry[]> {
    return highlightFeatures.notebookEntries(this.archive);
  }

  async getSettings(): Promise<LibrarySettings> {
    return highlightFeatures.getSettings(this.archive);
  }

  async updateColorMeanings(
    meanings: Partial<Record<HighlightColor, string>>,
  ): Promise<LibrarySettings> {
    return highlightFeatures.updateColorMeanings(this.archive, meanings);
  }

  async getReview(): Promise<NotebookEntry[]> {
    return highlightFeatures.reviewEntries(this.archive);
  }

  async answerReview(id: string, action: 'keep' | 'favorite' | 'dismiss'): Promise<Highlight> {
    return highlightFeatures.answerReview(this.archive, id, action);
  }

  /** Each highlight of an article with where it is in the article's text now. */
  async highlightStatuses(articleId: string) {
    const text = await this.articleText(articleId);
    return highlightFeatures.highlightStatuses(text, this.highlightsOf(articleId));
  }

  async exportArticle(id: string): Promise<MarkdownFile> {
    return exportArticleFile(this, id);
  }

  async exportAll(): Promise<MarkdownFile[]> {
    return (await exportFilesPage(this, 0, Number.MAX_SAFE_INTEGER, { unique: true })).files;
  }

  async exportAllPage(start: number, count: number): Promise<ExportPage> {
    return exportFilesPage(this, start, count);
  }

  async exportHighlight(id: string): Promise<string> {
    return exportHighlightMarkdown(this, id);
  }

  async exportArticles(ids: string[] | null): Promise<MarkdownFile & { count: number }> {
    const { count, markdown } = await exportSingleFile(this, ids ? { ids } : {});
    return { fileName: 'Margin notes.md', markdown, count };
  }

  private live(): ArticleMeta[] {
    return this.archive.data.articles.filter((a) => !a.deletedAt);
  }

  private article(id: string): ArticleMeta {
    const article = this.archive.data.articles.find((a) => a.id === id && !a.deletedAt);
    if (!article) throw notFound('article', id);
    return article;
  }

  private highlightsOf(articleId: string): Highlight[] {
    return this.archive.data.highlights
      .filter((h) => h.articleId === articleId)
      .sort((a, b) => a.selectors[1].start - b.selectors[1].start);
  }

  private summary(meta: ArticleMeta): ArticleSummary {
    return {
      ...meta,
      highlightCount: this.highlightsOf(meta.id).length,
      readingMinutes: readingMinutes(meta.wordCount),
    };
  }

  private async purgeTrash(): Promise<void> {
    const cutoff = Date.now() - TRASH_DAYS * 24 * 3600 * 1000;
    const expired = this.archive.data.articles.filter(
      (a) => a.deletedAt && Date.parse(a.deletedAt) < cutoff,
    );
    if (expired.length === 0) return;
    const ids = new Set(expired.map((a) => a.id));
    await this.archive.transact((doc) => {
      doc.articles = doc.articles.filter((a) => !ids.has(a.id));
      doc.highlights = doc.highlights.filter((h) => !ids.has(h.articleId));
    });
    // Files go only after library.json no longer points at them.
    for (const id of ids) await this.archive.removeArticleFiles(id);
  }
}

/** The importers pull in jsdom, which takes a second to load; commands that don't import skip it. */
const importers = () => import('./import/index');

function notFound(what: string, id: string): MarginError {
  return new MarginError('not-found', `No ${what} with id ${id} in this library.`);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
}

/**
 * `text` on one line, with line breaks, other control characters and bidi overrides shown as
 * escapes: a file name like "a\nb.txt" or one with U+202E must not break or disguise a message.
 */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * The one-line reason an import failed. The importers throw MarginError('import-failed') for
 * what they refuse; anything else they throw (a stack overflow on absurdly nested HTML, say) is
 * still reported as a reason, never as a crash.
 */
function importFailureReason(name: string, error: unknown): string {
  if (error instanceof MarginError) return printable(error.message);
  const detail = error instanceof Error ? `${error.name}: ${reasonOf(error)}` : String(error);
  return `${printable(name)} could not be read (${printable(detail)})`;
}

const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input keygen link meta param source track wbr'.split(' '),
);
/** Elements whose end tag may be left out: they never pile up in real pages. */
const OPTIONAL_END = new Set(
  'html head body p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rp rtc'.split(
    ' ',
  ),
);

function refuseDeepHtml(name: string, html: string): void {
  if (htmlNestingDepth(html, MAX_HTML_NESTING) > MAX_HTML_NESTING) {
    throw new MarginError(
      'import-failed',
      `${printable(name)} is nested more than ${MAX_HTML_NESTING} levels deep; Margin does not import such pages`,
    );
  }
}

/**
 * How deeply elements nest, counted from start and end tags in one linear pass (comments,
 * scripts and styles skipped), stopping once past `limit`. An estimate, not a parse: enough to
 * refuse pathological input without feeding it to the parser.
 */
export function htmlNestingDepth(html: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  for (let i = html.indexOf('<'); i !== -1 && max <= limit; i = html.indexOf('<', i)) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    const closing = html[i + 1] === '/';
    const nameStart = i + (closing ? 2 : 1);
    let nameEnd = nameStart;
    while (nameEnd < html.length && /[A-Za-z0-9:-]/.test(html[nameEnd]!)) nameEnd++;
    if (nameEnd === nameStart || !/[A-Za-z]/.test(html[nameStart]!)) {
      i++;
      continue;
    }
    const gt = html.indexOf('>', nameEnd);
    if (gt === -1) break; // no tag is ever closed after this point
    const tag = html.slice(nameStart, nameEnd).toLowerCase();
    i = gt + 1; // everything up to '>' is this tag: each character is looked at once
    if (!closing && (tag === 'script' || tag === 'style')) {
      const endTag = new RegExp(`</${tag}`, 'gi');
      endTag.lastIndex = i;
      if (!endTag.exec(html)) break;
      i = endTag.lastIndex;
      continue;
    }
    if (VOID_ELEMENTS.has(tag) || OPTIONAL_END.has(tag) || html[gt - 1] === '/') continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    max = Math.max(max, depth);
  }
  return max;
}

function tooBigReason(name: string, size: number): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return `${printable(name)} is ${mb(size)}; Margin imports files up to ${mb(MAX_IMPORT_FILE_BYTES)}`;
}
