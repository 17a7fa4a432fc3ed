import path from 'node:path';
import { MarginError } from '../../common/errors';
import type { ArticleMeta, Highlight, LibraryDocument } from '../../common/model';
import type { Archive } from './archive';
import { splitArticleFiles, writeAsset } from './assets';
import type { BackupContents } from './backup-file';
import { sha256 } from './hash';
import { ARTICLES_DIR } from './layout';
import { inspectLibraryText } from './library-schema';
import { moveToLostAndFound } from './lost-and-found';
import { migrateLibrary } from './migrations';
import { archiveFs } from './fs-facade';

export interface RestorePlan {
  /** The library has nothing in it: the backup is restored exactly as it is. */
  intoEmpty: boolean;
  /** The backup's catalog, brought to the current format. */
  backup: LibraryDocument;
  addArticles: ArticleMeta[];
  /** In both, identical. */
  sameArticles: ArticleMeta[];
  /** In both, different: the library's version is kept (a restore never overwrites). */
  differingArticles: ArticleMeta[];
  addHighlights: Highlight[];
  /** Highlights in both whose content differs: the library's version is kept. */
  differingHighlights: Highlight[];
}

/**
 * Works out what restoring `contents` into a library holding `current` would change. Merging
 * is by id and only adds: articles and highlights the library lacks are added; anything it
 * already has is kept as it is, so a restore never deletes or overwrites anything.
 */
export async function planRestore(
  contents: BackupContents,
  current: LibraryDocument,
): Promise<RestorePlan> {
  const backup = await backupDocument(contents);
  const intoEmpty = current.articles.length === 0 && current.highlights.length === 0;
  const have = new Map(current.articles.map((a) => [a.id, a]));
  const plan: RestorePlan = {
    intoEmpty,
    backup,
    addArticles: [],
    sameArticles: [],
    differingArticles: [],
    addHighlights: [],
    differingHighlights: [],
  };
  for (const article of backup.articles) {
    const mine = have.get(article.id);
    if (!mine) plan.addArticles.push(article);
    else if (sameJson(mine, article)) plan.sameArticles.push(article);
    else plan.differingArticles.push(article);
  }
  const myHighlights = new Map(current.highlights.map((h) => [h.id, h]));
  const articleIds = new Set([...have.keys(), ...backup.articles.map((a) => a.id)]);
  for (const h of backup.highlights) {
    const mine = myHighlights.get(h.id);
    if (!mine && articleIds.has(h.articleId)) plan.addHighlights.push(h);
    else if (!sameJson(mine, h)) plan.differingHighlights.push(h);
  }
  return plan;
}

/** The plan in plain lines, for the terminal. */
export function describePlan(plan: RestorePlan, contents: BackupContents): string[] {
  const lines = [
    `Backup ${contents.file}${contents.takenAt ? ` (made ${contents.takenAt.toISOString()})` : ''}: ${plan.backup.articles.length} article(s), ${plan.backup.highlights.length} highlight(s).`,
  ];
  if (plan.intoEmpty)
    lines.push('The library is empty: the backup will be restored exactly as it is.');
  for (const a of plan.addArticles) lines.push(`  add article ${a.id}  ${a.title}`);
  if (plan.addHighlights.length > 0) lines.push(`  add ${plan.addHighlights.length} highlight(s)`);
  if (plan.sameArticles.length > 0) {
    lines.push(`  ${plan.sameArticles.length} article(s) already in the library, unchanged`);
  }
  for (const a of plan.differingArticles) {
    lines.push(
      `  keep article ${a.id}  ${a.title}  (differs from the backup; your library's version is kept)`,
    );
  }
  if (plan.differingHighlights.length > 0) {
    lines.push(
      `  keep ${plan.differingHighlights.length} highlight(s) that differ from the backup (your library's versions are kept)`,
    );
  }
  if (plan.addArticles.length === 0 && plan.addHighlights.length === 0 && !plan.intoEmpty) {
    lines.push('Nothing to restore: everything in the backup is already in the library.');
  }
  if (contents.ignored.length > 0) {
    lines.push(
      `  ${contents.ignored.length} file(s) in the backup are not part of a library and are ignored`,
    );
  }
  lines.push('Nothing in your library will be deleted or overwritten.');
  return lines;
}

/**
 * Carries out `plan` on a library open for writing. Article files go first (checked against
 * their recorded hashes), the catalog last; a folder already in the way is moved to lost+found.
 */
export async function applyRestore(
  archive: Archive,
  contents: BackupContents,
  plan: RestorePlan,
  now: Date,
): Promise<{ articles: number; highlights: number }> {
  archive.assertWritable();
  await archive.backupNow();
  for (const article of plan.intoEmpty ? plan.backup.articles : plan.addArticles) {
    const rel = path.join(ARTICLES_DIR, article.id);
    const inTheWay = await archiveFs.stat(path.join(archive.dir, rel)).catch(() => null);
    if (inTheWay) await moveToLostAndFound(archive.dir, [rel], now);
    const { plain, assets } = splitArticleFiles(articleFiles(contents, article))!;
    await archive.writeArticleFiles(article.id, plain);
    for (const [, data] of assets) await writeAsset(archive.dir, article.id, data);
  }
  if (plan.intoEmpty) {
    await archive.transact((doc) => {
      for (const key of Object.keys(doc)) Reflect.deleteProperty(doc, key);
      Object.assign(doc, structuredClone(plan.backup));
    });
    return { articles: plan.backup.articles.length, highlights: plan.backup.highlights.length };
  }
  await archive.transact((doc) => {
    const articles = new Set(doc.articles.map((a) => a.id));
    doc.articles.push(...structuredClone(plan.addArticles.filter((a) => !articles.has(a.id))));
    const highlights = new Set(doc.highlights.map((h) => h.id));
    doc.highlights.push(
      ...structuredClone(plan.addHighlights.filter((h) => !highlights.has(h.id))),
    );
  });
  return { articles: plan.addArticles.length, highlights: plan.addHighlights.length };
}

/** The backup's library.json in the current format; refuses a damaged or too-new one. */
async function backupDocument(contents: BackupContents): Promise<LibraryDocument> {
  const inspected = inspectLibraryText(contents.libraryText);
  let doc: LibraryDocument;
  switch (inspected.kind) {
    case 'damaged':
      throw new MarginError(
        'invalid-argument',
        `The library.json in ${contents.file} is damaged (${inspected.reason}); nothing was restored.`,
      );
    case 'newer':
      throw new MarginError(
        'invalid-argument',
        `${contents.file} was made by a newer Margin (format ${inspected.version}); update Margin to restore it. Nothing was restored.`,
      );
    case 'older':
      doc = (
        await migrateLibrary(inspected.json, {
          async hashArticleFiles(id, names) {
            const hashes: Record<string, string> = {};
            for (const name of names) {
              const data = contents.files.get(`${ARTICLES_DIR}/${id}/${name}`);
              if (data) hashes[name] = sha256(data);
            }
            return hashes;
          },
        })
      ).doc;
      break;
    case 'current':
      doc = inspected.doc;
  }
  for (const article of doc.articles) articleFiles(contents, article);
  return doc;
}

/** All of an article's files in the backup, each recorded one checked against its hash. */
function articleFiles(contents: BackupContents, article: ArticleMeta): Record<string, Buffer> {
  const prefix = `${ARTICLES_DIR}/${article.id}/`;
  const files: Record<string, Buffer> = {};
  for (const [rel, data] of contents.files) {
    if (rel.startsWith(prefix)) files[rel.slice(prefix.length)] = data;
  }
  for (const [name, hash] of Object.entries(article.files)) {
    const data = files[name];
    if (!data || sha256(data) !== hash) {
      throw new MarginError(
        'invalid-argument',
        `${contents.file} is damaged: ${prefix}${name} of "${article.title}" is ${data ? 'corrupted' : 'missing'}. Nothing was restored.`,
      );
    }
  }
  // Stored images are named by their hash: a damaged one is caught before anything is written.
  if (splitArticleFiles(files) === null) {
    throw new MarginError(
      'invalid-argument',
      `${contents.file} is damaged: an image of "${article.title}" does not match its name. Nothing was restored.`,
    );
  }
  return files;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
