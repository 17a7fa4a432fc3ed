/**
 * Search benchmark: `npm run bench:search -- --articles N [--queries Q] [--json] [--keep]`.
 *
 * Generates a deterministic library of N articles (tests/bench/support/search-corpus.ts) in a
 * temporary folder, in the real archive format, then measures, each in a fresh process:
 *
 * - build: indexing the whole library from scratch and writing the index;
 * - cold open: process start → first search result, loading the persisted index (median of 3
 *   runs); then, in the background, checksums and the comparison with library.json ("checked");
 * - query latency p50/p95 over Q queries of 1–3 words, the last one a prefix, with snippets;
 * - incremental updates until searchable: adding an article, adding a highlight;
 * - RSS after open (before any query) and peak RSS of the process holding the index;
 * - the p95 of the 20 slowest queries (what a user meets at worst);
 * - index size on disk, and the same for FTS5's database;
 * - the same queries on SQLite FTS5 (unicode61 remove_diacritics 2, prefix='2 3', bm25,
 *   snippet()) over the same articles, and the ratios.
 *
 * With --json the last line is one JSON object with every figure.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CorpusGenerator } from './support/search-corpus';
import { writeLibrary } from './support/search-library';

const root = fileURLToPath(new URL('../../', import.meta.url));

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const articles = Number(option('--articles') ?? 10_000);
const queryCount = Math.max(200, Number(option('--queries') ?? 300));
const json = process.argv.includes('--json');
const keep = process.argv.includes('--keep');
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** The child, bundled like the app's main process is, so a cold start pays no TypeScript compile. */
async function bundleChild(): Promise<string> {
  const outDir = path.join(root, 'node_modules', '.cache', 'margin-search-bench');
  await mkdir(outDir, { recursive: true });
  const outfile = path.join(outDir, 'child.mjs');
  await build({
    entryPoints: [path.join(root, 'tests/bench/support/search-bench-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  return outfile;
}

interface ChildRun {
  result: Record<string, number>;
  /** Process start → first line on stdout. */
  firstLineMs: number;
}

function runChild(child: string, args: string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const process = spawn('node', [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    let firstLineMs = -1;
    process.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (firstLineMs < 0 && output.includes('\n')) firstLineMs = performance.now() - started;
    });
    process.on('error', reject);
    process.on('close', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0 || line === '') {
        reject(new Error(`child ${args[0]} exited with ${code}`));
        return;
      }
      resolve({ result: JSON.parse(line) as Record<string, number>, firstLineMs });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const round = (value: number): number => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-search-bench-'));
  const load = os.loadavg().map((value) => round(value));
  log(
    `search bench: ${articles} articles in ${dir} (${os.cpus().length} cores, load ${load.join(' ')})`,
  );
  try {
    const child = await bundleChild();
    const generator = new CorpusGenerator();
    let started = performance.now();
    await writeLibrary(dir, articles, generator, (done) => {
      if (done % 10_000 === 0 && done > 0) log(`  generated ${done}`);
    });
    const generateMs = performance.now() - started;
    log(`  library written in ${(generateMs / 1000).toFixed(1)} s`);
    const queries = generator.queries(queryCount);
    const queryFile = path.join(dir, 'queries.json');
    await writeFile(queryFile, JSON.stringify(queries));

    started = performance.now();
    const built = (await runChild(child, ['build', dir])).result;
    log(`  index built in ${(built.build_ms ?? 0) / 1000} s, ${built.index_mb} MB on disk`);

    const colds: ChildRun[] = [];
    for (let run = 0; run < 3; run += 1)
      colds.push(await runChild(child, ['cold', dir, queries[0] ?? 'a']));
    const coldOpenMs = median(colds.map((run) => run.firstLineMs));
    log(`  cold open ${colds.map((run) => Math.round(run.firstLineMs)).join(' / ')} ms`);

    const measured = (await runChild(child, ['queries', dir, queryFile])).result;
    log(`  margin p50 ${measured.p50_ms} ms, p95 ${measured.p95_ms} ms`);
    const fts = (await runChild(child, ['fts5', dir, queryFile])).result;
    log(`  fts5   p50 ${fts.fts5_p50_ms} ms, p95 ${fts.fts5_p95_ms} ms`);

    const coldBreakdown = colds[Math.floor(colds.length / 2)]?.result ?? {};
    const summary = {
      articles,
      queries: queries.length,
      cores: os.cpus().length,
      load_before: load,
      load_after: os.loadavg().map((value) => round(value)),
      generate_ms: round(generateMs),
      build_ms: built.build_ms,
      build_cpu_ms: built.build_cpu_ms,
      build_rss_mb: built.rss_mb,
      index_mb: built.index_mb,
      segments: built.segments,
      cold_open_ms: round(coldOpenMs),
      cold_open_runs_ms: colds.map((run) => round(run.firstLineMs)),
      cold_index_load_ms: coldBreakdown.open_ms,
      cold_first_query_ms: coldBreakdown.first_query_ms,
      cold_checked_ms: coldBreakdown.checked_ms,
      p50_ms: measured.p50_ms,
      p95_ms: measured.p95_ms,
      p99_ms: measured.p99_ms,
      max_ms: measured.max_ms,
      slowest20_p95_ms: measured.slowest20_p95_ms,
      slowest20_min_ms: measured.slowest20_min_ms,
      cpu_p50_ms: measured.cpu_p50_ms,
      cpu_p95_ms: measured.cpu_p95_ms,
      mean_matches: measured.mean_hits,
      update_ms: Math.max(measured.add_article_ms ?? 0, measured.add_highlight_ms ?? 0),
      add_article_ms: measured.add_article_ms,
      add_article_max_ms: measured.add_article_max_ms,
      add_highlight_ms: measured.add_highlight_ms,
      add_highlight_max_ms: measured.add_highlight_max_ms,
      flush_ms: measured.flush_ms,
      rss_mb: measured.rss_mb,
      open_rss_mb: measured.open_rss_mb,
      cold_open_rss_mb: coldBreakdown.open_rss_mb,
      cold_rss_mb: coldBreakdown.rss_mb,
      fts5_build_ms: fts.fts5_build_ms,
      fts5_build_cpu_ms: fts.fts5_build_cpu_ms,
      fts5_p50_ms: fts.fts5_p50_ms,
      fts5_p95_ms: fts.fts5_p95_ms,
      fts5_p99_ms: fts.fts5_p99_ms,
      fts5_slowest20_p95_ms: fts.fts5_slowest20_p95_ms,
      fts5_db_mb: fts.fts5_db_mb,
      fts5_cpu_p50_ms: fts.fts5_cpu_p50_ms,
      fts5_cpu_p95_ms: fts.fts5_cpu_p95_ms,
      fts5_rss_mb: fts.fts5_rss_mb,
      p50_ratio: round((measured.p50_ms ?? 0) / Math.max(0.001, fts.fts5_p50_ms ?? 0)),
      p95_ratio: round((measured.p95_ms ?? 0) / Math.max(0.001, fts.fts5_p95_ms ?? 0)),
    };
    printTable(summary);
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    if (keep) log(`  kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

function printTable(summary: Record<string, unknown>): void {
  const rows: [string, unknown, unknown][] = [
    ['query p50 (ms)', summary.p50_ms, summary.fts5_p50_ms],
    ['query p95 (ms)', summary.p95_ms, summary.fts5_p95_ms],
    ['query p99 (ms)', summary.p99_ms, summary.fts5_p99_ms],
    ['query CPU p50 (ms)', summary.cpu_p50_ms, summary.fts5_cpu_p50_ms],
    ['query CPU p95 (ms)', summary.cpu_p95_ms, summary.fts5_cpu_p95_ms],
    ['20 slowest, p95 (ms)', summary.slowest20_p95_ms, summary.fts5_slowest20_p95_ms],
    ['build (ms)', summary.build_ms, summary.fts5_build_ms],
    ['build CPU (ms)', summary.build_cpu_ms, summary.fts5_build_cpu_ms],
    ['build peak RSS (MB)', summary.build_rss_mb, ''],
    ['index on disk (MB)', summary.index_mb, summary.fts5_db_mb],
    ['RSS after open (MB)', summary.cold_open_rss_mb, ''],
    ['peak RSS (MB)', summary.rss_mb, summary.fts5_rss_mb],
    ['cold open (ms)', summary.cold_open_ms, ''],
    ['  then checked (ms)', summary.cold_checked_ms, ''],
    ['add article (ms)', summary.add_article_ms, ''],
    ['add highlight (ms)', summary.add_highlight_ms, ''],
  ];
  log(`\n${'measure'.padEnd(22)}${'Margin'.padStart(12)}${'FTS5'.padStart(12)}`);
  for (const [name, margin, fts] of rows) {
    log(`${name.padEnd(22)}${String(margin).padStart(12)}${String(fts).padStart(12)}`);
  }
  log(`p95 Margin/FTS5: ${summary.p95_ratio}`);
}

await main();
