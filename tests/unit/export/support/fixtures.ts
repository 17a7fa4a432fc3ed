import type { ArticleMeta, Highlight, HighlightColor } from '../../../../electron/common/model';

/** An article's metadata, as the library holds it, with `fields` changed. */
export function meta(fields: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id: 'a1',
    title: 'Taliban Executions of Surrendering Afghan Troops',
    byline: 'Jane Doe',
    siteName: 'Newsweek',
    url: 'https://www.newsweek.com/taliban-executions',
    source: 'taliban.html',
    kind: 'html',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    publishedTime: '2021-08-12T09:30:00.000Z',
    savedAt: '2021-08-12T12:00:00.000Z',
    wordCount: 500,
    sourceHash: 'abc',
    sourceFile: 'source.html',
    read: false,
    favorite: false,
    tags: [],
    note: '',
    scrollPosition: 0,
    deletedAt: null,
    // The archive is moving to schema 2 (per-file hashes); harmless for schema 1.
    files: {},
    ...fields,
  } as ArticleMeta;
}

let nextId = 0;

export interface HighlightFields {
  id?: string;
  articleId?: string;
  note?: string;
  color?: HighlightColor;
  createdAt?: string;
}

/** A highlight of `exact` at `start` in the article's text. */
export function highlight(exact: string, start: number, fields: HighlightFields = {}): Highlight {
  nextId += 1;
  return {
    id: fields.id ?? `h${nextId}`,
    articleId: fields.articleId ?? 'a1',
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end: start + exact.length },
    ],
    color: fields.color ?? 'yellow',
    note: fields.note ?? '',
    createdAt: fields.createdAt ?? `2024-01-01T00:00:${String(nextId % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

/**
 * fast-check settings: a fixed seed, so a run is reproducible; `FC_SEED=<n> FC_RUNS=<n>` to
 * search further.
 */
export function propertyRuns(numRuns: number): { numRuns: number; seed: number } {
  return {
    numRuns: Number(process.env.FC_RUNS ?? numRuns),
    seed: Number(process.env.FC_SEED ?? 20_240_501),
  };
}
