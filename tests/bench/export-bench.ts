/**
 * Folder export benchmark: a synthetic library (default 10,000 articles with 10 highlights each,
 * quotes taken from the sample article and sprinkled with Markdown-special characters, notes in
 * Markdown) exported to a temp folder three times:
 *   1. first export into an empty folder (every file created);
 *   2. re-export with nothing changed (every file read and compared, none written);
 *   3. re-export after 1% of the articles got a new highlight note.
 *
 *   npm run bench:export [-- --articles 10000] [--highlights 10] [--json] [--keep]
 *
 * Target: at least 2,000 articles per second for 1 and 2.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ArticleExport } from '../../electron/common/export/views';
import type { ArticleMeta, Highlight } from '../../electron/common/model';
import { exportToFolder, type FolderExportResult } from '../../electron/core/export/folder-export';

interface Options {
  articles: number;
  highlights: number;
  json: boolean;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string, fallback: number): number => {
    const index = argv.indexOf(flag);
    return index === -1 ? fallback : Number(argv[index + 1]);
  };
  return {
    articles: value('--articles', 10_000),
    highlights: value('--highlights', 10),
    json: argv.includes('--json'),
    keep: argv.includes('--keep'),
  };
}

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

function library(options: Options): ArticleExport[] {
  const text = readFileSync(SAMPLE, 'utf8');
  const sentences = text.split(/(?<=[.!?"])\s+/).filter((s) => s.length > 20);
  let seed = 1;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;
  return Array.from({ length: options.articles }, (_, a) => {
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
    const highlights: Highlight[] = Array.from({ length: options.highlights }, (_, h) => {
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
    return { meta, highlights, textLength: options.highlights * 400 };
  });
}

async function timed(
  label: string,
  run: () => Promise<FolderExportResult>,
  count: number,
): Promise<{
  label: string;
  ms: number;
  cpuMs: number;
  perSecond: number;
  result: FolderExportResult;
}> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { label, ms, cpuMs, perSecond: Math.round((count / ms) * 1000), result };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const articles = library(options);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-export-bench-'));
  try {
    const first = await timed(
      'first export',
      () => exportToFolder({ dir, articles }),
      articles.length,
    );
    const again = await timed(
      're-export, nothing changed',
      () => exportToFolder({ dir, articles }),
      articles.length,
    );
    const edited = articles.map((article, index) =>
      index % 100 === 0
        ? {
            ...article,
            highlights: article.highlights.map((h, i) => (i === 0 ? { ...h, note: 'Edited.' } : h)),
          }
        : article,
    );
    const some = await timed(
      're-export, 1% changed',
      () => exportToFolder({ dir, articles: edited }),
      articles.length,
    );
    const runs = [first, again, some];
    if (options.json) {
      console.log(
        JSON.stringify({
          articles: options.articles,
          highlightsPerArticle: options.highlights,
          cpus: os.cpus().length,
          loadAverage: os.loadavg()[0],
          runs: runs.map(({ label, ms, cpuMs, perSecond, result }) => ({
            label,
            ms: Math.round(ms),
            cpuMs: Math.round(cpuMs),
            articlesPerSecond: perSecond,
            written: result.written,
            unchanged: result.unchanged,
            skipped: result.skipped,
          })),
        }),
      );
    } else {
      console.log(
        `Export of ${options.articles} articles × ${options.highlights} highlights (${os.cpus().length} CPUs), ${dir}`,
      );
      for (const { label, ms, cpuMs, perSecond, result } of runs) {
        console.log(
          `  ${label.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${String(perSecond).padStart(6)} articles/s` +
            `  (CPU ${(cpuMs / 1000).toFixed(2)} s; written ${result.written}, unchanged ${result.unchanged}, skipped ${result.skipped})`,
        );
      }
      // Other processes on a shared machine slow every figure: say how busy it was.
      console.log(
        `  load average: ${os
          .loadavg()
          .map((load) => load.toFixed(1))
          .join(' ')}`,
      );
    }
  } finally {
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
