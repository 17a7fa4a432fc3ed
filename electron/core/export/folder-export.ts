/**
 * `margin export --all --out DIR` and "Export all notes": one Markdown file per article in a
 * folder, kept up to date across exports. See docs/export.md for the rules; in short:
 * - a file is found again by the article id in its front matter (or its begin marker), whatever
 *   the user renamed it to; a new article gets its title as a safe file name, numbered when the
 *   name is taken (by any file: Margin never overwrites a file that is not its own);
 * - only the managed region and Margin's front matter keys are rewritten; the rest of the file is
 *   kept byte for byte; a file whose markers are gone is skipped, not guessed at;
 * - a file whose content would not change is not written (its mtime stays);
 * - every write is atomic (temp file renamed over the target; fsynced first when it replaces a
 *   file; see FolderWriter), so a crash or cancel leaves each file as it was or fully updated.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { presetTemplate, type ExportTemplate } from '../../common/export/export-template';
import { markdownFileName } from '../../common/export/file-name';
import { claimFile, planFile, type ExportItem, type Target } from '../../common/export/folder-plan';
import { renderArticle } from '../../common/export/markdown';
import type { ArticleExport } from '../../common/export/views';
import { scanExportFolder, type FolderState } from './folder-scan';
import { FolderWriter } from './folder-writer';
import { yieldToEventLoop } from './yield';

export interface FolderExportOptions {
  dir: string;
  /** The articles to export, e.g. those with highlights or a note, oldest first. */
  articles: AsyncIterable<ArticleExport> | Iterable<ArticleExport>;
  /** A compiled template (compileTemplate / presetTemplate); Obsidian's by default. */
  template?: ExportTemplate;
  /** How many articles `articles` yields, when it is a stream, for `onProgress`. */
  total?: number;
  /** Called after each article; `total` is null when unknown. */
  onProgress?(done: number, total: number | null): void;
  /** Stops between articles; files already written stay (each complete). Rejects with the reason. */
  signal?: AbortSignal;
}

export interface SkippedFile {
  file: string;
  articleId: string;
  reason: string;
}

export interface FolderExportResult {
  /** Files created or changed. */
  written: number;
  /** Files already up to date, not touched. */
  unchanged: number;
  /** Files left alone because updating them could lose the user's text (see `skippedFiles`). */
  skipped: number;
  /** The file of every exported article (written or unchanged), in input order. */
  files: string[];
  skippedFiles: SkippedFile[];
}

export async function exportToFolder(options: FolderExportOptions): Promise<FolderExportResult> {
  const template = options.template ?? presetTemplate();
  const total = Array.isArray(options.articles) ? options.articles.length : (options.total ?? null);
  async function* items(): AsyncGenerator<ExportItem> {
    for await (const article of options.articles) {
      yield {
        article: renderArticle(article, template),
        fileName: markdownFileName(article.meta),
        ownedKeys: template.ownedKeys,
      };
    }
  }
  return exportRendered({ ...options, items: items(), total });
}

export type { ExportItem } from '../../common/export/folder-plan';

/** Articles handled between two turns of the event loop (file I/O is mostly synchronous). */
const BATCH = 64;
/**
 * Writes in flight at once. File creation is the kernel's work (about 0.2 to 1 ms a file on the
 * project's machine, all of it in the folder's directory): done on the thread pool, it overlaps
 * rendering the next articles; replacements overlap their fsyncs.
 */
const IN_FLIGHT = 16;

type Outcome =
  | { kind: 'written' | 'unchanged'; file: string }
  | { kind: 'skipped'; file: string; articleId: string; reason: string };

/** The folder export of rendered files (exportToFolder renders; writeMarkdownFolder parses). */
export async function exportRendered(options: {
  dir: string;
  items: AsyncIterable<ExportItem> | Iterable<ExportItem>;
  total: number | null;
  onProgress?(done: number, total: number | null): void;
  signal?: AbortSignal;
}): Promise<FolderExportResult> {
  const { dir, signal, total } = options;
  signal?.throwIfAborted();
  await mkdir(dir, { recursive: true });
  const folder = await scanExportFolder(dir, signal);
  const writer = new FolderWriter(dir);
  const outcomes: Outcome[] = [];
  const claimed = new Map<string, string>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let done = 0;
  const settle = (index: number, outcome: Outcome): void => {
    outcomes[index] = outcome;
    done += 1;
    options.onProgress?.(done, total);
  };

  try {
    for await (const item of options.items) {
      if (failure !== null || signal?.aborted) break;
      const index = outcomes.length;
      const { articleId } = item.article;
      const repeated = claimed.get(articleId);
      if (repeated !== undefined) {
        outcomes.push({ kind: 'unchanged', file: repeated });
        settle(index, {
          kind: 'skipped',
          file: repeated,
          articleId,
          reason: 'repeated in the list',
        });
        continue;
      }
      // Names are claimed here, in input order, so they are the same on every run.
      const target = claimFile(folder, articleId, item.fileName);
      claimed.set(articleId, target.file);
      outcomes.push({ kind: 'unchanged', file: target.file });
      const outcome = exportOne(writer, folder, item, target);
      if (!(outcome instanceof Promise)) {
        settle(index, outcome);
      } else {
        const task = outcome
          .then((result) => settle(index, result))
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => running.delete(task));
        running.add(task);
        if (running.size >= IN_FLIGHT) await Promise.race(running);
      }
      if (index % BATCH === BATCH - 1) await yieldToEventLoop();
    }
  } finally {
    await Promise.all(running);
    await writer.finish();
  }
  if (failure !== null) throw (failure as { error: unknown }).error;
  signal?.throwIfAborted();
  return summarize(outcomes);
}

function summarize(outcomes: readonly Outcome[]): FolderExportResult {
  const result: FolderExportResult = {
    written: 0,
    unchanged: 0,
    skipped: 0,
    files: [],
    skippedFiles: [],
  };
  for (const outcome of outcomes) {
    result[outcome.kind] += 1;
    if (outcome.kind === 'skipped') {
      const { file, articleId, reason } = outcome;
      result.skippedFiles.push({ file, articleId, reason });
    } else {
      result.files.push(outcome.file);
    }
  }
  return result;
}

/**
 * Writes one article's file: a new file at once; an existing one merged, and replaced only if
 * that changes it (returning a promise then, as the replacement is fsynced).
 */
function exportOne(
  writer: FolderWriter,
  folder: FolderState,
  item: ExportItem,
  target: Target,
): Outcome | Promise<Outcome> {
  const written: Outcome = { kind: 'written', file: target.file };
  const { articleId } = item.article;
  const before = target.existing
    ? (folder.contents.get(target.file) ?? readText(path.join(writer.dir, target.file)))
    : null;
  folder.contents.delete(target.file);
  if (before === NOT_TEXT) {
    return { kind: 'skipped', file: target.file, articleId, reason: 'it is not UTF-8 text' };
  }
  // Null: new, or gone since the scan (deleted or moved away): written afresh under its name.
  const plan = planFile(before, item);
  switch (plan.kind) {
    case 'skipped':
      return { kind: 'skipped', file: target.file, articleId, reason: plan.reason };
    case 'unchanged':
      return { kind: 'unchanged', file: target.file };
    case 'replace':
      return writer.replace(target.file, plan.text).then(() => written);
    case 'create':
      return writer
        .create(target.file, plan.text)
        .then((created) =>
          created ? written : writer.replace(target.file, plan.text).then(() => written),
        );
  }
}

const NOT_TEXT = Symbol('not UTF-8 text');

/** The file's text; null if it no longer exists. */
function readText(file: string): string | null | typeof NOT_TEXT {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return NOT_TEXT;
  }
}
