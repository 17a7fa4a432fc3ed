import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { reanchorHighlights } from '../../common/anchoring';
import type { ImportFile, ReplaceResult } from '../../common/api';
import { MarginError } from '../../common/errors';
import type { ArticleMeta, Highlight } from '../../common/model';
import { CONTENT_FILE, TEXT_FILE, sha256, type Archive } from '../archive/archive';
import type { ParsedArticle } from '../import/index';

/** What replacing needs from the library service. */
export interface ReplaceContext {
  archive: Archive;
  /** The live (not trashed) article, or a not-found error. */
  article(id: string): ArticleMeta;
  /** Parses a file with the importers used by import (same checks, same limits). */
  parse(file: { name: string; bytes: Uint8Array }): Promise<ParsedArticle>;
  /** Hook: the article's text changed; caches and its search entry must follow. */
  onArticleContentReplaced(id: string, text: string): Promise<void>;
}

/**
 * Replaces an article's content with a new copy of it (a re-saved page, an edited text file)
 * and re-anchors every highlight on the new text: each one gets fresh selectors, or is marked
 * `orphaned` with its old selectors kept, so it can still be shown and re-attached. No highlight
 * is ever deleted. The article keeps its id, notes, tags and reading state; its metadata comes
 * from the new copy. If saving fails, the old files are put back and nothing changed.
 */
export async function replaceArticleContent(
  ctx: ReplaceContext,
  articleId: string,
  file: ImportFile,
): Promise<ReplaceResult> {
  const { archive } = ctx;
  archive.assertWritable();
  const before = ctx.article(articleId);
  const oldSourceFile = before.sourceFile; // `before` is live: the transaction below changes it
  const bytes = Buffer.from(file.base64, 'base64');
  const parsed = await ctx.parse({ name: file.name, bytes });
  const sourceFile = `source.${parsed.sourceExtension}`;

  const old = await readOldFiles(archive, before);
  // The old text carries each highlight's position into the new one (see position-map.ts).
  const results = reanchorHighlights(
    parsed.text,
    archive.data.highlights.filter((h) => h.articleId === articleId),
    Buffer.from(old[TEXT_FILE]!).toString('utf8'),
  );
  const files = await archive.writeArticleFiles(articleId, {
    [CONTENT_FILE]: parsed.html,
    [TEXT_FILE]: parsed.text,
    [sourceFile]: bytes,
  });
  let counts: { anchored: number; orphaned: number };
  try {
    counts = await archive.transact((doc) => {
      const article = doc.articles.find((a) => a.id === articleId);
      if (!article) throw new MarginError('not-found', `No article with id ${articleId}.`);
      Object.assign(article, {
        title: parsed.title,
        byline: parsed.byline,
        siteName: parsed.siteName,
        url: parsed.url ?? article.url,
        source: file.name,
        kind: parsed.kind,
        lang: parsed.lang,
        dir: parsed.dir,
        excerpt: parsed.excerpt,
        publishedTime: parsed.publishedTime,
        wordCount: parsed.wordCount,
        sourceHash: sha256(bytes),
        sourceFile,
        files,
      } satisfies Partial<ArticleMeta>);
      return applyResults(doc.highlights, results);
    });
  } catch (error) {
    await archive.writeArticleFiles(articleId, old).catch(() => undefined);
    throw error;
  }
  if (oldSourceFile !== sourceFile) {
    // The old original is no longer listed in library.json; only now may it go.
    await rm(path.join(archive.articleDir(articleId), oldSourceFile), { force: true });
  }
  await ctx.onArticleContentReplaced(articleId, parsed.text);
  return { articleId, title: parsed.title, ...counts };
}

function applyResults(
  highlights: Highlight[],
  results: ReturnType<typeof reanchorHighlights>,
): { anchored: number; orphaned: number } {
  let anchored = 0;
  let orphaned = 0;
  const now = new Date().toISOString();
  for (const highlight of highlights) {
    const result = results.get(highlight.id);
    if (!result) continue;
    if (result.status === 'anchored') {
      highlight.selectors = result.selectors;
      delete highlight.orphaned;
      anchored += 1;
    } else {
      highlight.orphaned = true;
      orphaned += 1;
    }
    highlight.updatedAt = now;
  }
  return { anchored, orphaned };
}

/** The article's current files, to put back if the new ones cannot be recorded. */
async function readOldFiles(
  archive: Archive,
  article: ArticleMeta,
): Promise<Record<string, Uint8Array>> {
  const old: Record<string, Uint8Array> = {};
  for (const name of [CONTENT_FILE, TEXT_FILE, article.sourceFile]) {
    old[name] = await readFile(path.join(archive.articleDir(article.id), name));
  }
  return old;
}
