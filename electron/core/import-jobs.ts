import { API_METHODS } from '../common/api-methods';
import type { ImportResult, LibraryApi, MarginApi } from '../common/api';
import {
  importJobsArgs,
  type BulkSource,
  type ImportJobsApi,
  type JobSnapshot,
  type PendingUrl,
} from '../common/import-jobs-api';
import { MarginError } from '../common/errors';
import { importItems, reportOutcome, type BulkOptions } from './import/bulk/import-items';
import { parseExport } from './import/bulk/parse-export';
import type { ImportExtras, PageInput } from './import/page-input';
import { FetchError } from './import/url/fetch-error';
import { importUrl, type PageImporter, type UrlImportDeps } from './import/url/import-url';
import { PendingQueue } from './import/url/pending-queue';
import type { Archive } from './archive/archive';
import { JobRunner, type JobControl } from './job-runner';

/** What the jobs need of the library: its archive, and a way in for pages. */
export interface JobsLibrary {
  readonly archive: Archive;
  importPage(input: PageInput, extras?: ImportExtras): Promise<ImportResult>;
}

const SOURCE_NAMES: Record<Exclude<BulkSource, 'auto'>, string> = {
  pocket: 'Pocket export',
  instapaper: 'Instapaper export',
  omnivore: 'Omnivore export',
  wallabag: 'Wallabag export',
  urls: 'List of URLs',
};

/** How often waiting URLs are retried while the app runs. */
export const RETRY_INTERVAL_MS = 5 * 60 * 1000;

/**
 * URL import, bulk import from other apps, and the waiting list, run as jobs with progress and
 * cancel (see JobRunner). Pages reach the library one at a time, however many fetches overlap.
 */
export class ImportJobs implements ImportJobsApi {
  readonly runner = new JobRunner();
  readonly pending: PendingQueue;
  private readonly deps: UrlImportDeps;
  private queue: Promise<unknown> = Promise.resolve();
  private retryTimers: NodeJS.Timeout[] = [];
  /** Aborted on close: image downloads stop then, not on a job's cancel. */
  private readonly closing = new AbortController();

  constructor(
    private readonly library: JobsLibrary,
    private readonly options: BulkOptions = {},
  ) {
    this.pending = new PendingQueue(library.archive);
    const importer: PageImporter = {
      importPage: (input, extras) => this.oneAtATime(() => library.importPage(input, extras)),
      articleWithUrl: (url) => {
        const article = library.archive.data.articles.find((a) => !a.deletedAt && a.url === url);
        return article ? { id: article.id, title: article.title } : null;
      },
    };
    this.deps = { library: importer, pending: this.pending };
  }

  async importUrl(url: string): Promise<JobSnapshot> {
    this.library.archive.assertWritable();
    return this.runner.start('url', `Importing ${url.trim()}`, async (control) => {
      control.setTotal(1);
      control.setCurrent(url.trim());
      const outcome = await importUrl(this.deps, url, { ...this.fetchOptions(control) });
      reportOutcome(control, url.trim(), outcome);
    });
  }

  async importExport(
    file: { name: string; base64: string },
    source: BulkSource,
  ): Promise<JobSnapshot> {
    this.library.archive.assertWritable();
    const parsed = parseExport(file.name, Buffer.from(file.base64, 'base64'), source);
    if (parsed.items.length === 0 && parsed.unreadable.length === 0) {
      throw new MarginError('import-failed', `${file.name} holds no items to import`);
    }
    const name = SOURCE_NAMES[parsed.format];
    return this.runner.start('bulk', `Importing ${name} (${file.name})`, (control) =>
      importItems(parsed, name, this.deps, control, {
        ...this.options,
        imageSignal: this.closing.signal,
      }),
    );
  }

  async getJob(id: string): Promise<JobSnapshot> {
    return this.runner.get(id);
  }

  async cancelJob(id: string): Promise<JobSnapshot> {
    return this.runner.cancel(id);
  }

  async listJobs(): Promise<JobSnapshot[]> {
    return this.runner.list();
  }

  async listPending(): Promise<PendingUrl[]> {
    return this.pending.list();
  }

  async removePending(id: string): Promise<void> {
    this.library.archive.assertWritable();
    if (!(await this.pending.remove(id))) {
      throw new MarginError('not-found', `No waiting URL with id ${id}.`);
    }
  }

  /** Tries the waiting URLs (all of them, or only those worth retrying) in one job. */
  async fetchPending(): Promise<JobSnapshot> {
    return this.startPendingJob(false);
  }

  private startPendingJob(onlyRetryable: boolean): JobSnapshot {
    this.library.archive.assertWritable();
    const running = this.runner.running('pending');
    if (running) return running;
    return this.runner.start('pending', 'Fetching waiting URLs', async (control) => {
      const items = this.pending.list().filter((p) => !onlyRetryable || p.retry);
      control.setTotal(items.length);
      for (const item of items) {
        if (control.signal.aborted) return;
        control.setCurrent(item.title ?? item.url);
        await this.fetchOne(item, control);
      }
    });
  }

  private async fetchOne(item: PendingUrl, control: JobControl): Promise<void> {
    const name = item.title ?? item.url;
    let outcome;
    try {
      outcome = await importUrl(this.deps, item.url, {
        ...this.fetchOptions(control),
        title: item.title,
        extras: item.extras,
        source: item.source,
        queueIfOffline: false,
      });
    } catch (error) {
      if (error instanceof FetchError && error.failure === 'cancelled') return;
      throw error;
    }
    if (outcome.status === 'failed') {
      await this.pending.failed(item.id, outcome.reason, outcome.retry);
      // Still offline: it stays waiting, which is what "queued" means here.
      control.report(outcome.retry ? 'queued' : 'failed', { name, reason: outcome.reason });
      return;
    }
    await this.pending.remove(item.id);
    reportOutcome(control, name, outcome);
  }

  /**
   * Retries waiting URLs now (shortly after start) and every `intervalMs`, while the library is
   * open for writing. For the app and the browser host, not the CLI.
   */
  startAutoRetry(intervalMs = RETRY_INTERVAL_MS, firstDelayMs = 2000): void {
    if (this.retryTimers.length > 0 || !this.library.archive.writable) return;
    const tick = () => {
      if (!this.library.archive.writable) return;
      if (this.pending.list().some((p) => p.retry) && !this.runner.running('pending')) {
        this.startPendingJob(true);
      }
    };
    this.retryTimers = [setTimeout(tick, firstDelayMs), setInterval(tick, intervalMs)];
    for (const timer of this.retryTimers) timer.unref();
  }

  /** Stops retrying and cancels running jobs; call before closing the library. */
  async close(): Promise<void> {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers = [];
    this.closing.abort();
    await this.runner.stopAll();
    await this.queue.catch(() => undefined);
  }

  private fetchOptions(control: JobControl) {
    return {
      signal: control.signal,
      imageSignal: this.closing.signal,
      pageLimits: this.options.pageLimits,
      imageLimits: this.options.imageLimits,
    };
  }

  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The whole API: the library's methods and the import jobs', as one object to dispatch to. */
export function combinedApi(library: LibraryApi, jobs: ImportJobsApi): MarginApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    const target = (method in importJobsArgs ? jobs : library) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    api[method] = (...args: unknown[]) => target[method]!(...args);
  }
  return api as unknown as MarginApi;
}
