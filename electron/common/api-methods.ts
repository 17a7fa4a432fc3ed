/**
 * The names of the API's methods. Kept apart from the zod schemas so the preload bundle, which
 * only forwards calls, stays tiny.
 */
export const API_METHODS = [
  'listArticles',
  'getArticle',
  'importFiles',
  'importText',
  'updateArticle',
  'deleteArticle',
  'restoreArticle',
  'search',
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'exportArticle',
  'exportAll',
  'exportAllPage',
  'exportHighlight',
  'exportArticles',
  'getLibraryStatus',
  'replaceArticle',
  'reattachHighlight',
  'listAllHighlights',
  'getSettings',
  'updateColorMeanings',
  'getReview',
  'answerReview',
  // Long-running imports (see import-jobs-api.ts)
  'importUrl',
  'importExport',
  'getJob',
  'cancelJob',
  'listJobs',
  'listPending',
  'fetchPending',
  'removePending',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** Methods only the Electron app offers (`window.marginShell`). */
export const SHELL_METHODS = ['saveMarkdownFile', 'saveMarkdownFolder', 'openExternal'] as const;

export type ShellMethod = (typeof SHELL_METHODS)[number];
