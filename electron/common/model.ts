/**
 * The library's data model. These shapes are what `library.json` holds (see README, "Library
 * format"); article bodies live in their own files under `articles/<id>/`.
 */

/**
 * Version of `library.json`'s format. 1: the first release. 2: each article records the SHA-256
 * of every file in its folder (`files`), so damage can be detected. Older files are migrated
 * forward when opened; a newer one is opened read-only.
 */
export const SCHEMA_VERSION = 2;

export type SourceKind = 'txt' | 'md' | 'html' | 'paste';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * W3C Web Annotation TextQuoteSelector, against the article's text: the textContent of its
 * sanitized HTML body, stored beside it as `text.txt` (see README, "Library format").
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the article's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selectors = [TextQuoteSelector, TextPositionSelector];

export interface Highlight {
  id: string;
  articleId: string;
  selectors: Selectors;
  color: HighlightColor;
  /** Markdown, may be empty. */
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Set when re-anchoring on a new copy of the article could not place it: kept, unplaced. */
  orphaned?: boolean;
  /** Marked as a favorite in the daily review. */
  favorite?: boolean;
  /** Spaced-repetition state of the daily review (see common/highlights/review.ts). */
  review?: ReviewState;
}

export interface ReviewState {
  /** ISO date-time from which it may be shown again. */
  due: string;
  /** Days until the next showing after the next "Keep". */
  intervalDays: number;
  /** Dismissed highlights are never shown in the review again. */
  dismissed?: boolean;
  /** When the user last answered it. */
  reviewedAt?: string;
}

/** What the user set for the whole library (stored in `library.json`). */
export interface LibrarySettings {
  /** What each color means to the user, e.g. yellow = "key idea"; export turns it into a tag. */
  colorMeanings: Record<HighlightColor, string>;
}

export interface ArticleMeta {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  /** What the article came from: a file name, or "Pasted text". */
  source: string;
  kind: SourceKind;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  publishedTime: string | null;
  savedAt: string;
  wordCount: number;
  /** SHA-256 of the imported bytes; the same file imported twice is recognised by it. */
  sourceHash: string;
  /** File name of the original under `articles/<id>/`, e.g. `source.html`. */
  sourceFile: string;
  read: boolean;
  /** Set by imports from apps that archive what was read (Pocket, Omnivore, Wallabag…). */
  archived?: boolean;
  favorite: boolean;
  tags: string[];
  /** The article's own free-form note, Markdown. */
  note: string;
  /** Fraction 0..1 of the reading view scrolled. */
  scrollPosition: number;
  /** Set when the article is in the trash; it is purged some days later. */
  deletedAt: string | null;
  /** SHA-256 (hex) of every file under `articles/<id>/`, by file name (schema 2). */
  files: Record<string, string>;
}

export interface LibraryDocument {
  schemaVersion: number;
  articles: ArticleMeta[];
  highlights: Highlight[];
  settings?: LibrarySettings;
}

/** Words per minute used for reading time, as Wallabag and Omnivore roughly do. */
export const WORDS_PER_MINUTE = 230;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
