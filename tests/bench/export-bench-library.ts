/** The export benchmark's synthetic library: real sentences, Markdown-special characters. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleExport } from '../../electron/common/export/views';
import type { ArticleMeta, Highlight } from '../../electron/common/model';

const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../../shared/corpus/sample/taliban-executions-newsweek.txt',
);
const SPECIAL = [
  '*',
  '_',
  '#',
  '>',
  '`',
  '[',
  ']',
  '|',
  '<b>',
  '&amp;',
  '1. ',
  '- ',
  '~~',
  '$',
  '%%',
  '==',
];

/** A synthetic library of `articles` articles with `highlights` highlights each, deterministic. */
export function buildLibrary(articles: number, highlightsPerArticle: number): ArticleExport[] {
  const text = readFileSync(SAMPLE, 'utf8');
  const sentences = text.split(/(?<=[.!?"])\s+/).filter((s) => s.length > 20);
  let seed = 1;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;
  return Array.from({ length: articles }, (_, a) => {
    const id = `art${String(a).padStart(8, '0')}`;
    const meta = {
      id,
      title: `${pick(sentences).slice(0, 60)} #${a % 500}`,
      byline: 'Jane Doe',
      siteName: 'Newsweek',
      url: `https://www.newsweek.com/article-${a}`,
      source: 'page.html',
      kind: 'html',
      lang: 'en',
      dir: 'ltr',
      excerpt: null,
      publishedTime: '2021-08-12T10:00:00.000Z',
      savedAt: new Date(Date.UTC(2024, 0, 1) + a * 60_000).toISOString(),
      wordCount: 900,
      sourceHash: '',
      sourceFile: 'source.html',
      read: false,
      favorite: false,
      tags: ['war crimes', 'Afghanistan'],
      note: a % 3 === 0 ? 'Overall: **important**; see [HRW](https://www.hrw.org).' : '',
      scrollPosition: 0,
      deletedAt: null,
      files: {},
    } as ArticleMeta;
    const highlights: Highlight[] = Array.from({ length: highlightsPerArticle }, (_, h) => {
      const exact = `${pick(SPECIAL)}${pick(sentences)} ${pick(SPECIAL)}`;
      const start = h * 400;
      return {
        id: `${id}h${h}`,
        articleId: id,
        selectors: [
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start, end: start + exact.length },
        ],
        color: 'yellow',
        note: h % 2 === 0 ? `Check *this* against \`source\` <${h}>` : '',
        createdAt: meta.savedAt,
        updatedAt: meta.savedAt,
      };
    });
    return { meta, highlights, textLength: highlightsPerArticle * 400 };
  });
}
