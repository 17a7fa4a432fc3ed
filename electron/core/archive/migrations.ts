import { SCHEMA_VERSION, type LibraryDocument } from '../../common/model';
import { CONTENT_FILE, TEXT_FILE } from './layout';
import { validateCurrent } from './library-schema';

/** What a migration may ask of the library folder (read-only: migrating in memory writes nothing). */
export interface MigrationContext {
  /** SHA-256 of each of these files that exists in `articles/<id>/`, by name. */
  hashArticleFiles(id: string, names: string[]): Promise<Record<string, string>>;
}

type Json = Record<string, unknown>;

interface Migration {
  /** The version this step produces, from `to - 1`. */
  to: number;
  /** Must be idempotent and keep every field it does not know. */
  run(doc: Json, ctx: MigrationContext): Promise<Json>;
}

const MIGRATIONS: readonly Migration[] = [
  {
    // 1 → 2: record each article file's hash, so `verify` can tell a damaged file.
    to: 2,
    async run(doc, ctx) {
      const articles = Array.isArray(doc.articles) ? (doc.articles as Json[]) : [];
      const migrated: Json[] = [];
      for (const article of articles) {
        if (isRecord(article.files)) {
          migrated.push(article);
          continue;
        }
        const id = String(article.id);
        const names = [CONTENT_FILE, TEXT_FILE, String(article.sourceFile)];
        migrated.push({ ...article, files: await ctx.hashArticleFiles(id, names) });
      }
      return { ...doc, articles: migrated, schemaVersion: 2 };
    },
  },
];

/**
 * Brings a document of an older version up to the current one, step by step, and checks the
 * result. A current document comes back unchanged.
 */
export async function migrateLibrary(
  json: Json,
  ctx: MigrationContext,
): Promise<{ doc: LibraryDocument; from: number }> {
  const from = Number(json.schemaVersion);
  let doc = json;
  for (const step of MIGRATIONS) {
    if (step.to > from && step.to <= SCHEMA_VERSION) doc = await step.run(doc, ctx);
  }
  return { doc: validateCurrent(doc), from };
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
