/**
 * The decisions of a folder export, whatever does the file I/O (Node in core, the File System
 * Access API in the browser): which existing file is which article's, which name a new file
 * gets, and whether a file is written, left unchanged or skipped. See docs/export.md.
 */
import type { MarkdownFile } from '../api';
import { fileNameKey, numberedFileName } from './file-name';
import { frontMatterEntries } from './front-matter';
import {
  managedArticleId,
  mergeManagedFile,
  newManagedFile,
  parseManagedFile,
  type RenderedArticle,
} from './managed-file';

/** One file to export: already rendered, with the name it gets if it is new. */
export interface ExportItem {
  article: RenderedArticle;
  fileName: string;
  /** Front matter keys Margin owns (see ExportTemplate.ownedKeys). */
  ownedKeys: ReadonlySet<string>;
}

/** What an export folder already holds. */
export interface FolderIndex {
  /** The file (name in the folder) of each article exported there before, by article id. */
  filesById: Map<string, string>;
  /** Every name in the folder, as compared by case-insensitive file systems: not to be reused. */
  takenNames: Set<string>;
}

export function emptyFolderIndex(names: Iterable<string> = []): FolderIndex {
  return { filesById: new Map(), takenNames: new Set([...names].map(fileNameKey)) };
}

/**
 * Records an existing `.md` file (`text` null when it is not UTF-8 or unreadable). Returns the
 * article it belongs to, if it is Margin's and the first file claiming that article (files are
 * to be indexed in name order). An empty file frees its name: a new file a power cut emptied.
 */
export function indexExistingFile(
  index: FolderIndex,
  name: string,
  text: string | null,
): string | null {
  if (text === '') index.takenNames.delete(fileNameKey(name));
  const id = text ? managedArticleId(text) : null;
  if (id === null || index.filesById.has(id)) return null;
  index.filesById.set(id, name);
  return id;
}

export interface Target {
  file: string;
  /** True when the file is the article's from an earlier export. */
  existing: boolean;
}

/** The article's file from before, else a new name: `fileName`, numbered if that is taken. */
export function claimFile(index: FolderIndex, articleId: string, fileName: string): Target {
  const existing = index.filesById.get(articleId);
  if (existing !== undefined) return { file: existing, existing: true };
  let file = fileName;
  for (let number = 2; index.takenNames.has(fileNameKey(file)); number += 1) {
    file = numberedFileName(fileName, number);
  }
  index.takenNames.add(fileNameKey(file));
  return { file, existing: false };
}

export type FilePlan =
  | { kind: 'create'; text: string }
  | { kind: 'replace'; text: string }
  | { kind: 'unchanged' }
  | { kind: 'skipped'; reason: string };

/** What to do with the article's file, given what it holds now (null: it does not exist). */
export function planFile(before: string | null, item: ExportItem): FilePlan {
  if (before === null) return { kind: 'create', text: newManagedFile(item.article) };
  const merged = mergeManagedFile(before, item.article, item.ownedKeys);
  if (!merged.ok) return { kind: 'skipped', reason: merged.reason };
  return merged.text === before ? { kind: 'unchanged' } : { kind: 'replace', text: merged.text };
}

/**
 * A complete export file (as the API returns them) as an item to merge into a folder; null if
 * it is not a Margin export (no markers). Its front matter keys are Margin's: Margin wrote them.
 */
export function exportItemOf(file: MarkdownFile): ExportItem | null {
  const article = parseManagedFile(file.markdown);
  if (article === null) return null;
  const keys = frontMatterEntries(
    (article.frontMatter ?? '').split('\n').map((line) => `${line}\n`),
  ).flatMap((entry) => (entry.key === null ? [] : [entry.key]));
  return { article, fileName: file.fileName, ownedKeys: new Set(keys) };
}
