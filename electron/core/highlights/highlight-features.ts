import { anchor, describeRange } from '../../common/anchoring';
import type { HighlightStatus, NotebookEntry } from '../../common/api';
import { MarginError } from '../../common/errors';
import { librarySettings, MAX_MEANING_LENGTH } from '../../common/highlights/colors';
import { dueHighlights, nextReview, type ReviewAction } from '../../common/highlights/review';
import type {
  ArticleMeta,
  Highlight,
  HighlightColor,
  LibrarySettings,
  Selectors,
} from '../../common/model';
import type { Archive } from '../archive/archive';

/**
 * Highlights across the library: the notebook, re-attaching orphans, color meanings and the
 * daily review. Each function works on the open archive; the library service exposes them.
 */

function liveArticles(archive: Archive): Map<string, ArticleMeta> {
  return new Map(archive.data.articles.filter((a) => !a.deletedAt).map((a) => [a.id, a]));
}

function entry(h: Highlight, article: ArticleMeta): NotebookEntry {
  return { highlight: h, articleId: article.id, articleTitle: article.title };
}

/** Every highlight of every live article: newest article first, then in reading order. */
export function notebookEntries(archive: Archive): NotebookEntry[] {
  const articles = liveArticles(archive);
  const order = [...articles.values()].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const rank = new Map(order.map((a, i) => [a.id, i]));
  return archive.data.highlights
    .filter((h) => articles.has(h.articleId))
    .sort(
      (a, b) =>
        (rank.get(a.articleId) ?? 0) - (rank.get(b.articleId) ?? 0) ||
        a.selectors[1].start - b.selectors[1].start,
    )
    .map((h) => entry(h, articles.get(h.articleId)!));
}

/**
 * The selectors of a passage of `text`, described afresh from the text itself, if `selectors`
 * really point at their quote there; else `message` as an invalid-argument error. Every way a
 * highlight is placed from the outside (add, re-attach) goes through this one check.
 */
export function selectorsOnText(text: string, selectors: Selectors, message: string): Selectors {
  const { start, end } = selectors[1];
  if (end <= start || end > text.length || text.slice(start, end) !== selectors[0].exact) {
    throw new MarginError('invalid-argument', message);
  }
  return describeRange(text, start, end);
}

/**
 * Puts a highlight (typically an orphan) on new text of its article: fresh selectors, no longer
 * orphaned. Its note, color and review state stay. The selectors must quote the article's text.
 */
export async function reattachHighlight(
  archive: Archive,
  articleText: (id: string) => Promise<string>,
  id: string,
  selectors: Selectors,
): Promise<Highlight> {
  archive.assertWritable();
  const existing = archive.data.highlights.find((h) => h.id === id);
  if (!existing) throw new MarginError('not-found', `No highlight with id ${id} in this library.`);
  const text = await articleText(existing.articleId);
  const fresh = selectorsOnText(
    text,
    selectors,
    'Select the passage to re-attach the highlight to, in this article.',
  );
  return archive.transact((doc) => {
    const h = doc.highlights.find((x) => x.id === id);
    if (!h) throw new MarginError('not-found', `No highlight with id ${id} in this library.`);
    h.selectors = fresh;
    delete h.orphaned;
    h.updatedAt = new Date().toISOString();
    return h;
  });
}

/** Where each highlight of an article is in its text now (for `margin highlights --json`). */
export function highlightStatuses(
  text: string,
  highlights: readonly Highlight[],
): HighlightStatus[] {
  return highlights.map((h) => {
    const place = h.orphaned ? null : anchor(text, h.selectors);
    return {
      id: h.id,
      quote: h.selectors[0].exact,
      note: h.note,
      status: place ? 'anchored' : 'orphaned',
      start: place ? place.start : null,
      end: place ? place.end : null,
    };
  });
}

export function getSettings(archive: Archive): LibrarySettings {
  return librarySettings(archive.data);
}

export async function updateColorMeanings(
  archive: Archive,
  meanings: Partial<Record<HighlightColor, string>>,
): Promise<LibrarySettings> {
  archive.assertWritable();
  for (const meaning of Object.values(meanings)) {
    if (meaning.length > MAX_MEANING_LENGTH) {
      throw new MarginError(
        'invalid-argument',
        `A color's meaning holds at most ${MAX_MEANING_LENGTH} characters.`,
      );
    }
  }
  return archive.transact((doc) => {
    const current = librarySettings(doc);
    const trimmed = Object.fromEntries(
      Object.entries(meanings).map(([color, meaning]) => [color, meaning.trim()]),
    );
    doc.settings = { ...doc.settings, colorMeanings: { ...current.colorMeanings, ...trimmed } };
    return librarySettings(doc);
  });
}

/** Today's review: a few highlights of live articles chosen by spaced repetition. */
export function reviewEntries(archive: Archive, now = new Date()): NotebookEntry[] {
  const articles = liveArticles(archive);
  const candidates = archive.data.highlights.filter((h) => articles.has(h.articleId));
  return dueHighlights(candidates, now).map((h) => entry(h, articles.get(h.articleId)!));
}

/** Records the user's answer in the review: keep, favorite (kept too) or dismiss. */
export async function answerReview(
  archive: Archive,
  id: string,
  action: ReviewAction,
  now = new Date(),
): Promise<Highlight> {
  archive.assertWritable();
  return archive.transact((doc) => {
    const h = doc.highlights.find((x) => x.id === id);
    if (!h) throw new MarginError('not-found', `No highlight with id ${id} in this library.`);
    h.review = nextReview(h, action, now);
    if (action === 'favorite') h.favorite = true;
    return h;
  });
}
