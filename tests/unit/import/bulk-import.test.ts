import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BulkSource, JobSnapshot } from '../../../electron/common/import-jobs-api';
import type { MarginServices } from '../../../electron/core/services';
import { openServices } from '../../../electron/core/services';
import { repoRoot } from '../../support/paths';
import { snapshot, tempDir, tempLibrary } from '../../support/library';
import { startWebServer, type TestWebServer } from '../../support/web-server';

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

const FIXTURE_ORIGIN = 'http://corpus.margin.test';
const fixture = (name: string) => readFileSync(path.join(repoRoot, 'tests/fixtures/bulk', name));
/** The fixture with its addresses on the local server: the same export, "online". */
const online = (name: string) =>
  Buffer.from(fixture(name).toString('utf8').replaceAll(FIXTURE_ORIGIN, server.origin));

async function importExport(name: string, bytes: Buffer, source: BulkSource = 'auto') {
  const started = await services.dispatch('importExport', [
    { name, base64: bytes.toString('base64') },
    source,
  ]);
  if (!started.ok) throw new Error(started.error.message);
  let job = started.value as JobSnapshot;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = await services.jobs.getJob(job.id);
  }
  return job;
}

async function articlesByUrl() {
  const list = await services.library.listArticles();
  return new Map(list.map((a) => [a.url?.replace(server.origin, FIXTURE_ORIGIN), a]));
}

describe('bulk import from other apps', () => {
  it('Pocket (ril_export.html), online: every page fetched with its tags, date and state', async () => {
    services = await tempLibrary();
    const job = await importExport('ril_export.html', online('pocket/ril_export.html'));
    expect(job).toMatchObject({ state: 'done', total: 5, done: 5, imported: 5, failed: 0 });
    expect(job.title).toBe('Importing Pocket export (ril_export.html)');
    const byUrl = await articlesByUrl();
    expect(byUrl.get(`${FIXTURE_ORIGIN}/pages/guardian-1`)).toMatchObject({
      tags: ['oceans', 'new zealand'],
      savedAt: '2019-01-03T08:00:00.000Z',
      read: false,
    });
    expect(byUrl.get(`${FIXTURE_ORIGIN}/pages/bbc-1`)).toMatchObject({
      tags: ['politics', 'guns'],
      read: true,
      archived: true,
    });

    // The same export again: everything is skipped, nothing is fetched.
    const requests = server.requests.length;
    const again = await importExport('ril_export.html', online('pocket/ril_export.html'));
    expect(again).toMatchObject({ imported: 0, skipped: 5, failed: 0 });
    expect(server.requests.length).toBe(requests);
  });

  it('Instapaper CSV, online: folders, stars and the selection as a highlight', async () => {
    services = await tempLibrary();
    const job = await importExport('instapaper-export.csv', online('instapaper-export.csv'));
    expect(job).toMatchObject({ state: 'done', imported: 4 });
    const bbc = (await articlesByUrl()).get(`${FIXTURE_ORIGIN}/pages/bbc-1`)!;
    expect(bbc).toMatchObject({
      read: true,
      archived: true,
      tags: ['politics'],
      highlightCount: 1,
    });
    const { highlights } = await services.library.getArticle(bbc.id);
    expect(highlights[0]!.selectors[0].exact).toBe(
      'Mr Obama said it was "distressing" not to have made progress on the issue',
    );
  });

  it('Wallabag JSON, offline: content imported without the network with its annotations; the URL-only entry waits', async () => {
    services = await tempLibrary();
    const job = await importExport('wallabag-export.json', fixture('wallabag-export.json'));
    expect(job).toMatchObject({ state: 'done', total: 4, imported: 3, queued: 1, failed: 0 });
    const byUrl = await articlesByUrl();
    const quanta = byUrl.get(`${FIXTURE_ORIGIN}/pages/quanta-1`)!;
    expect(quanta).toMatchObject({ tags: ['science', 'history'], read: true, highlightCount: 2 });
    const { highlights } = await services.library.getArticle(quanta.id);
    expect(highlights.map((h) => [h.selectors[0].exact, h.note])).toEqual([
      [
        'A little over half a century ago, chaos started spilling out of a famous experiment.',
        'The LGP-30!',
      ],
      ['It was so loud that it even got its own office', ''],
    ]);
    expect(byUrl.get(`${FIXTURE_ORIGIN}/pages/bbc-1`)).toMatchObject({ favorite: true });
    expect(await services.jobs.listPending()).toMatchObject([
      {
        url: `${FIXTURE_ORIGIN}/pages/wordpress`,
        source: 'Wallabag export',
        extras: { tags: ['dev'], archived: true },
      },
    ]);
  });

  it('Omnivore zip, offline: content and highlights without the network; the rest waits, then arrives with its labels', async () => {
    services = await tempLibrary();
    const zip = fixture('omnivore-export.zip');
    const job = await importExport('omnivore-export.zip', zip);
    expect(job).toMatchObject({ state: 'done', total: 4, imported: 3, queued: 1 });
    const aclu = (await articlesByUrl()).get(`${FIXTURE_ORIGIN}/pages/aclu`)!;
    expect(aclu).toMatchObject({
      tags: ['privacy', 'facebook'],
      archived: true,
      highlightCount: 2,
    });
    const { highlights } = await services.library.getArticle(aclu.id);
    expect(highlights.find((h) => h.note)?.note).toBe(
      'Opening line: the whole point of the piece.',
    );

    // The waiting item is fetched from the server once "the network is back".
    const [waiting] = await services.jobs.listPending();
    expect(waiting).toMatchObject({ title: 'New Zealand', extras: { tags: ['geography'] } });
    await services.jobs.pending.remove(waiting!.id);
    await services.jobs.pending.add(waiting!.url.replace(FIXTURE_ORIGIN, server.origin), {
      ...waiting!,
      error: waiting!.lastError ?? '',
    });
    const fetched = await services.jobs.fetchPending();
    await services.jobs.runner.idle();
    expect(await services.jobs.getJob(fetched.id)).toMatchObject({ imported: 1 });
    const nz = (await articlesByUrl()).get(`${FIXTURE_ORIGIN}/pages/wikipedia-2`)!;
    expect(nz.tags).toEqual(['geography']);
  });

  it('a list of URLs and Pocket CSV: a bad line is counted as failed, the rest imported', async () => {
    services = await tempLibrary();
    const list = await importExport('urls.txt', online('urls.txt'));
    expect(list).toMatchObject({ total: 4, imported: 3, failed: 1 });
    expect(list.problems).toEqual([
      { name: 'not a url at all', reason: 'not a web address', outcome: 'failed' },
    ]);
    const csv = await importExport('part_000000.csv', online('pocket/part_000000.csv'));
    // guardian-1 and wordpress came with the list already.
    expect(csv).toMatchObject({ total: 4, imported: 2, skipped: 2 });
    const nyt = (await articlesByUrl()).get(`${FIXTURE_ORIGIN}/pages/nytimes-2`)!;
    expect(nyt).toMatchObject({ tags: ['business'], archived: true });
  });

  it('cancel stops the job; what was imported stays whole, the rest is not touched', async () => {
    const dir = await tempDir();
    services = await openServices(dir);
    const urls = [
      server.url('/pages/guardian-1'),
      ...Array.from({ length: 6 }, (_, i) => server.url(`/slow?${i}`)),
    ].join('\n');
    const started = await services.jobs.importExport(
      { name: 'urls.txt', base64: Buffer.from(urls).toString('base64') },
      'urls',
    );
    // The first page's extraction takes seconds on a busy machine; the slow ones take longer.
    await expect
      .poll(async () => (await services.jobs.getJob(started.id)).imported, { timeout: 60_000 })
      .toBe(1);
    await services.jobs.cancelJob(started.id);
    await services.jobs.runner.idle();
    const job = await services.jobs.getJob(started.id);
    expect(job.state).toBe('cancelled');
    expect(job.imported).toBe(1);
    expect(job.done).toBeLessThan(7);
    expect(await services.library.listArticles()).toHaveLength(1);
    expect(await services.jobs.listPending()).toEqual([]);
    // library.json and the article folder agree: verify finds nothing wrong.
    await services.close();
    const { verifyLibrary } = await import('../../../electron/core/archive/verify');
    const report = await verifyLibrary(dir);
    expect(report.problems).toEqual([]);
    services = await openServices(dir);
  });

  it('refuses a file that is no export, and changes nothing', async () => {
    const dir = await tempDir();
    services = await openServices(dir);
    await services.flush();
    const before = await snapshot(dir);
    const response = await services.dispatch('importExport', [
      { name: 'notes.csv', base64: Buffer.from('a,b\n1,2\n').toString('base64') },
      'auto',
    ]);
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'import-failed',
        message:
          'notes.csv is not an export Margin knows (Pocket, Instapaper, Omnivore, Wallabag, or a list of URLs)',
      },
    });
    expect(await snapshot(dir)).toEqual(before);
  });
});
