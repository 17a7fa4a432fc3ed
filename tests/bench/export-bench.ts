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
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportToFolder, type FolderExportResult } from '../../electron/core/export/folder-export';
import { buildLibrary } from './export-bench-library';

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

async function timed(
  label: string,
  run: () => Promise<FolderExportResult>,
  count: number,
): Promise<{
  label: string;
  ms: number;
  cpuMs: number;
  systemMs: number;
  perSecond: number;
  result: FolderExportResult;
}> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const systemMs = used.system / 1000;
  return { label, ms, cpuMs, systemMs, perSecond: Math.round((count / ms) * 1000), result };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const articles = buildLibrary(options.articles, options.highlights);
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
          runs: runs.map(({ label, ms, cpuMs, systemMs, perSecond, result }) => ({
            label,
            ms: Math.round(ms),
            cpuMs: Math.round(cpuMs),
            systemMs: Math.round(systemMs),
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
      for (const { label, ms, cpuMs, systemMs, perSecond, result } of runs) {
        console.log(
          `  ${label.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${String(perSecond).padStart(6)} articles/s` +
            `  (CPU ${(cpuMs / 1000).toFixed(2)} s, of which kernel ${(systemMs / 1000).toFixed(2)} s; written ${result.written}, unchanged ${result.unchanged}, skipped ${result.skipped})`,
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
