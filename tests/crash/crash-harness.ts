/**
 * Runs `crash-child.ts` over and over on a library and kills it with SIGKILL at random moments,
 * checking after every kill that the library is whole and holds every acknowledged change.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { LibraryDocument } from '../../electron/common/model';
import { listBackups } from '../../electron/core/archive/backups';
import { inspectLibraryText } from '../../electron/core/archive/library-schema';
import { verifyLibrary } from '../../electron/core/archive/verify';
import { repoRoot } from '../support/paths';

/**
 * Bundles the child once, so each start costs a plain `node file.mjs` (about 0.1 s) instead of
 * a TypeScript compile. The importers (and jsdom, which takes most of a second to load) stay in
 * a separate chunk, loaded only by children that import. jsdom itself is loaded from
 * node_modules by absolute path: it reads its own files relative to its folder.
 */
export async function bundleCrashChild(): Promise<string> {
  const outdir = await mkdtemp(path.join(os.tmpdir(), 'margin-crash-child-'));
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const jsdomEntry = pathToFileURL(require.resolve('jsdom')).href;
  const jsdomFromNodeModules: Plugin = {
    name: 'jsdom-from-node-modules',
    setup(b) {
      b.onResolve({ filter: /^jsdom$/ }, () => ({ path: jsdomEntry, external: true }));
    },
  };
  await build({
    entryPoints: [path.join(repoRoot, 'tests', 'crash', 'crash-child.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    plugins: [jsdomFromNodeModules],
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __marginRequire } from 'node:module'; const require = __marginRequire(import.meta.url);",
    },
  });
  return path.join(outdir, 'crash-child.mjs');
}

type Ack =
  | { op: 'ready' }
  | { op: 'import'; id: string; title: string }
  | { op: 'highlight'; id: string; articleId: string }
  | { op: 'note'; articleId: string; n: number }
  | { op: 'hnote'; id: string; n: number }
  | { op: 'delete-issued'; id: string }
  | { op: 'delete'; id: string };

/** What the library must hold, from the acknowledgements seen so far. */
export class Expectations {
  acknowledged = 0;
  private readonly articles = new Map<string, string>();
  private readonly notes = new Map<string, number>();
  private readonly highlights = new Map<string, 'present' | 'deleted' | 'either'>();
  private readonly highlightNotes = new Map<string, number>();

  apply(ack: Ack): void {
    if (ack.op !== 'ready' && ack.op !== 'delete-issued') this.acknowledged++;
    switch (ack.op) {
      case 'import':
        this.articles.set(ack.id, ack.title);
        break;
      case 'highlight':
        if (!this.highlights.has(ack.id)) this.highlights.set(ack.id, 'present');
        break;
      case 'note':
        this.notes.set(ack.articleId, Math.max(ack.n, this.notes.get(ack.articleId) ?? 0));
        break;
      case 'hnote':
        this.highlightNotes.set(ack.id, Math.max(ack.n, this.highlightNotes.get(ack.id) ?? 0));
        break;
      case 'delete-issued':
        this.highlights.set(ack.id, 'either');
        break;
      case 'delete':
        this.highlights.set(ack.id, 'deleted');
        break;
    }
  }

  /** Every acknowledged change that `doc` does not hold, one line each. */
  missingFrom(doc: LibraryDocument): string[] {
    const lost: string[] = [];
    const articles = new Map(doc.articles.map((a) => [a.id, a]));
    const highlights = new Map(doc.highlights.map((h) => [h.id, h]));
    for (const [id, title] of this.articles) {
      if (articles.get(id)?.title !== title) lost.push(`imported article ${id} is missing`);
    }
    for (const [id, n] of this.notes) {
      const stored = Number(/^note (\d+)$/.exec(articles.get(id)?.note ?? '')?.[1] ?? -1);
      if (stored < n) lost.push(`article ${id}: note ${n} acknowledged, found ${stored}`);
    }
    for (const [id, state] of this.highlights) {
      if (state === 'present' && !highlights.has(id)) lost.push(`highlight ${id} is missing`);
      if (state === 'deleted' && highlights.has(id)) lost.push(`deleted highlight ${id} is back`);
    }
    for (const [id, n] of this.highlightNotes) {
      const h = highlights.get(id);
      if (!h) continue; // deleted since; checked above
      const stored = Number(/^hnote (\d+)$/.exec(h.note)?.[1] ?? -1);
      if (stored < n) lost.push(`highlight ${id}: note ${n} acknowledged, found ${stored}`);
    }
    return lost;
  }
}

export interface KillResult {
  /** Whether the child had opened the library when it was killed. */
  wasReady: boolean;
  stderr: string;
}

/**
 * Starts the child and kills it `delayMs` after its first acknowledged change (or, with
 * `fromStart`, after it was spawned, which may land while it is still opening the library or
 * loading the importers).
 */
export function runAndKill(opts: {
  bundle: string;
  dir: string;
  run: number;
  seed: number;
  imports: boolean;
  /** Minimum time between writes of library.json; undefined: Margin's own. */
  writeIntervalMs?: number;
  delayMs: number;
  fromStart: boolean;
  onAck: (ack: Ack) => void;
}): Promise<KillResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        opts.bundle,
        opts.dir,
        String(opts.run),
        String(opts.seed),
        opts.imports ? '1' : '0',
        ...(opts.writeIntervalMs === undefined ? [] : [String(opts.writeIntervalMs)]),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let wasReady = false;
    let stderr = '';
    let pending = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    if (opts.fromStart) timer = setTimeout(kill, opts.delayMs);
    // Whatever happens (a child that never gets going), no run outlives this.
    const deadline = setTimeout(kill, 10_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const ack = JSON.parse(pending.slice(0, nl)) as Ack;
        pending = pending.slice(nl + 1);
        if (ack.op === 'ready') wasReady = true;
        else if (!opts.fromStart && !timer) timer = setTimeout(kill, opts.delayMs);
        opts.onAck(ack);
      }
    });
    // 'close' comes after the exit and after stdout is fully read.
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(deadline);
      if (signal === 'SIGKILL') resolve({ wasReady, stderr });
      else reject(new Error(`crash child exited by itself (code ${code}): ${stderr}`));
    });
  });
}

/**
 * Checks a library right after a kill: library.json parses and validates, holds every
 * acknowledged change, and every article file matches its hash. Interrupted writes may leave
 * temp files and unreferenced article folders; those are expected (verify --repair moves them).
 */
export async function checkAfterKill(
  dir: string,
  expected: Expectations,
): Promise<{ problems: string[]; tempFiles: string[] }> {
  const problems: string[] = [];
  let text: string | null = null;
  try {
    text = await readFile(path.join(dir, 'library.json'), 'utf8');
  } catch {
    // no write has completed yet: then nothing may have been acknowledged
  }
  if (text === null) {
    if (expected.acknowledged > 0) problems.push('library.json is gone');
    return { problems, tempFiles: [] };
  }
  const inspected = inspectLibraryText(text);
  if (inspected.kind !== 'current') {
    return { problems: [`library.json is ${inspected.kind}`], tempFiles: [] };
  }
  problems.push(...expected.missingFrom(inspected.doc));
  const report = await verifyLibrary(dir);
  const tempFiles: string[] = [];
  for (const p of report.problems) {
    if (p.kind === 'stray-temp-file') tempFiles.push(p.path);
    else if (p.kind !== 'stray-article-folder') problems.push(p.message);
  }
  for (const backup of await listBackups(dir)) {
    const kind = inspectLibraryText(await readFile(backup.file, 'utf8')).kind;
    if (kind !== 'current') problems.push(`backup ${backup.file} is ${kind}`);
  }
  return { problems, tempFiles };
}
