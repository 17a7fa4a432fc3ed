/**
 * One process of the search benchmark (see tests/bench/search-bench.ts), so each measure has a
 * fresh heap and its own peak RSS:
 *
 *   build   <library>            index from scratch, write it, exit
 *   cold    <library> <query>    open the persisted index, search once, exit
 *   queries <library> <file>     open, run the queries of <file>, then updates, then flush
 *   fts5    <library> <file>     SQLite FTS5 over the same library, the same queries
 *
 * Each prints one JSON line on stdout. `cold` prints it as soon as it has the first result, so
 * the parent times process start → first result.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Highlight } from '../../../electron/common/model';
import { documentFromLibrary } from '../../../electron/core/search/from-library';
import { DEFAULT_SEARCH_LIMIT } from '../../../electron/core/search/search-index';
import { SearchService } from '../../../electron/core/search/search-service';
import { CorpusGenerator } from './search-corpus';
import { librarySource } from './search-library';

const WARMUP = 20;
/** A page of results, as the app asks for (each hit shown gets a snippet); FTS5 gets the same. */
const LIMIT = DEFAULT_SEARCH_LIMIT;
const UPDATES = 10;

/** Peak RSS of this process so far. */
function rssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** RSS now (after open, before any query: what holding the index costs). */
function currentRssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/** The slowest 20 latencies (sorted ascending): their p95 and max, what a user hits worst. */
function slowest(sorted: readonly number[], prefix: string): Record<string, number> {
  const worst = sorted.slice(-20);
  return {
    [`${prefix}slowest20_p95_ms`]: percentile(worst, 95),
    [`${prefix}slowest20_min_ms`]: round(worst[0] ?? 0),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[at] ?? 0);
}

/** User + system CPU time since `since`, in ms. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function emit(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * Opens the index the way the app would: search is possible as soon as the index is loaded;
 * the library (library.json, for the comparison with the catalog) is read in the background.
 */
async function openService(dir: string) {
  const started = performance.now();
  let libraryMs = 0;
  let loading: ReturnType<typeof librarySource> | null = null;
  const source = (): ReturnType<typeof librarySource> =>
    (loading ??= (async () => {
      const from = performance.now();
      const loaded = await librarySource(dir);
      libraryMs = performance.now() - from;
      return loaded;
    })());
  const service = await SearchService.open(dir, {
    catalog: async () => (await source()).catalog,
    load: async function* (ids) {
      yield* (await source()).load(ids);
    },
    flushDelayMs: 0,
  });
  return { service, source, libraryMs: () => libraryMs, openMs: performance.now() - started };
}

async function build(dir: string): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const source = await librarySource(dir);
  const service = await SearchService.open(dir, {
    catalog: () => source.catalog,
    load: (ids) => source.load(ids),
    flushDelayMs: 0,
  });
  await service.ready;
  const indexedMs = performance.now() - started;
  await service.close();
  const files = await readdir(path.join(dir, 'index'));
  let bytes = 0;
  for (const file of files) bytes += (await stat(path.join(dir, 'index', file))).size;
  emit({
    build_ms: round(performance.now() - started),
    build_cpu_ms: round(cpuMs(cpu)),
    indexed_ms: round(indexedMs),
    index_mb: round(bytes / 1024 / 1024),
    segments: files.filter((f) => f.endsWith('.bin')).length,
    rss_mb: rssMb(),
    documents: service.size,
  });
}

async function cold(dir: string, query: string): Promise<void> {
  const { service, openMs } = await openService(dir);
  const started = performance.now();
  const openRssMb = currentRssMb();
  const results = await service.search(query, { limit: LIMIT });
  const firstQueryMs = performance.now() - started;
  // The parent times process start → this first line.
  emit({ first: results.hits.length });
  const checked = await service.checked;
  emit({
    open_ms: round(openMs),
    first_query_ms: round(firstQueryMs),
    checked_ms: round(performance.now() - started + openMs),
    hits: results.hits.length,
    stale: checked.stale,
    open_rss_mb: openRssMb,
    rss_mb: rssMb(),
  });
  process.exit(0);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function queries(dir: string, queryFile: string): Promise<void> {
  const list = JSON.parse(await readFile(queryFile, 'utf8')) as string[];
  const opened = await openService(dir);
  const { service } = opened;
  const source = await opened.source();
  await service.ready;
  const openRssMb = currentRssMb();
  for (const query of list.slice(0, WARMUP)) await service.search(query, { limit: LIMIT });
  const latencies: number[] = [];
  // CPU time too: on a machine shared with other work, wall time includes waiting for a core.
  const cpuTimes: number[] = [];
  let hits = 0;
  for (const query of list) {
    const cpu = process.cpuUsage();
    latencies.push(
      await time(async () => {
        hits += (await service.search(query, { limit: LIMIT })).total;
      }),
    );
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  latencies.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);

  // Updates, each timed until its result is searchable.
  const generator = new CorpusGenerator();
  const articleMs: number[] = [];
  const highlightMs: number[] = [];
  const articles = source.library.articles;
  for (let n = 0; n < UPDATES; n += 1) {
    const generated = generator.article(articles.length + n);
    const marker = `zqxarticle${n}`;
    const meta = { ...generated.meta, id: `new${n}` };
    articleMs.push(
      await time(async () => {
        service.upsert(documentFromLibrary(meta, [], `${generated.text}\n\n${marker}`));
        const found = await service.search(marker, { limit: LIMIT });
        if (found.hits[0]?.id !== meta.id) throw new Error('new article not found');
      }),
    );
    const target = articles[(n * 7919) % articles.length];
    if (!target) continue;
    const note = `zqxnote${n}`;
    highlightMs.push(
      await time(async () => {
        const text = await readFile(path.join(dir, 'articles', target.id, 'text.txt'), 'utf8');
        const highlight: Highlight = {
          id: `h${n}`,
          articleId: target.id,
          selectors: [
            { type: 'TextQuoteSelector', exact: text.slice(0, 40), prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 40 },
          ],
          color: 'yellow',
          note,
          createdAt: target.savedAt,
          updatedAt: target.savedAt,
        };
        const all = [...source.highlightsOf(target.id), highlight];
        service.upsert(documentFromLibrary(target, all, text));
        const found = await service.search(note, { limit: LIMIT });
        if (found.hits[0]?.id !== target.id) throw new Error('new highlight not found');
      }),
    );
  }
  articleMs.sort((a, b) => a - b);
  highlightMs.sort((a, b) => a - b);
  const flushMs = await time(() => service.flush());
  emit({
    queries: latencies.length,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
    max_ms: percentile(latencies, 100),
    ...slowest(latencies, ''),
    cpu_p50_ms: percentile(cpuTimes, 50),
    cpu_p95_ms: percentile(cpuTimes, 95),
    mean_hits: Math.round(hits / latencies.length),
    add_article_ms: percentile(articleMs, 50),
    add_article_max_ms: percentile(articleMs, 100),
    add_highlight_ms: percentile(highlightMs, 50),
    add_highlight_max_ms: percentile(highlightMs, 100),
    flush_ms: round(flushMs),
    open_rss_mb: openRssMb,
    rss_mb: rssMb(),
  });
  await service.close();
}

/** The query as FTS5 syntax: every word, the last one as a prefix. */
function ftsQuery(query: string): string {
  const words = query.split(/\s+/).filter(Boolean);
  return words
    .map((word, at) => `"${word.replace(/"/g, '""')}"${at === words.length - 1 ? '*' : ''}`)
    .join(' ');
}

async function fts5(dir: string, queryFile: string): Promise<void> {
  const list = JSON.parse(await readFile(queryFile, 'utf8')) as string[];
  const source = await librarySource(dir);
  const started = performance.now();
  const buildCpu = process.cpuUsage();
  const db = new Database(path.join(dir, 'fts5.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(
    "CREATE VIRTUAL TABLE articles USING fts5(title, author, site, body, highlights, notes, tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
  );
  const insert = db.prepare(
    'INSERT INTO articles(rowid, title, author, site, body, highlights, notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const ids: string[] = [];
  const batch = db.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(...row);
  });
  let rows: unknown[][] = [];
  for await (const document of source.load(source.catalog.map((entry) => entry.id))) {
    ids.push(document.id);
    rows.push([
      ids.length,
      document.title,
      document.byline,
      [document.siteName, document.url].filter(Boolean).join(' '),
      document.body,
      document.highlights.join('\n'),
      document.notes.join('\n'),
    ]);
    if (rows.length === 1000) {
      batch(rows);
      rows = [];
    }
  }
  batch(rows);
  const buildCpuMs = cpuMs(buildCpu);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const buildMs = performance.now() - started;
  let dbBytes = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    dbBytes += await stat(path.join(dir, `fts5.sqlite${suffix}`)).then(
      (info) => info.size,
      () => 0,
    );
  }
  const search = db.prepare(
    "SELECT rowid, snippet(articles, 3, '[', ']', '…', 24) AS snippet, bm25(articles, 3, 1.5, 1.5, 1, 2, 2) AS rank FROM articles WHERE articles MATCH ? ORDER BY rank LIMIT ?",
  );
  for (const query of list.slice(0, WARMUP)) search.all(ftsQuery(query), LIMIT);
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  for (const query of list) {
    const cpu = process.cpuUsage();
    latencies.push(await time(async () => search.all(ftsQuery(query), LIMIT)));
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  latencies.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  emit({
    fts5_build_ms: round(buildMs),
    fts5_build_cpu_ms: round(buildCpuMs),
    fts5_p50_ms: percentile(latencies, 50),
    fts5_p95_ms: percentile(latencies, 95),
    fts5_p99_ms: percentile(latencies, 99),
    ...slowest(latencies, 'fts5_'),
    fts5_db_mb: round(dbBytes / 1024 / 1024),
    fts5_cpu_p50_ms: percentile(cpuTimes, 50),
    fts5_cpu_p95_ms: percentile(cpuTimes, 95),
    fts5_rss_mb: rssMb(),
  });
  db.close();
}

const [mode, dir, argument] = process.argv.slice(2);
if (!dir) throw new Error('usage: search-bench-child build|cold|queries|fts5 <library> [arg]');
const modes: Record<string, () => Promise<void>> = {
  build: () => build(dir),
  cold: () => cold(dir, argument ?? ''),
  queries: () => queries(dir, argument ?? ''),
  fts5: () => fts5(dir, argument ?? ''),
};
const run = modes[mode ?? ''];
if (!run) throw new Error(`unknown mode ${mode}`);
await run();
