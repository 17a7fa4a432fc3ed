/**
 * Export of the library's own articles: what the service, the CLI and the Electron shell call.
 * Builds each article's ArticleExport from the archive (highlights placed in the article's
 * current text, orphans marked) and hands it to the pure renderers or to exportToFolder.
 */
import { presetTemplate, type ExportTemplate } from '../../common/export/export-template';
import { markdownFileName, uniqueFileNames } from '../../common/export/file-name';
import {
  articlesToMarkdown,
  articleToMarkdown,
  highlightToMarkdown,
} from '../../common/export/markdown';
import { placeHighlights } from '../../common/export/placement';
import type { ArticleExport } from '../../common/export/views';
import type { MarkdownFile } from '../../common/api';
import { MarginError } from '../../common/errors';
import { librarySettings } from '../../common/highlights/colors';
import type { ArticleMeta, Highlight, LibraryDocument } from '../../common/model';
import { exportToFolder, type FolderExportResult } from './folder-export';
import { yieldToEventLoop } from './yield';

/** What export needs of the library: its catalog and each article's text. */
export interface ExportSource {
  readonly archive: { readonly data: LibraryDocument };
  articleText(id: string): Promise<string>;
}

/** Articles that have something to export (highlights or a note), oldest saved first. */
export function exportableArticles(source: ExportSource, ids?: readonly string[]): ArticleMeta[] {
  const byArticle = highlightsByArticle(source.archive.data);
  const wanted = ids ? new Set(ids) : null;
  return source.archive.data.articles
    .filter(
      (a) =>
        !a.deletedAt &&
        (wanted === null || wanted.has(a.id)) &&
        (a.note.trim() !== '' || (byArticle.get(a.id)?.length ?? 0) > 0),
    )
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id));
}

function highlightsByArticle(doc: LibraryDocument): Map<string, Highlight[]> {
  const map = new Map<string, Highlight[]>();
  for (const highlight of doc.highlights) {
    const list = map.get(highlight.articleId);
    if (list) list.push(highlight);
    else map.set(highlight.articleId, [highlight]);
  }
  return map;
}

/**
 * One article ready to render: highlights placed in its current text; those the text no longer
 * holds, or that re-anchoring marked `orphaned`, exported apart and marked as orphans.
 */
export async function articleExport(
  source: ExportSource,
  meta: ArticleMeta,
  highlights: readonly Highlight[] = source.archive.data.highlights.filter(
    (h) => h.articleId === meta.id,
  ),
): Promise<ArticleExport> {
  let text: string | null;
  try {
    text = await source.articleText(meta.id);
  } catch {
    text = null; // A missing text file must not stop an export: positions come from selectors.
  }
  const placed =
    text === null ? { orphanIds: new Set<string>() } : placeHighlights(text, highlights);
  const orphanIds = new Set(placed.orphanIds);
  for (const highlight of highlights) if (highlight.orphaned === true) orphanIds.add(highlight.id);
  // With the defaults for colors whose meaning the user left as it was (what the app shows).
  const { colorMeanings } = librarySettings(source.archive.data);
  return { meta, highlights, ...placed, orphanIds, colorMeanings };
}

async function* exportInputs(
  source: ExportSource,
  articles: readonly ArticleMeta[],
  signal?: AbortSignal,
): AsyncGenerator<ArticleExport> {
  const byArticle = highlightsByArticle(source.archive.data);
  for (const meta of articles) {
    signal?.throwIfAborted();
    yield await articleExport(source, meta, byArticle.get(meta.id) ?? []);
  }
}

const notFound = (what: string, id: string): MarginError =>
  new MarginError('not-found', `No ${what} with id ${id} in this library.`);

function liveArticle(source: ExportSource, id: string): ArticleMeta {
  const meta = source.archive.data.articles.find((a) => a.id === id && !a.deletedAt);
  if (!meta) throw notFound('article', id);
  return meta;
}

/** One article's file. */
export async function exportArticleFile(
  source: ExportSource,
  id: string,
  template: ExportTemplate = presetTemplate(),
): Promise<MarkdownFile> {
  const meta = liveArticle(source, id);
  return {
    fileName: markdownFileName(meta),
    markdown: articleToMarkdown(await articleExport(source, meta), template),
  };
}

/** One highlight as Markdown, laid out as in its article's file ("Copy as Markdown"). */
export async function exportHighlightMarkdown(
  source: ExportSource,
  highlightId: string,
  template: ExportTemplate = presetTemplate(),
): Promise<string> {
  const highlight = source.archive.data.highlights.find((h) => h.id === highlightId);
  if (!highlight) throw notFound('highlight', highlightId);
  const meta = liveArticle(source, highlight.articleId);
  const markdown = highlightToMarkdown(await articleExport(source, meta), highlightId, template);
  if (markdown === null) throw notFound('highlight', highlightId);
  return markdown;
}

/**
 * One page of "every article with notes", one file each. A page's names are the titles made
 * safe, not yet numbered: the folder export numbers repeated titles as it claims names (same rule,
 * in the same order), and numbering here would cost every page a pass over the whole library.
 * With `unique`, for a single page of everything, the names are numbered here instead.
 */
export async function exportFilesPage(
  source: ExportSource,
  start: number,
  count: number,
  options: { template?: ExportTemplate; unique?: boolean } = {},
): Promise<{ total: number; files: MarkdownFile[] }> {
  const articles = exportableArticles(source);
  const page = articles.slice(start, start + count);
  const names = page.map((meta) => markdownFileName(meta));
  const fileNames = options.unique ? uniqueFileNames(names) : names;
  const files: MarkdownFile[] = [];
  for await (const input of exportInputs(source, page)) {
    files.push({
      fileName: fileNames[files.length] ?? markdownFileName(input.meta),
      markdown: articleToMarkdown(input, options.template),
    });
  }
  return { total: articles.length, files };
}

/** Many articles (all with notes, or those of `ids`, in that order) in one Markdown file. */
export async function exportSingleFile(
  source: ExportSource,
  options: { ids?: readonly string[]; template?: ExportTemplate; signal?: AbortSignal } = {},
): Promise<{ count: number; markdown: string }> {
  let articles = exportableArticles(source, options.ids);
  if (options.ids) {
    const order = new Map(options.ids.map((id, index) => [id, index]));
    articles = articles.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  const inputs: ArticleExport[] = [];
  for await (const input of exportInputs(source, articles, options.signal)) {
    inputs.push(input);
    if (inputs.length % 64 === 0) await yieldToEventLoop();
  }
  return { count: inputs.length, markdown: articlesToMarkdown(inputs, options.template) };
}

/** "Export all to folder": every article with notes, one file each, safe to repeat. */
export function exportLibraryToFolder(
  source: ExportSource,
  options: {
    dir: string;
    template?: ExportTemplate;
    onProgress?(done: number, total: number | null): void;
    signal?: AbortSignal;
  },
): Promise<FolderExportResult> {
  const articles = exportableArticles(source);
  return exportToFolder({
    ...options,
    articles: exportInputs(source, articles, options.signal),
    total: articles.length,
  });
}
