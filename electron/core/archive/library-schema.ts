import { z } from 'zod';
import { MarginError } from '../../common/errors';
import { HIGHLIGHT_COLORS, SCHEMA_VERSION, type LibraryDocument } from '../../common/model';

/** Ids and file names become paths under the library folder: nothing that could leave it. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const safeFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[/\\\0]/.test(n) && n !== '.' && n !== '..', 'not a plain file name');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256');

// `.passthrough()` everywhere: fields a newer Margin added are kept, not dropped (forward compatibility).
const articleV1 = z
  .object({
    id: z.string().regex(SAFE_ID),
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
    sourceFile: safeFileName,
    read: z.boolean(),
    favorite: z.boolean(),
    tags: z.array(z.string()),
    note: z.string(),
    scrollPosition: z.number(),
    deletedAt: z.string().nullable(),
  })
  .passthrough();

const articleV2 = articleV1.extend({ files: z.record(safeFileName, sha256Hex) }).passthrough();

const highlightSchema = z
  .object({
    id: z.string().regex(SAFE_ID),
    articleId: z.string().regex(SAFE_ID),
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
    orphaned: z.boolean().optional(),
    favorite: z.boolean().optional(),
    review: z
      .object({
        due: z.string(),
        intervalDays: z.number(),
        dismissed: z.boolean().optional(),
        reviewedAt: z.string().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

const settingsSchema = z
  .object({ colorMeanings: z.record(z.string(), z.string()) })
  .passthrough()
  .optional();

const documentOf = (article: z.ZodType) =>
  z
    .object({
      schemaVersion: z.number().int().min(1),
      articles: z.array(article),
      highlights: z.array(highlightSchema),
      settings: settingsSchema,
    })
    .passthrough();

/** The schema of each version `library.json` has had, by version. */
const SCHEMAS: Readonly<Record<number, z.ZodType>> = {
  1: documentOf(articleV1),
  2: documentOf(articleV2),
};
const currentSchema = documentOf(articleV2);

export function emptyLibrary(): LibraryDocument {
  return { schemaVersion: SCHEMA_VERSION, articles: [], highlights: [] };
}

/** What a `library.json` turned out to be. Only `damaged` may ever be moved aside. */
export type InspectedLibrary =
  | { kind: 'current'; doc: LibraryDocument }
  /** Valid for its older version; `migrateLibrary` brings it forward. */
  | { kind: 'older'; version: number; json: Record<string, unknown> }
  /** From a newer Margin: `doc` is set when this version can still show it (read-only). */
  | { kind: 'newer'; version: number; doc: LibraryDocument | null }
  | { kind: 'damaged'; reason: string };

/** Classifies the text of a `library.json` without throwing. */
export function inspectLibraryText(text: string): InspectedLibrary {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      kind: 'damaged',
      reason: text.trim() === '' ? 'it is empty' : 'it is not valid JSON',
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { kind: 'damaged', reason: 'it is not a Margin library' };
  }
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'damaged', reason: 'it has no valid schemaVersion' };
  }
  if (version > SCHEMA_VERSION) {
    const parsed = currentSchema.safeParse(json);
    return {
      kind: 'newer',
      version,
      doc: parsed.success ? (parsed.data as LibraryDocument) : null,
    };
  }
  const schema = SCHEMAS[version];
  const parsed = schema?.safeParse(json);
  if (!parsed?.success) {
    return { kind: 'damaged', reason: describeIssue(parsed?.error) };
  }
  return version === SCHEMA_VERSION
    ? { kind: 'current', doc: parsed.data as LibraryDocument }
    : { kind: 'older', version, json: parsed.data as Record<string, unknown> };
}

/**
 * Parses a current-version `library.json`; anything else is a corrupt-library error whose
 * message says the file was left unchanged.
 */
export function parseLibraryDocument(text: string, file: string): LibraryDocument {
  const inspected = inspectLibraryText(text);
  switch (inspected.kind) {
    case 'current':
      return inspected.doc;
    case 'damaged':
      throw new MarginError(
        'corrupt-library',
        `${file} is damaged (${inspected.reason}). Margin has not changed it.`,
      );
    case 'older':
    case 'newer':
      throw new MarginError(
        'corrupt-library',
        `${file} is in format ${inspected.version}; this reader expects format ${SCHEMA_VERSION}. Margin has not changed it.`,
      );
  }
}

/** Why `doc` may not be written as the current version, or null if it may. */
export function invalidReason(doc: unknown): string | null {
  const parsed = currentSchema.safeParse(doc);
  if (parsed.success) {
    return (doc as LibraryDocument).schemaVersion === SCHEMA_VERSION
      ? null
      : `schemaVersion must be ${SCHEMA_VERSION}`;
  }
  return describeIssue(parsed.error);
}

/** A document after migration must match the current schema exactly as a fresh one would. */
export function validateCurrent(doc: unknown): LibraryDocument {
  const reason = invalidReason(doc);
  if (reason !== null)
    throw new MarginError('corrupt-library', `The library is invalid (${reason}).`);
  return doc as LibraryDocument;
}

function describeIssue(error: z.ZodError | undefined): string {
  const issue = error?.issues[0];
  if (!issue) return 'it is not a Margin library';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
