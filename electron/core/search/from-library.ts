import type { ArticleMeta, Highlight, LibraryDocument } from '../../common/model';
import type { SearchDocument, SearchMeta } from './document';

/**
 * How library records become search documents. Kept here so that the catalog's versions and
 * the documents' versions are computed alike.
 */

/** One live article as the index needs to know it to tell what is stale: id, version, metadata. */
export interface CatalogEntry {
  id: string;
  version: string;
  meta: SearchMeta;
}

/** `archived` is not in the model yet; read it if the library has it. */
type MaybeArchived = ArticleMeta & { archived?: boolean };

/** The article's highlights in reading order. */
function ordered(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => a.selectors[1].start - b.selectors[1].start);
}

export function searchMetaOf(meta: ArticleMeta, highlights: readonly Highlight[]): SearchMeta {
  return {
    savedAt: meta.savedAt,
    read: meta.read,
    favorite: meta.favorite,
    archived: (meta as MaybeArchived).archived ?? false,
    tags: [...meta.tags],
    highlightCount: highlights.length,
    hasNotes: meta.note.trim() !== '' || highlights.some((h) => h.note.trim() !== ''),
  };
}

/**
 * Changes whenever what the index holds as text changes: title, byline, site, address, body (by
 * its source hash, and the hash of `text.txt` when its content is replaced), highlights and notes. Read state, tags and dates are metadata, compared
 * as they are.
 */
export function documentVersion(meta: ArticleMeta, highlights: readonly Highlight[]): string {
  const text = JSON.stringify([
    meta.title,
    meta.byline,
    meta.siteName,
    meta.url,
    meta.sourceHash,
    meta.files?.['text.txt'] ?? '',
    meta.note,
    ordered(highlights).map((h) => [h.selectors[0].exact, h.note]),
  ]);
  return `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

export function catalogEntry(meta: ArticleMeta, highlights: readonly Highlight[]): CatalogEntry {
  return {
    id: meta.id,
    version: documentVersion(meta, highlights),
    meta: searchMetaOf(meta, highlights),
  };
}

/** Every live (not trashed) article of the library, with highlights grouped once. */
export function catalogFromLibrary(library: LibraryDocument): CatalogEntry[] {
  const byArticle = highlightsByArticle(library.highlights);
  return library.articles
    .filter((article) => !article.deletedAt)
    .map((article) => catalogEntry(article, byArticle.get(article.id) ?? []));
}

export function highlightsByArticle(highlights: readonly Highlight[]): Map<string, Highlight[]> {
  const map = new Map<string, Highlight[]>();
  for (const highlight of highlights) {
    const list = map.get(highlight.articleId);
    if (list) list.push(highlight);
    else map.set(highlight.articleId, [highlight]);
  }
  return map;
}

/** The document to index for an article, given its text (`text.txt`). */
export function documentFromLibrary(
  meta: ArticleMeta,
  highlights: readonly Highlight[],
  text: string,
): SearchDocument {
  const inOrder = ordered(highlights);
  return {
    id: meta.id,
    title: meta.title,
    byline: meta.byline,
    siteName: meta.siteName,
    url: meta.url,
    body: text,
    highlights: inOrder.map((h) => h.selectors[0].exact),
    notes: [...inOrder.map((h) => h.note), meta.note].filter((note) => note.trim() !== ''),
    ...searchMetaOf(meta, highlights),
    version: documentVersion(meta, highlights),
  };
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let at = 0; at < text.length; at += 1) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
