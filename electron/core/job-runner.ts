import { randomBytes } from 'node:crypto';
import type { ItemOutcome, JobSnapshot } from '../common/import-jobs-api';
import { MarginError } from '../common/errors';

/** Lines kept per job in `problems` and `articles`: enough to act on, bounded in memory. */
const MAX_LINES = 500;
/** Finished jobs remembered, for the UI to read their result. */
const KEEP_FINISHED = 20;

/** What a job's work reports through. */
export interface JobControl {
  readonly signal: AbortSignal;
  setTotal(total: number): void;
  setCurrent(label: string | null): void;
  /** One item finished. */
  report(
    outcome: ItemOutcome,
    item: { name: string; reason?: string; article?: { id: string; title: string } },
  ): void;
}

/**
 * Runs long work in the background with progress and cancel. Each job gets an AbortSignal;
 * its state is read with `get` (the UI polls it) and `onChange` is told of every change.
 */
export class JobRunner {
  private readonly jobs = new Map<string, { snapshot: JobSnapshot; abort: AbortController }>();
  private readonly listeners = new Set<(job: JobSnapshot) => void>();

  start(
    kind: JobSnapshot['kind'],
    title: string,
    work: (control: JobControl) => Promise<void>,
  ): JobSnapshot {
    const id = randomBytes(9).toString('base64url');
    const abort = new AbortController();
    const snapshot: JobSnapshot = {
      id,
      kind,
      title,
      state: 'running',
      total: null,
      done: 0,
      imported: 0,
      skipped: 0,
      failed: 0,
      queued: 0,
      current: null,
      problems: [],
      articles: [],
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    this.jobs.set(id, { snapshot, abort });
    this.prune();
    const changed = () => this.emit(snapshot);
    const control: JobControl = {
      signal: abort.signal,
      setTotal: (total) => {
        snapshot.total = total;
        changed();
      },
      setCurrent: (label) => {
        snapshot.current = label;
        changed();
      },
      report: (outcome, item) => {
        snapshot.done++;
        snapshot[outcome]++;
        if (item.article && snapshot.articles.length < MAX_LINES)
          snapshot.articles.push(item.article);
        if (item.reason && outcome !== 'imported' && snapshot.problems.length < MAX_LINES) {
          snapshot.problems.push({ name: item.name, reason: item.reason, outcome });
        }
        changed();
      },
    };
    void work(control).then(
      () => this.finish(snapshot, abort.signal.aborted ? 'cancelled' : 'done', null),
      (error: unknown) => {
        const message = error instanceof Error ? error.message.split('\n', 1)[0]! : String(error);
        this.finish(snapshot, abort.signal.aborted ? 'cancelled' : 'failed', message);
      },
    );
    return { ...snapshot };
  }

  get(id: string): JobSnapshot {
    const job = this.jobs.get(id);
    if (!job) throw new MarginError('not-found', `No import with id ${id} is running or recent.`);
    return structuredClone(job.snapshot);
  }

  /** Asks the job to stop; it stops after the item in progress (whose fetch is aborted). */
  cancel(id: string): JobSnapshot {
    const job = this.jobs.get(id);
    if (!job) throw new MarginError('not-found', `No import with id ${id} is running or recent.`);
    job.abort.abort();
    return structuredClone(job.snapshot);
  }

  /** Every job remembered, newest first. */
  list(): JobSnapshot[] {
    return [...this.jobs.values()].map((j) => structuredClone(j.snapshot)).reverse();
  }

  running(kind?: JobSnapshot['kind']): JobSnapshot | undefined {
    return this.list().find((j) => j.state === 'running' && (!kind || j.kind === kind));
  }

  /** Resolves when every running job has finished. */
  async idle(): Promise<void> {
    while (this.running()) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Cancels every running job and waits for them to stop. */
  async stopAll(): Promise<void> {
    for (const job of this.jobs.values()) job.abort.abort();
    await this.idle();
  }

  onChange(listener: (job: JobSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private finish(snapshot: JobSnapshot, state: JobSnapshot['state'], error: string | null) {
    snapshot.state = state;
    snapshot.error = error;
    snapshot.current = null;
    snapshot.finishedAt = new Date().toISOString();
    this.emit(snapshot);
  }

  private emit(snapshot: JobSnapshot): void {
    for (const listener of this.listeners) listener(structuredClone(snapshot));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.snapshot.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(job.snapshot.id);
    }
  }
}
