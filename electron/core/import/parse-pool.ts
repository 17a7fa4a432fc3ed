/**
 * A few worker threads that run the parse step of imports (parse-task.ts) side by side, so a
 * drop of many files uses every core while the service stays the archive's only writer. Workers
 * start on first use and end with `close()`; an idle worker never keeps the process alive. If a
 * worker cannot start (or dies), its task, and every later one, is parsed in this thread instead:
 * slower, never lost.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MarginError, type MarginErrorCode } from '../../common/errors';
import type { ParseResult, ParseTask } from './parse-task';

export type WorkerReply =
  | { id: number; ok: true; value: ParseResult }
  | { id: number; ok: false; error: { code?: MarginErrorCode; name: string; message: string } };

/** How to start a worker: its script (a file, or code when `eval`) and the options for it. */
export interface WorkerEntry {
  script: URL | string;
  eval?: boolean;
}

/**
 * In the Electron bundle the worker is import-worker.mjs beside main.mjs. From the sources
 * (vitest, tsx: the CLI, the browser host, benches) it is parse-worker.ts, loaded after tsx's
 * loader is registered in the worker itself: an inherited or `--import` loader does not reach
 * a worker started from a vitest test.
 */
export function defaultWorkerEntry(): WorkerEntry {
  const here = import.meta.url;
  if (!/\.[cm]?ts$/.test(here)) return { script: new URL('./import-worker.mjs', here) };
  const tsxApi = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  );
  const worker = new URL('./parse-worker.ts', here).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(worker)});`;
  return { script: new URL(`data:text/javascript,${encodeURIComponent(code)}`) };
}

/** Two on this 2-core machine: the main thread mostly waits on them and on the disk. */
export function defaultPoolSize(): number {
  return Math.min(4, Math.max(2, os.availableParallelism() - 1));
}

interface Job {
  task: ParseTask;
  resolve: (result: ParseResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  id: number;
}

async function parseHere(task: ParseTask): Promise<ParseResult> {
  return (await import('./parse-task')).runParseTask(task);
}

function rebuildError(error: { code?: MarginErrorCode; name: string; message: string }): Error {
  if (error.code !== undefined) return new MarginError(error.code, error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private started = false;
  /** Workers could not run here: everything is parsed in this thread. */
  private inPlace = false;
  private closed = false;
  private nextId = 0;

  constructor(
    private readonly size = defaultPoolSize(),
    private readonly entry: () => WorkerEntry = defaultWorkerEntry,
  ) {}

  /** Whether workers are running (a later single import may as well use them). */
  get running(): boolean {
    return this.slots.length > 0;
  }

  /** Parses `task` on a worker when one can run, else here; same result, same errors. */
  run = (task: ParseTask): Promise<ParseResult> => {
    if (this.closed || this.inPlace) return parseHere(task);
    if (!this.started) this.start();
    if (this.inPlace) return parseHere(task);
    return new Promise((resolve, reject) => {
      // A 'finish' is what the service is waiting for to write; pages read ahead can wait.
      if (task.kind === 'finish') this.queue.unshift({ task, resolve, reject });
      else this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  };

  /** Ends the workers; tasks still waiting are parsed here. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.job) this.fallBack(slot.job);
    for (const job of this.queue.splice(0)) this.fallBack(job);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private start(): void {
    this.started = true;
    for (let i = 0; i < this.size; i++) {
      try {
        this.slots.push(this.spawn());
      } catch {
        break; // cannot start here at all: the workers that did start carry on
      }
    }
    if (this.slots.length === 0) this.inPlace = true;
  }

  private spawn(): Slot {
    const { script, eval: isCode } = this.entry();
    const worker = new Worker(script, { eval: isCode });
    const slot: Slot = { worker, job: null, id: -1 };
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (job === null || reply.id !== slot.id) return;
      slot.job = null;
      worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(rebuildError(reply.error));
      this.dispatch();
    });
    const lost = (): void => this.lose(slot);
    worker.on('error', lost);
    worker.on('exit', lost);
    return slot;
  }

  /** A worker failed to start or died: its task is parsed here, and so is all work once none is left. */
  private lose(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    if (slot.job) this.fallBack(slot.job);
    if (this.slots.length === 0) {
      this.inPlace = true;
      for (const job of this.queue.splice(0)) this.fallBack(job);
    }
  }

  private fallBack(job: Job): void {
    parseHere(job.task).then(job.resolve, job.reject);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== null) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.id = this.nextId++;
      slot.worker.ref(); // a task under way keeps the process alive until it is answered
      slot.worker.postMessage({ id: slot.id, task: job.task });
    }
  }
}
