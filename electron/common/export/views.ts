/**
 * The variables a template sees (see docs/export.md): one view per article, one per highlight.
 * Every key is always present (null when there is no value), which is what lets a template be
 * checked against a sample view before anything is written.
 */
import { readingMinutes, type ArticleMeta, type Highlight, type HighlightColor } from '../model';
import { literalMarkdown } from './escape-markdown';
import { articleDeepLink, blockIds, highlightDeepLink, shortHighlightId } from './ids';
import { exportTag, exportTags } from './tags';
import { LinkValue, linkValue, markdownValue, type MarkdownValue } from './template-context';
import type { TemplateView } from './template';
import { userMarkdownBlock } from './user-markdown';

/** One article to export, with what is known about where its highlights are now. */
export interface ArticleExport {
  meta: ArticleMeta;
  highlights: readonly Highlight[];
  /**
   * Where each highlight (by id) starts in the article's current text, when re-anchoring moved
   * it; otherwise its position selector is used. Orders the highlights and gives `percent`.
   */
  positions?: ReadonlyMap<string, number>;
  /** Highlights whose passage is no longer found in the text: exported apart, marked as such. */
  orphanIds?: ReadonlySet<string>;
  /** Length of the article's text in UTF-16 code units; without it `percent` is null. */
  textLength?: number;
  /** What each color means to the user: a highlight's meaning becomes its tag. */
  colorMeanings?: Readonly<Partial<Record<HighlightColor, string>>>;
}

export function articleView(input: ArticleExport): TemplateView {
  const { meta } = input;
  const orphanIds = input.orphanIds ?? new Set<string>();
  const placed = inReadingOrder(
    input.highlights.filter((highlight) => !orphanIds.has(highlight.id)),
    input.positions,
  );
  const orphans = input.highlights
    .filter((highlight) => orphanIds.has(highlight.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const blocks = blockIds(input.highlights.map((highlight) => highlight.id));
  const tags = exportTags(meta.tags);
  const view = (highlight: Highlight, index: number, orphan: boolean): TemplateView =>
    highlightView(highlight, {
      index,
      orphan,
      blockId: blocks.get(highlight.id) ?? `hl-${shortHighlightId(highlight.id)}`,
      start: input.positions?.get(highlight.id) ?? highlight.selectors[1].start,
      textLength: input.textLength,
      tag: exportTag(input.colorMeanings?.[highlight.color] ?? ''),
    });
  return {
    id: meta.id,
    title: singleLine(meta.title) || 'Untitled',
    author: nonEmpty(meta.byline),
    site: nonEmpty(meta.siteName),
    url: linkValue(meta.url),
    // Deep links are built from ids, encoded: safe without a trip through the URL parser.
    link: new LinkValue(articleDeepLink(meta.id)),
    saved: dateOrNull(meta.savedAt),
    savedAt: meta.savedAt,
    published: dateOrNull(meta.publishedTime),
    publishedAt: nonEmpty(meta.publishedTime),
    tags,
    hashtags: tags.length > 0 ? markdownValue(tags.map((tag) => `#${tag}`).join(' ')) : null,
    excerpt: nonEmpty(meta.excerpt),
    words: meta.wordCount,
    minutes: readingMinutes(meta.wordCount),
    note: noteOrNull(meta.note),
    highlightCount: input.highlights.length,
    orphanCount: orphans.length,
    hasHighlights: placed.length > 0,
    hasOrphans: orphans.length > 0,
    highlights: placed.map((highlight, index) => view(highlight, index + 1, false)),
    orphans: orphans.map((highlight, index) => view(highlight, index + 1, true)),
  };
}

interface Placement {
  index: number;
  orphan: boolean;
  blockId: string;
  start: number;
  textLength: number | undefined;
  /** The color's meaning as a tag ('' for none). */
  tag: string;
}

function highlightView(highlight: Highlight, place: Placement): TemplateView {
  const { textLength } = place;
  const percent =
    place.orphan || !textLength || textLength <= 0
      ? null
      : Math.min(100, Math.max(0, Math.round((place.start / textLength) * 100)));
  return {
    id: highlight.id,
    articleId: highlight.articleId,
    shortId: place.blockId.slice(3),
    blockId: place.blockId,
    index: place.index,
    text: markdownValue(literalMarkdown(highlight.selectors[0].exact)),
    note: noteOrNull(highlight.note),
    color: highlight.color,
    tags: place.tag ? [place.tag] : [],
    hashtags: place.tag ? markdownValue(`#${place.tag}`) : null,
    percent,
    link: new LinkValue(highlightDeepLink(highlight.articleId, highlight.id)),
    created: dateOrNull(highlight.createdAt),
    createdAt: highlight.createdAt,
    updatedAt: highlight.updatedAt,
    orphan: place.orphan,
  };
}

export function inReadingOrder(
  highlights: readonly Highlight[],
  positions: ReadonlyMap<string, number> | undefined,
): Highlight[] {
  const startOf = (highlight: Highlight): number =>
    positions?.get(highlight.id) ?? highlight.selectors[1].start;
  return [...highlights].sort(
    (a, b) =>
      startOf(a) - startOf(b) ||
      a.selectors[1].end - b.selectors[1].end ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

function noteOrNull(note: string): MarkdownValue | null {
  const block = userMarkdownBlock(note);
  return block === '' ? null : markdownValue(block);
}

function singleLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function nonEmpty(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}

function dateOrNull(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
