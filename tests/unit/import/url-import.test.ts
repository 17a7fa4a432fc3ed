import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../electron/common/import-jobs-api';
import type { MarginServices } from '../../../electron/core/services';
import { openServices } from '../../../electron/core/services';
import { snapshot, tempDir, tempLibrary } from '../../support/library';
import {
  JAPANESE_TITLE,
  PNG_BYTES,
  startWebServer,
  type TestWebServer,
} from '../../support/web-server';

let server: TestWebServer;
let services: MarginServices;
beforeAll(async () => {
  server = await startWebServer();
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  await services?.close();
});

/** Runs one API call that starts a job, and polls the job as the UI does until it ends. */
async function runJob(method: string, args: unknown[]): Promise<JobSnapshot> {
  const started = await services.dispatch(method, args);
  if (!started.ok) throw new Error(started.error.message);
  let job = started.value as JobSnapshot;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const polled = await services.dispatch('getJob', [job.id]);
    if (!polled.ok) throw new Error(polled.error.message);
    job = polled.value as JobSnapshot;
  }
  return job;
}

describe('importing a URL', () => {
  it('stores the page with its images, readable with the server stopped', async () => {
    services = await tempLibrary();
    const job = await runJob('importUrl', [server.url('/with-images')]);
    expect(job).toMatchObject({ state: 'done', total: 1, done: 1, imported: 1 });
    const [meta] = await services.library.listArticles();
    expect(meta!.title).toMatch(/^Taliban Executions of Surrendering Afghan Troops/);
    expect(meta!.url).toBe(server.url('/with-images'));

    await server.stop();
    try {
      const article = await services.library.getArticle(meta!.id);
      // Nothing left points the reader at the server (a placeholder only remembers the address).
      expect(article.html).not.toMatch(/\s(src|srcset)="[^"]*127\.0\.0\.1/);
      // The image on the server is stored in the library; its bytes are there to read offline.
      const stored = /margin-asset:\/\/([\w-]+)\/([0-9a-f]{64}\.png)/.exec(article.html);
      expect(stored).not.toBeNull();
      const file = path.join(services.libraryDir, 'articles', stored![1]!, 'assets', stored![2]!);
      expect(await readFile(file)).toEqual(PNG_BYTES);
      // The missing one and the one that was not an image are placeholders with their alt text.
      expect(article.html).toContain('A map of Ghazni province');
      expect(article.html).toContain('A broken picture');
    } finally {
      await server.start();
    }
  });

  it('imports pages in Shift_JIS and windows-1252 with their text intact', async () => {
    services = await tempLibrary();
    const sjis = await runJob('importUrl', [server.url('/shift-jis')]);
    const cp1252 = await runJob('importUrl', [server.url('/windows-1252')]);
    expect([sjis.imported, cp1252.imported]).toEqual([1, 1]);
    const [a, b] = await services.library.listArticles();
    const byUrl = new Map([a!, b!].map((m) => [m.url, m]));
    expect(byUrl.get(server.url('/shift-jis'))!.title).toBe(JAPANESE_TITLE);
    const guardian = byUrl.get(server.url('/windows-1252'))!;
    expect(guardian.title).toContain('Māori tribes fearful over whale strandings');
    const text = await services.library.articleText(guardian.id);
    expect(text).toContain('New Zealand’s');
    expect(text).not.toMatch(/[\u0080-\u009f\uFFFD]/);
  });

  it('follows a redirect chain; the same URL again is skipped', async () => {
    services = await tempLibrary();
    const first = await runJob('importUrl', [server.url('/redirect/3/pages/wordpress')]);
    expect(first.imported).toBe(1);
    const again = await runJob('importUrl', [server.url('/pages/wordpress')]);
    expect(again).toMatchObject({ imported: 0, skipped: 1 });
    expect(again.problems[0]!.reason).toMatch(/already in your library as "Stack Overflow Jobs/);
    expect(await services.library.listArticles()).toHaveLength(1);
  });

  it('a 404, a page too large, a timeout, a PDF: a clear reason each, and nothing changes', async () => {
    const dir = await tempDir();
    services = await openServices(dir);
    await services.flush();
    const before = await snapshot(dir);
    const reasons: string[] = [];
    for (const pathname of ['/nothing-here', '/report.pdf', '/server-error']) {
      const job = await runJob('importUrl', [server.url(pathname)]);
      expect(job).toMatchObject({ state: 'done', failed: 1, imported: 0, queued: 0 });
      reasons.push(job.problems[0]!.reason);
    }
    expect(reasons).toEqual([
      `${server.url('/nothing-here')} was not found (HTTP 404)`,
      `${server.url('/report.pdf')} is not a web page (it is application/pdf); Margin imports HTML pages`,
      `${server.url('/server-error')}: the server answered HTTP 500 Internal Server Error`,
    ]);
    expect((await runJob('importUrl', ['mailto:someone@example.com'])).problems[0]!.reason).toMatch(
      /only http and https addresses/,
    );
    await services.flush();
    expect(await snapshot(dir)).toEqual(before);
  });

  it('limits: too large and too slow', async () => {
    services = await tempLibrary();
    const { ImportJobs } = await import('../../../electron/core/import-jobs');
    const jobs = new ImportJobs(services.library, {
      pageLimits: { maxBytes: 1024 * 1024, timeoutMs: 500 },
    });
    const wait = async (job: JobSnapshot) => {
      await jobs.runner.idle();
      return jobs.runner.get(job.id);
    };
    const huge = await wait(await jobs.importUrl(server.url('/huge')));
    expect(huge.problems[0]!.reason).toMatch(/is larger than 1 MB; Margin does not fetch it/);
    const slow = await wait(await jobs.importUrl(server.url('/slow')));
    expect(slow.problems[0]!.reason).toMatch(/did not answer within 0.5 s/);
    expect(await services.library.listArticles()).toHaveLength(0);
    await jobs.close();
  });
});

describe('cancel', () => {
  it('a cancel while its images download still imports the page whole, with every image', async () => {
    services = await tempLibrary();
    const started = await services.jobs.importUrl(server.url('/with-slow-images'));
    await expect
      .poll(() => server.requests.some((r) => r.startsWith('/images/slow/')), { timeout: 30_000 })
      .toBe(true);
    await services.jobs.cancelJob(started.id);
    await services.jobs.runner.idle();
    expect(await services.jobs.getJob(started.id)).toMatchObject({
      state: 'cancelled',
      imported: 1,
    });
    const [meta] = await services.library.listArticles();
    const { html } = await services.library.getArticle(meta!.id);
    expect(html.match(/src="margin-asset:/g)).toHaveLength(9);
  });

  it('a cancel before the page arrives imports nothing', async () => {
    services = await tempLibrary();
    const started = await services.jobs.importUrl(server.url('/slow'));
    await services.jobs.cancelJob(started.id);
    await services.jobs.runner.idle();
    expect(await services.jobs.getJob(started.id)).toMatchObject({
      state: 'cancelled',
      imported: 0,
      done: 0,
    });
    expect(await services.library.listArticles()).toEqual([]);
  });
});

describe('offline: waiting to be fetched', () => {
  it('a URL saved offline waits in the library, survives a restart, and is fetched when the server is back', async () => {
    const dir = await tempDir();
    services = await openServices(dir);
    await server.stop();
    let job: JobSnapshot;
    try {
      job = await runJob('importUrl', [server.url('/pages/guardian-1')]);
    } finally {
      await server.start();
    }
    expect(job).toMatchObject({ state: 'done', queued: 1, imported: 0, failed: 0 });
    expect(job.problems[0]!.reason).toMatch(
      /could not be reached.*fetched when the network is back/,
    );
    expect(await services.library.listArticles()).toEqual([]);

    // Kept in library.json, so a restart does not lose it.
    await services.close();
    services = await openServices(dir);
    const waiting = await services.jobs.listPending();
    expect(waiting).toMatchObject([
      { url: server.url('/pages/guardian-1'), source: 'Pasted URL', attempts: 1, retry: true },
    ]);

    const fetched = await runJob('fetchPending', []);
    expect(fetched).toMatchObject({ state: 'done', total: 1, imported: 1 });
    expect(await services.jobs.listPending()).toEqual([]);
    const [article] = await services.library.listArticles();
    expect(article!.title).toContain('Māori tribes fearful over whale strandings');
  });

  it('retries on its own when the app runs (auto retry), and keeps what still fails', async () => {
    services = await tempLibrary();
    await server.stop();
    try {
      await runJob('importUrl', [server.url('/pages/wordpress')]);
      await runJob('importUrl', [server.url('/pages/no-such-page')]);
      expect(await services.jobs.listPending()).toHaveLength(2);
      // Still offline: a retry keeps both, counting the attempt.
      const still = await runJob('fetchPending', []);
      expect(still).toMatchObject({ queued: 2, imported: 0 });
      expect((await services.jobs.listPending()).map((p) => p.attempts)).toEqual([2, 2]);
    } finally {
      await server.start();
    }
    services.jobs.startAutoRetry(60_000, 10);
    await expect
      .poll(async () => (await services.library.listArticles()).length, { timeout: 10_000 })
      .toBe(1);
    await services.jobs.runner.idle();
    // The page that is now a 404 is kept, marked as not worth retrying, with its reason.
    const [left] = await services.jobs.listPending();
    expect(left).toMatchObject({ url: server.url('/pages/no-such-page'), retry: false });
    expect(left!.lastError).toMatch(/was not found \(HTTP 404\)/);
    await services.jobs.removePending(left!.id);
    expect(await services.jobs.listPending()).toEqual([]);
  });
});
