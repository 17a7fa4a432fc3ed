/**
 * Writes a generated library in the real archive format: `library.json` (articles and highlights
 * as in electron/common/model.ts) and `articles/<id>/{content.html,text.txt}`. The importers are
 * skipped: the benchmark is about search, and they would take longer than the search build.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  SCHEMA_VERSION,
  type ArticleMeta,
  type Highlight,
  type LibraryDocument,
} from '../../../electron/common/model';
import type { CatalogEntry } from '../../../electron/core/search/from-library';
import {
  catalogFromLibrary,
  documentFromLibrary,
  highlightsByArticle,
} from '../../../electron/core/search/from-library';
import type { SearchDocument } from '../../../electron/core/search/document';
import { CorpusGenerator, escapeHtml } from './search-corpus';

const PARALLEL_WRITES = 32;

export async function writeLibrary(
  dir: string,
  articles: number,
  generator: CorpusGenerator,
  onProgress?: (done: number) => void,
): Promise<void> {
  const metas: ArticleMeta[] = [];
  const highlights: Highlight[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < articles) {
      const n = next++;
      const article = generator.article(n);
      metas[n] = article.meta;
      const folder = path.join(dir, 'articles', article.meta.id);
      await mkdir(folder, { recursive: true });
      const html = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
      await writeFile(path.join(folder, 'content.html'), html);
      await writeFile(path.join(folder, 'text.txt'), article.text);
      highlights.push(...article.highlights);
      if (n % 1000 === 0) onProgress?.(n);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_WRITES }, worker));
  const library: LibraryDocument = { schemaVersion: SCHEMA_VERSION, articles: metas, highlights };
  await writeFile(path.join(dir, 'library.json'), JSON.stringify(library, null, 2));
}

/** What library-service would hand the search service: the catalog and a document loader. */
export async function librarySource(dir: string): Promise<{
  library: LibraryDocument;
  catalog: CatalogEntry[];
  load: (ids: readonly string[]) => AsyncIterable<SearchDocument>;
  highlightsOf: (id: string) => Highlight[];
}> {
  const library = JSON.parse(
    await readFile(path.join(dir, 'library.json'), 'utf8'),
  ) as LibraryDocument;
  const byArticle = highlightsByArticle(library.highlights);
  const metas = new Map(library.articles.map((article) => [article.id, article]));
  return {
    library,
    catalog: catalogFromLibrary(library),
    highlightsOf: (id) => byArticle.get(id) ?? [],
    async *load(ids) {
      for (const id of ids) {
        const meta = metas.get(id);
        if (!meta) continue;
        const text = await readFile(path.join(dir, 'articles', id, 'text.txt'), 'utf8');
        yield documentFromLibrary(meta, byArticle.get(id) ?? [], text);
      }
    },
  };
}
