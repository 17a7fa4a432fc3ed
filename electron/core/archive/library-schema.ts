import { z } from 'zod';
import { MarginError } from '../../common/errors';
import { HIGHLIGHT_COLORS, SCHEMA_VERSION, type LibraryDocument } from '../../common/model';

// `.passthrough()` everywhere: fields a newer Margin added are kept, not dropped (forward compatibility).
const articleSchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    byline: z.string().nullable(),
    siteName: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string(),
    kind: z.enum(['txt', 'md', 'html', 'paste']),
    lang: z.string().nullable(),
    dir: z.enum(['ltr', 'rtl']).nullable(),
    excerpt: z.string().nullable(),
    publishedTime: z.string().nullable(),
    savedAt: z.string(),
    wordCount: z.number(),
    sourceHash: z.string(),
    sourceFile: z.string(),
    read: z.boolean(),
    favorite: z.boolean(),
    tags: z.array(z.string()),
    note: z.string(),
    scrollPosition: z.number(),
    deletedAt: z.string().nullable(),
  })
  .passthrough();

const highlightSchema = z
  .object({
    id: z.string().min(1),
    articleId: z.string().min(1),
    selectors: z.tuple([
      z.object({
        type: z.literal('TextQuoteSelector'),
        exact: z.string(),
        prefix: z.string(),
        suffix: z.string(),
      }),
      z.object({ type: z.literal('TextPositionSelector'), start: z.number(), end: z.number() }),
    ]),
    color: z.enum(HIGHLIGHT_COLORS),
    note: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .passthrough();

const librarySchema = z
  .object({
    schemaVersion: z.number().int().min(1),
    articles: z.array(articleSchema),
    highlights: z.array(highlightSchema),
  })
  .passthrough();

export function emptyLibrary(): LibraryDocument {
  return { schemaVersion: SCHEMA_VERSION, articles: [], highlights: [] };
}

/** Parses `library.json`; anything else than a valid library is a corrupt-library error. */
export function parseLibraryDocument(text: string, file: string): LibraryDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MarginError(
      'corrupt-library',
      `${file} is damaged (it is not valid JSON). Margin has not changed it; restore it from a backup or move it away to start a new library.`,
    );
  }
  const parsed = librarySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem';
    throw new MarginError(
      'corrupt-library',
      `${file} is not a Margin library it can read (${where}). Margin has not changed it.`,
    );
  }
  return parsed.data as LibraryDocument;
}
