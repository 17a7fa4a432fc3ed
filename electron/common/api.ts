/**
 * The API contract between the UI and the services: one zod schema per method's arguments, and
 * the TypeScript types derived from them. Electron IPC, the browser host and the CLI all go
 * through `dispatch` in core, which validates every argument with these schemas.
 */
import { z } from 'zod';
import type { ApiMethod, ShellMethod } from './api-methods';
import {
  colorMeaningsSchema,
  highlightIdSchema,
  reviewActionSchema,
  selectorsSchema,
  type NotebookEntry,
} from './highlights/api-types';
import type { ReplaceResult } from './highlights/replace-result';
import {
  HIGHLIGHT_COLORS,
  type ArticleMeta,
  type Highlight,
  type HighlightColor,
  type LibrarySettings,
  type Selectors,
} from './model';

export type { HighlightStatus, NotebookEntry } from './highlights/api-types';
export type { ReplaceResult } from './highlights/replace-result';
import { importJobsArgs, type ImportJobsApi } from './import-jobs-api';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an id holds only letters, digits, "-" and "_"');

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const importFileSchema = z.object({
  name: z.string().min(1).max(1024),
  /** The file's bytes, base64-encoded (JSON carries no binary). */
  base64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
});
export type ImportFile = z.infer<typeof importFileSchema>;

const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(1000),
  suffix: z.string().max(1000),
});
const positionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

export const articlePatchSchema = z
  .object({
    read: z.boolean(),
    favorite: z.boolean(),
    note: z.string().max(1_000_000),
    scrollPosition: z.number().min(0).max(1),
    tags: z.array(z.string().min(1).max(100)).max(100),
  })
  .partial()
  .strict();
export type ArticlePatch = z.infer<typeof articlePatchSchema>;

export const newHighlightSchema = z
  .object({
    articleId: id,
    selectors: z.tuple([quoteSelector, positionSelector]),
    color: z.enum(HIGHLIGHT_COLORS).default('yellow'),
    note: z.string().max(1_000_000).default(''),
  })
  .strict();
export type NewHighlight = z.input<typeof newHighlightSchema>;

export const highlightPatchSchema = z
  .object({ note: z.string().max(1_000_000), color: z.enum(HIGHLIGHT_COLORS) })
  .partial()
  .strict();
export type HighlightPatch = z.infer<typeof highlightPatchSchema>;

export const searchOptionsSchema = z
  .object({
    /** Results to skip: the next page starts at the number of hits shown. */
    offset: z.number().int().min(0).max(1_000_000),
  })
  .partial()
  .strict();
export type SearchOptions = z.infer<typeof searchOptionsSchema>;

/** Argument schemas, as tuples, for every method. */
export const apiArgs = {
  listArticles: z.tuple([]),
  getArticle: z.tuple([id]),
  importFiles: z.tuple([z.array(importFileSchema).min(1).max(1000)]),
  importText: z.tuple([z.string().max(MAX_IMPORT_BYTES)]),
  updateArticle: z.tuple([id, articlePatchSchema]),
  deleteArticle: z.tuple([id]),
  restoreArticle: z.tuple([id]),
  search: z.tuple([z.string().max(1000), searchOptionsSchema.optional()]),
  addHighlight: z.tuple([newHighlightSchema]),
  updateHighlight: z.tuple([id, highlightPatchSchema]),
  deleteHighlight: z.tuple([id]),
  exportArticle: z.tuple([id]),
  exportAll: z.tuple([]),
  exportAllPage: z.tuple([z.number().int().min(0), z.number().int().min(1).max(1000)]),
  exportHighlight: z.tuple([id]),
  exportArticles: z.tuple([z.array(id).max(1_000_000).nullable()]),
  getLibraryStatus: z.tuple([]),
  replaceArticle: z.tuple([id, importFileSchema]),
  reattachHighlight: z.tuple([highlightIdSchema, selectorsSchema]),
  listAllHighlights: z.tuple([]),
  getSettings: z.tuple([]),
  updateColorMeanings: z.tuple([colorMeaningsSchema]),
  getReview: z.tuple([]),
  answerReview: z.tuple([highlightIdSchema, reviewActionSchema]),
  ...importJobsArgs,
} satisfies Record<ApiMethod, z.ZodType>;

export interface ArticleSummary extends ArticleMeta {
  highlightCount: number;
  readingMinutes: number;
}

export interface ArticleContent {
  meta: ArticleSummary;
  /** Sanitized article body (an HTML fragment). */
  html: string;
  highlights: Highlight[];
}

export interface ImportResult {
  imported: { id: string; title: string; name: string }[];
  /** Files whose content is already in the library; nothing was added for them. */
  duplicates: { name: string; id: string; title: string }[];
  failed: { name: string; reason: string }[];
}

export interface SearchHit {
  id: string;
  title: string;
  /** Plain text around the best match. */
  snippet: string;
  /** [start, end) offsets into `snippet` of every matched word. */
  marks: [number, number][];
  score: number;
  /** Offsets of the first match in the article's text, for scrolling to it; null if it matched only metadata. */
  firstMatch: { start: number; end: number } | null;
}

export interface SearchResults {
  /** A page of matches, best first (20; pass `offset` for the next); `total` counts them all. */
  hits: SearchHit[];
  /** How parts of the query that were not understood were searched instead, as plain text. */
  hints: string[];
  total: number;
  /** While the index is being built: how far it got (results cover only that much); else null. */
  indexing: { done: number; total: number } | null;
}

/** Where the library is, whether it can be changed, and what the user should know about it. */
export interface LibraryStatus {
  libraryDir: string;
  /** True when nothing can be changed (a library from a newer Margin, or opened to read). */
  readOnly: boolean;
  /** Plain-language notices, e.g. that a damaged library.json was restored from a backup. */
  messages: string[];
}

export interface MarkdownFile {
  fileName: string;
  markdown: string;
}

export interface ExportPage {
  total: number;
  files: MarkdownFile[];
}

/** What the UI can call. Every method is async because it crosses a process boundary. */
export interface MarginApi extends ImportJobsApi {
  listArticles(): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<ArticleContent>;
  importFiles(files: ImportFile[]): Promise<ImportResult>;
  importText(text: string): Promise<ImportResult>;
  updateArticle(id: string, patch: ArticlePatch): Promise<ArticleSummary>;
  deleteArticle(id: string): Promise<void>;
  restoreArticle(id: string): Promise<void>;
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  addHighlight(highlight: NewHighlight): Promise<Highlight>;
  updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight>;
  deleteHighlight(id: string): Promise<void>;
  /** One article's notes as Markdown. */
  exportArticle(id: string): Promise<MarkdownFile>;
  /** One file per article that has highlights or a note. */
  exportAll(): Promise<MarkdownFile[]>;
  /** Files `start`… of exportAll, `count` at most, with how many there are in all. */
  exportAllPage(start: number, count: number): Promise<ExportPage>;
  /** One highlight as Markdown, as in its article's file. */
  exportHighlight(id: string): Promise<string>;
  /** Many articles' notes in one file: those of `ids` in that order, or all (null). */
  exportArticles(ids: string[] | null): Promise<MarkdownFile & { count: number }>;
  /** Read-only state and notices about the library, to show the user. */
  getLibraryStatus(): Promise<LibraryStatus>;
  /** Replaces an article's content from a new copy of it and re-anchors its highlights. */
  replaceArticle(id: string, file: ImportFile): Promise<ReplaceResult>;
  /** Puts a highlight (an orphan, say) on newly selected text of its article. */
  reattachHighlight(id: string, selectors: Selectors): Promise<Highlight>;
  /** Every highlight in the library, for the notebook. */
  listAllHighlights(): Promise<NotebookEntry[]>;
  getSettings(): Promise<LibrarySettings>;
  updateColorMeanings(meanings: Partial<Record<HighlightColor, string>>): Promise<LibrarySettings>;
  /** Today's review: a few highlights chosen by spaced repetition. */
  getReview(): Promise<NotebookEntry[]>;
  answerReview(id: string, action: 'keep' | 'favorite' | 'dismiss'): Promise<Highlight>;
}

/** What the library service implements; the import jobs (core/import-jobs.ts) do the rest. */
export type LibraryApi = Omit<MarginApi, keyof ImportJobsApi>;

/** What goes over IPC and HTTP: a result or a user-readable error, never a thrown Error. */
export type ApiResponse<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/**
 * `window.margin` as Electron's preload exposes it: each method resolves to its reply envelope
 * (an Error crossing the context bridge would lose its code); the renderer unwraps it.
 */
export type EnvelopeApi = {
  [K in keyof MarginApi]: (
    ...args: Parameters<MarginApi[K]>
  ) => Promise<ApiResponse<Awaited<ReturnType<MarginApi[K]>>>>;
};

/**
 * What only the Electron app offers the UI (exposed as `window.marginShell`): native save
 * dialogs and the system browser. The renderer sends file names and contents, never paths; the
 * main process asks the user where to save.
 */
export interface MarginShell {
  /** Shows a save dialog; resolves false if the user cancelled. */
  saveMarkdownFile(file: MarkdownFile): Promise<boolean>;
  /** Shows a folder picker and writes the files there; null if the user cancelled. */
  saveMarkdownFolder(files: MarkdownFile[]): Promise<{ written: number } | null>;
  /** Opens an http(s) link in the system browser; anything else is ignored. */
  openExternal(url: string): Promise<void>;
}

export const shellArgs = {
  saveMarkdownFile: z.tuple([
    z.object({ fileName: z.string().min(1).max(255), markdown: z.string() }).strict(),
  ]),
  saveMarkdownFolder: z.tuple([
    z
      .array(z.object({ fileName: z.string().min(1).max(255), markdown: z.string() }).strict())
      .max(1_000_000),
  ]),
  openExternal: z.tuple([z.string().url().max(8192)]),
} satisfies Record<ShellMethod, z.ZodType>;
