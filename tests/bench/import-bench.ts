/**
 * Saved-page import benchmark: the 32 corpus pages (../shared/corpus/web-pages) imported into a
 * temp library through the real service (`importFiles`, as a drop of files does), then a 10×
 * repetition of them: each copy gets its own canonical address, so none is a duplicate of
 * another and every one is parsed, extracted, sanitized and written.
 *
 *   npm run bench:import [-- --repeat 10] [--json]
 *
 * Target: at least 10 pages per second.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportFile } from '../../electron/common/api';
import { openServices } from '../../electron/core/services';
import { webPagesDir } from '../support/paths';

function option(flag: string, fallback: number): number {
  const index = process.argv.indexOf(flag);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

interface Page {
  name: string;
  html: string;
}

const pages: Page[] = readdirSync(webPagesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()
  .map((name) => ({
    name,
    html: readFileSync(path.join(webPagesDir, name, 'source.html'), 'latin1'),
  }));

/** Copy `copy` of a page: a canonical link of its own right after `<head>`, so it is new. */
function copyOf(page: Page, copy: number): ImportFile {
  const link = `<link rel="canonical" href="https://bench.margin.invalid/${copy}/${page.name}">`;
  const head = /<head\b[^>]*>/i.exec(page.html);
  const html =
    copy === 0
      ? page.html
      : head
        ? page.html.slice(0, head.index + head[0].length) +
          link +
          page.html.slice(head.index + head[0].length)
        : link + page.html;
  return { name: `${page.name}.html`, base64: Buffer.from(html, 'latin1').toString('base64') };
}

interface Pass {
  label: string;
  pages: number;
  /** Wall-clock time: what a user waits, on this machine under its current load. */
  seconds: number;
  pagesPerSecond: number;
  /** CPU time this process used (user + system): what the import costs, whatever the load. */
  cpuSeconds: number;
  pagesPerCpuSecond: number;
}

async function main(): Promise<void> {
  const repeat = option('--repeat', 10);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-import-bench-'));
  const services = await openServices(dir);
  const passes: Pass[] = [];
  const run = async (label: string, batches: ImportFile[][]): Promise<void> => {
    let imported = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (const batch of batches) {
      const result = await services.library.importFiles(batch);
      imported += result.imported.length;
      if (result.failed.length + result.duplicates.length > 0) {
        throw new Error(`${label}: ${JSON.stringify([...result.failed, ...result.duplicates])}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    passes.push({
      label,
      pages: imported,
      seconds,
      pagesPerSecond: imported / seconds,
      cpuSeconds,
      pagesPerCpuSecond: imported / cpuSeconds,
    });
  };
  try {
    await run('corpus (32 pages, first import: loads the importers)', [
      pages.map((p) => copyOf(p, 0)),
    ]);
    const copies = Array.from({ length: repeat }, (_, i) => pages.map((p) => copyOf(p, i + 1)));
    await run(`${repeat}× repetition (distinct copies)`, copies);
  } finally {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
  const [load1] = os.loadavg();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ passes, load: load1, cpus: os.cpus().length }));
    return;
  }
  for (const p of passes) {
    console.log(
      `${p.label}: ${p.pages} pages in ${p.seconds.toFixed(2)} s = ${p.pagesPerSecond.toFixed(1)} pages/s` +
        ` (CPU ${p.cpuSeconds.toFixed(2)} s = ${p.pagesPerCpuSecond.toFixed(1)} pages per CPU second)`,
    );
  }
  const total = passes.reduce((sum, p) => sum + p.pages, 0);
  const seconds = passes.reduce((sum, p) => sum + p.seconds, 0);
  const cpuSeconds = passes.reduce((sum, p) => sum + p.cpuSeconds, 0);
  console.log(
    `overall: ${total} pages in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(1)} pages/s, ` +
      `${(total / cpuSeconds).toFixed(1)} pages per CPU second (target ≥ 10 pages/s; ` +
      `load average ${load1?.toFixed(2)} on ${os.cpus().length} cores)`,
  );
}

await main();
