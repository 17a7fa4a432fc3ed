import path from 'node:path';
import type { Dirent } from 'node:fs';
import type { LibraryDocument } from '../../common/model';
import { isTempFile } from './atomic-write';
import { checkArticleAssets } from './verify-assets';
import { newestUsableBackup, listBackups } from './backups';
import { archiveFs } from './fs-facade';
import { sha256 } from './hash';
import {
  ARTICLES_DIR,
  BACKUPS_DIR,
  CONTENT_FILE,
  CORRUPT_PREFIX,
  LIBRARY_FILE,
  LOCK_FILE,
  LOST_AND_FOUND_DIR,
  TEXT_FILE,
} from './layout';
import { inspectLibraryText } from './library-schema';

export type ProblemKind =
  | 'no-library'
  | 'library-missing'
  | 'library-damaged'
  | 'duplicate-id'
  | 'article-folder-missing'
  | 'file-missing'
  | 'file-damaged'
  | 'orphan-highlight'
  | 'stray-temp-file'
  | 'stray-article-folder'
  /** Something in an article's assets/ folder that is not a stored image. */
  | 'stray-asset'
  | 'backup-damaged';

export interface Problem {
  kind: ProblemKind;
  /** Relative to the library folder. */
  path: string;
  /** One line, for the user. */
  message: string;
  /** `verify --repair` can fix it without losing anything. */
  repairable: boolean;
}

export interface VerifyReport {
  libraryDir: string;
  ok: boolean;
  schemaVersion: number | null;
  articles: number;
  highlights: number;
  /** Article files whose content was checked against the recorded SHA-256. */
  filesChecked: number;
  problems: Problem[];
  /** Things worth knowing that are not problems (an older format, a file kept aside). */
  notes: string[];
}

/**
 * Checks a library folder without changing anything (no lock needed; safe while Margin runs):
 * `library.json` parses and matches the schema, every article file exists and matches its
 * recorded hash, highlights point at articles, and nothing half-written or unreferenced lies
 * around.
 */
export async function verifyLibrary(libraryDir: string): Promise<VerifyReport> {
  const report: VerifyReport = {
    libraryDir,
    ok: false,
    schemaVersion: null,
    articles: 0,
    highlights: 0,
    filesChecked: 0,
    problems: [],
    notes: [],
  };
  const problem = (kind: ProblemKind, rel: string, message: string, repairable = false) =>
    report.problems.push({ kind, path: rel, message, repairable });

  const root = await entriesOf(libraryDir);
  if (root === null) {
    problem('no-library', '.', `There is no library at ${libraryDir}.`);
    return finish(report);
  }

  const doc = await checkCatalog(libraryDir, report, problem);
  if (doc) {
    await checkArticles(libraryDir, doc, report, problem);
    checkHighlights(doc, problem);
  }
  await checkStrays(libraryDir, root, doc, problem, report);
  await checkBackups(libraryDir, problem);
  return finish(report);
}

type Report = (kind: ProblemKind, rel: string, message: string, repairable?: boolean) => void;

async function checkCatalog(
  libraryDir: string,
  report: VerifyReport,
  problem: Report,
): Promise<LibraryDocument | null> {
  let text: string;
  try {
    text = await archiveFs.readFile(path.join(libraryDir, LIBRARY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const backup = await newestUsableBackup(libraryDir);
    const articles = await entriesOf(path.join(libraryDir, ARTICLES_DIR));
    if (backup || (articles && articles.length > 0)) {
      problem(
        'library-missing',
        LIBRARY_FILE,
        backup
          ? 'library.json is missing; it can be restored from the newest backup.'
          : 'library.json is missing, and there is no backup to restore it from.',
        backup !== null,
      );
    } else {
      report.notes.push('This library is empty (nothing has been saved in it yet).');
    }
    return null;
  }
  const inspected = inspectLibraryText(text);
  switch (inspected.kind) {
    case 'damaged': {
      const backup = await newestUsableBackup(libraryDir);
      problem(
        'library-damaged',
        LIBRARY_FILE,
        `library.json is damaged (${inspected.reason})${backup ? '; it can be restored from the newest backup' : ', and there is no usable backup'}.`,
        backup !== null,
      );
      return null;
    }
    case 'newer':
      report.schemaVersion = inspected.version;
      report.notes.push(
        `library.json was written by a newer Margin (format ${inspected.version}); only what this version knows was checked.`,
      );
      return inspected.doc;
    case 'older':
      report.schemaVersion = inspected.version;
      report.notes.push(
        `library.json is in the older format ${inspected.version}; Margin upgrades it the next time it opens the library for writing.`,
      );
      return inspected.json as unknown as LibraryDocument;
    case 'current':
      report.schemaVersion = inspected.doc.schemaVersion;
      return inspected.doc;
  }
}

async function checkArticles(
  libraryDir: string,
  doc: LibraryDocument,
  report: VerifyReport,
  problem: Report,
): Promise<void> {
  report.articles = doc.articles.length;
  report.highlights = doc.highlights.length;
  const seen = new Set<string>();
  for (const article of doc.articles) {
    const rel = path.join(ARTICLES_DIR, article.id);
    if (seen.has(article.id)) {
      problem('duplicate-id', rel, `Two articles have the id ${article.id}.`);
    }
    seen.add(article.id);
    const present = await entriesOf(path.join(libraryDir, rel));
    if (present === null) {
      problem(
        'article-folder-missing',
        rel,
        `The folder of "${article.title}" (${rel}) is missing.`,
      );
      continue;
    }
    const names = new Set(present.filter((e) => e.isFile()).map((e) => e.name));
    const recorded: Record<string, string> = article.files ?? {};
    for (const name of new Set([
      CONTENT_FILE,
      TEXT_FILE,
      article.sourceFile,
      ...Object.keys(recorded),
    ])) {
      const fileRel = path.join(rel, name);
      if (!names.has(name)) {
        problem('file-missing', fileRel, `${fileRel} of "${article.title}" is missing.`);
        continue;
      }
      const expected = recorded[name];
      if (expected === undefined) continue;
      report.filesChecked++;
      const actual = sha256(await archiveFs.readFile(path.join(libraryDir, fileRel)));
      if (actual !== expected) {
        problem(
          'file-damaged',
          fileRel,
          `${fileRel} of "${article.title}" does not match its recorded checksum (it was changed or damaged).`,
        );
      }
    }
    const assets = await checkArticleAssets(libraryDir, article.id, article.title);
    report.filesChecked += assets.checked;
    for (const p of assets.problems) problem(p.kind, p.path, p.message, p.repairable);
  }
}

function checkHighlights(doc: LibraryDocument, problem: Report): void {
  const articles = new Set(doc.articles.map((a) => a.id));
  const seen = new Set<string>();
  for (const h of doc.highlights) {
    if (seen.has(h.id))
      problem('duplicate-id', LIBRARY_FILE, `Two highlights have the id ${h.id}.`);
    seen.add(h.id);
    if (!articles.has(h.articleId)) {
      problem(
        'orphan-highlight',
        LIBRARY_FILE,
        `Highlight ${h.id} ("${h.selectors[0].exact.slice(0, 40)}") belongs to article ${h.articleId}, which is not in the library.`,
      );
    }
  }
}

async function checkStrays(
  libraryDir: string,
  root: Dirent[],
  doc: LibraryDocument | null,
  problem: Report,
  report: VerifyReport,
): Promise<void> {
  for (const entry of root) {
    if (isTempFile(entry.name)) {
      problem(
        'stray-temp-file',
        entry.name,
        `${entry.name} is left over from an interrupted write.`,
        true,
      );
    } else if (entry.name.startsWith(CORRUPT_PREFIX)) {
      report.notes.push(`${entry.name} is a damaged library.json that Margin kept aside.`);
    } else if (entry.name === LOCK_FILE) {
      report.notes.push('library.lock: a Margin process has this library open for writing.');
    } else if (entry.name === LOST_AND_FOUND_DIR) {
      report.notes.push('lost+found holds files set aside by an earlier repair.');
    }
  }
  const articles = await entriesOf(path.join(libraryDir, ARTICLES_DIR));
  if (!articles) return;
  // Without a readable catalog nothing can be called unreferenced: leave the folders alone.
  const known = doc ? new Set(doc.articles.map((a) => a.id)) : null;
  for (const entry of articles) {
    const rel = path.join(ARTICLES_DIR, entry.name);
    if (isTempFile(entry.name)) {
      problem('stray-temp-file', rel, `${rel} is left over from an interrupted write.`, true);
      continue;
    }
    if (!entry.isDirectory()) continue;
    if (known && !known.has(entry.name)) {
      problem(
        'stray-article-folder',
        rel,
        `${rel} is not part of the library (an import that was interrupted).`,
        true,
      );
      continue;
    }
    for (const inner of (await entriesOf(path.join(libraryDir, rel))) ?? []) {
      if (isTempFile(inner.name)) {
        const innerRel = path.join(rel, inner.name);
        problem(
          'stray-temp-file',
          innerRel,
          `${innerRel} is left over from an interrupted write.`,
          true,
        );
      }
    }
  }
}

async function checkBackups(libraryDir: string, problem: Report): Promise<void> {
  for (const entry of (await entriesOf(path.join(libraryDir, BACKUPS_DIR))) ?? []) {
    if (isTempFile(entry.name)) {
      const rel = path.join(BACKUPS_DIR, entry.name);
      problem('stray-temp-file', rel, `${rel} is left over from an interrupted backup.`, true);
    }
  }
  for (const backup of await listBackups(libraryDir)) {
    const rel = path.relative(libraryDir, backup.file);
    const text = await archiveFs.readFile(backup.file, 'utf8');
    const kind = inspectLibraryText(text).kind;
    if (kind === 'damaged') {
      problem('backup-damaged', rel, `The backup ${rel} is damaged and cannot be used.`, true);
    }
  }
}

function finish(report: VerifyReport): VerifyReport {
  report.ok = report.problems.length === 0;
  return report;
}

async function entriesOf(dir: string): Promise<Dirent[] | null> {
  try {
    // Sorted, so a report lists things in the same order every time.
    const entries = await archiveFs.readdir(dir, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}
