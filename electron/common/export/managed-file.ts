/**
 * The layout of an exported file and how a re-export updates it without touching what the user
 * wrote:
 *
 *     ---                          front matter: Margin's keys (rewritten), then the user's
 *     …                            keys (kept byte for byte)
 *     ---
 *     (user text, kept)
 *     <!-- margin:begin <id> -->
 *     …                            the managed region: rewritten on every export
 *     <!-- margin:end <id> -->
 *     (user text, kept)
 *
 * Front matter stays first in the file because Obsidian and Logseq only read it there.
 */
import { findFrontMatter, frontMatterEntries, scalarValue } from './front-matter';

export interface RenderedArticle {
  articleId: string;
  /** YAML lines without fences; null when the template writes no front matter. */
  frontMatter: string | null;
  body: string;
}

export type MergeResult = { ok: true; text: string } | { ok: false; reason: string };

export const beginMarker = (articleId: string): string => `<!-- margin:begin ${articleId} -->`;
export const endMarker = (articleId: string): string => `<!-- margin:end ${articleId} -->`;

const MARKER_LINE = /^<!-- margin:(begin|end) ([A-Za-z0-9_-]{1,64}) -->[ \t]*\r?$/gm;

/** A file as first exported. */
export function newManagedFile(article: RenderedArticle): string {
  const frontMatter = article.frontMatter === null ? '' : `---\n${article.frontMatter}\n---\n\n`;
  return `${frontMatter}${managedRegion(article, '\n')}\n`;
}

/** The begin marker, the body, the end marker (without a line ending after it). */
export function managedRegion(article: RenderedArticle, eol: string): string {
  const body = article.body === '' ? '' : `${article.body}\n\n`;
  const region = `${beginMarker(article.articleId)}\n\n${body}${endMarker(article.articleId)}`;
  return eol === '\n' ? region : region.split('\n').join(eol);
}

/**
 * `existing` with its managed region and Margin's front matter keys replaced by `article`'s, all
 * else kept as it is. Refuses (with a reason) a file whose markers are missing, repeated or out
 * of order, or whose front matter never closes: guessing there could lose the user's text.
 */
export function mergeManagedFile(
  existing: string,
  article: RenderedArticle,
  ownedKeys: ReadonlySet<string>,
): MergeResult {
  const frontMatter = findFrontMatter(existing);
  if (frontMatter === 'unclosed') return { ok: false, reason: 'its front matter is not closed' };
  const bom = existing.startsWith('\uFEFF') ? '\uFEFF' : '';
  const afterFrontMatter = frontMatter?.end ?? bom.length;
  const markers = markersOf(existing, article.articleId, afterFrontMatter);
  if (typeof markers === 'string') return { ok: false, reason: markers };
  // Keep the file's line endings (an editor on Windows may have made them CRLF).
  const eol = existing.startsWith('\r\n', markers.beginEnd) ? '\r\n' : '\n';
  let top = existing.slice(0, afterFrontMatter);
  if (article.frontMatter !== null) {
    const usersKeys = frontMatterEntries(frontMatter?.lines ?? [])
      .filter((entry) => entry.key === null || !ownedKeys.has(entry.key))
      .map((entry) => entry.text)
      .join('');
    const ours = article.frontMatter.split('\n').join(eol);
    // A file without front matter gets one, then a blank line before the user's text.
    top = `${bom}---${eol}${ours}${eol}${usersKeys}---${eol}${frontMatter ? '' : eol}`;
  }
  const text =
    top +
    existing.slice(afterFrontMatter, markers.beginStart) +
    managedRegion(article, eol) +
    existing.slice(markers.endEnd);
  return { ok: true, text };
}

/**
 * A file as Margin wrote it, taken apart again (what `newManagedFile` put together), or null if
 * it has no complete managed region.
 */
export function parseManagedFile(text: string): RenderedArticle | null {
  const articleId = managedArticleId(text);
  if (articleId === null) return null;
  const frontMatter = findFrontMatter(text);
  if (frontMatter === 'unclosed') return null;
  const markers = markersOf(text, articleId, frontMatter?.end ?? 0);
  if (typeof markers === 'string') return null;
  const endStart = markers.endEnd - endMarker(articleId).length;
  return {
    articleId,
    frontMatter: frontMatter ? frontMatter.lines.join('').replace(/\r?\n$/, '') : null,
    body: text.slice(markers.beginEnd, endStart).replace(/^(?:\r?\n)+|(?:\r?\n)+$/g, ''),
  };
}

/** The article id a file belongs to: its front matter `id`, else its begin marker's, else null. */
export function managedArticleId(text: string): string | null {
  const frontMatter = findFrontMatter(text);
  if (frontMatter && frontMatter !== 'unclosed') {
    const id = scalarValue(frontMatterEntries(frontMatter.lines), 'id');
    if (id !== null && /^[A-Za-z0-9_-]{1,64}$/.test(id)) return id;
  }
  MARKER_LINE.lastIndex = 0;
  for (const match of text.matchAll(MARKER_LINE)) {
    if (match[1] === 'begin') return match[2] ?? null;
  }
  return null;
}

interface Markers {
  /** Start of the begin marker's line. */
  beginStart: number;
  /** End of the begin marker's text (where its line ending starts). */
  beginEnd: number;
  /** End of the end marker's text. */
  endEnd: number;
}

function markersOf(text: string, articleId: string, from: number): Markers | string {
  const begins: { start: number; end: number }[] = [];
  const ends: { start: number; end: number }[] = [];
  MARKER_LINE.lastIndex = 0;
  for (const match of text.matchAll(MARKER_LINE)) {
    if (match[2] !== articleId) continue;
    const start = match.index;
    const found = { start, end: start + match[0].replace(/[ \t\r]+$/, '').length };
    (match[1] === 'begin' ? begins : ends).push(found);
  }
  const [begin] = begins;
  const [end] = ends;
  if (!begin || !end) return "Margin's begin/end markers are missing";
  if (begins.length > 1 || ends.length > 1) return "Margin's begin/end markers are repeated";
  if (begin.start < from || end.start < begin.end) {
    return "Margin's begin/end markers are out of order";
  }
  return { beginStart: begin.start, beginEnd: begin.end, endEnd: end.end };
}
