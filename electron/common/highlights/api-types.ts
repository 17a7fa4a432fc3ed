/**
 * The API's highlight methods beyond the first release's: updating an article from a new copy,
 * re-attaching orphans, the notebook, color meanings and the daily review. Kept apart from
 * api.ts so that file only registers them.
 */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, type Highlight } from '../model';

export const highlightIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an id holds only letters, digits, "-" and "_"');

export const selectorsSchema = z.tuple([
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(100_000),
    prefix: z.string().max(1000),
    suffix: z.string().max(1000),
  }),
  z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  }),
]);

export const colorMeaningsSchema = z
  .object(
    Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, z.string().max(60)])) as Record<
      (typeof HIGHLIGHT_COLORS)[number],
      z.ZodString
    >,
  )
  .partial()
  .strict();

export const reviewActionSchema = z.enum(['keep', 'favorite', 'dismiss']);

/** A highlight with the article it belongs to (notebook, review). */
export interface NotebookEntry {
  highlight: Highlight;
  articleId: string;
  articleTitle: string;
}

/** Where a highlight is in its article's text now (`margin highlights --json`). */
export interface HighlightStatus {
  id: string;
  quote: string;
  note: string;
  status: 'anchored' | 'orphaned';
  /** Offsets into the article's text.txt (UTF-16), null for an orphan. */
  start: number | null;
  end: number | null;
}
