import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../electron/core/search/document';
import type { CatalogEntry } from '../../../electron/core/search/from-library';
import {
  SearchService,
  type SearchServiceOptions,
} from '../../../electron/core/search/search-service';

/** A library held in memory: what library-service would hand the search service. */
class FakeLibrary {
  readonly documents = new Map<string, SearchDocument>();
  loads = 0;
  /** Waits this long before each document, so a test can act while the index catches up. */
  delayMs = 0;

  put(document: SearchDocument): void {
    this.documents.set(document.id, document);
  }

  catalog(): CatalogEntry[] {
    return [...this.documents.values()].map((document) => ({
      id: document.id,
      version: document.version ?? '',
      meta: {
        savedAt: document.savedAt,
        read: document.read ?? false,
        favorite: document.favorite ?? false,
        archived: document.archived ?? false,
        tags: document.tags ?? [],
        highlightCount: document.highlights.length,
        hasNotes: document.notes.length > 0,
      },
    }));
  }

  options(extra: Partial<SearchServiceOptions> = {}): SearchServiceOptions {
    return {
      catalog: () => this.catalog(),
      load: (ids, signal) => this.load(ids, signal),
      readText: async (id) => this.documents.get(id)?.body ?? '',
      flushDelayMs: 0,
      ...extra,
    };
  }

  private async *load(ids: readonly string[], signal: AbortSignal): AsyncIterable<SearchDocument> {
    for (const id of ids) {
      if (signal.aborted) return;
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const document = this.documents.get(id);
      this.loads += 1;
      if (document) yield { ...document };
    }
  }
}

const WORDS = ['ghazni', 'kabul', 'herat', 'taliban', 'embassy', 'saffron', 'market', 'night'];

function article(n: number, extra: Partial<SearchDocument> = {}): SearchDocument {
  const body = Array.from({ length: 40 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(
    ' ',
  );
  return {
    id: `a${n}`,
    title: `Article ${n} ${WORDS[n % WORDS.length]}`,
    byline: `Author ${n % 3}`,
    siteName: 'Example',
    body: `${body} unique${n}.`,
    highlights: n % 4 === 0 ? [`${WORDS[n % WORDS.length]} highlighted`] : [],
    notes: n % 5 === 0 ? [`note about ${WORDS[(n + 1) % WORDS.length]}`] : [],
    savedAt: new Date(Date.UTC(2024, 0, 1 + n)).toISOString(),
    version: 'v1',
    ...extra,
  };
}

const QUERIES = [
  'ghazni',
  'kabul her',
  'unique7',
  'taliban -embassy',
  '"saffron market"',
  'note',
  'is:unread',
];

let dir: string;
let library: FakeLibrary;
let open: SearchService[];

async function openService(extra: Partial<SearchServiceOptions> = {}): Promise<SearchService> {
  const service = await SearchService.open(dir, library.options(extra));
  open.push(service);
  return service;
}

async function results(service: SearchService): Promise<unknown[]> {
  return Promise.all(QUERIES.map(async (query) => (await service.search(query)).hits));
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'margin-search-'));
  library = new FakeLibrary();
  for (let n = 0; n < 60; n += 1) library.put(article(n));
  open = [];
});

afterEach(async () => {
  for (const service of open) await service.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SearchService: the index as derived data', () => {
  it('builds a missing index in the background, then reopens it with the same results', async () => {
    const progress: [number, number][] = [];
    const first = await openService({ onProgress: (done, total) => progress.push([done, total]) });
    expect(await first.checked).toMatchObject({ problem: 'missing', stale: 60 });
    await first.ready;
    expect(progress[0]).toEqual([0, 60]);
    expect(progress[progress.length - 1]).toEqual([60, 60]);
    const before = await results(first);
    await first.close();

    library.loads = 0;
    const second = await openService();
    expect(await second.checked).toMatchObject({
      problem: null,
      documents: 60,
      stale: 0,
      removed: 0,
    });
    expect(library.loads).toBe(0);
    expect(await results(second)).toEqual(before);
    expect(second.size).toBe(60);
  });

  it('keeps upserts, metadata changes and removals across a reopen, with no re-indexing', async () => {
    const service = await openService();
    await service.ready;
    const added = article(100, { body: 'A brand new zanzibar story.' });
    library.put(added);
    service.upsert(added);
    expect((await service.search('zanzib')).hits.map((hit) => hit.id)).toEqual(['a100']);
    library.put({ ...article(1), read: true });
    service.updateMeta('a1', { read: true });
    library.documents.delete('a2');
    service.remove('a2');
    await service.close();

    library.loads = 0;
    const reopened = await openService();
    expect(await reopened.checked).toMatchObject({
      problem: null,
      stale: 0,
      removed: 0,
      metaUpdated: 0,
    });
    expect(library.loads).toBe(0);
    expect((await reopened.search('zanzibar')).hits.map((hit) => hit.id)).toEqual(['a100']);
    expect((await reopened.search('is:read')).hits.map((hit) => hit.id)).toEqual(['a1']);
    expect((await reopened.search('"unique2"')).total).toBe(0);
  });

  it('re-indexes only what changed in the library while it was closed', async () => {
    const service = await openService();
    await service.ready;
    await service.close();

    library.put(article(5, { version: 'v2', body: 'Rewritten: nothing but quinoa.' }));
    library.put(article(200, { body: 'Added while closed: yak butter.' }));
    library.documents.delete('a6');
    library.put({ ...article(7), favorite: true, tags: ['later'] });
    library.loads = 0;
    const reopened = await openService();
    expect(await reopened.checked).toMatchObject({ stale: 2, removed: 1, metaUpdated: 1 });
    await reopened.ready;
    expect(library.loads).toBe(2);
    expect((await reopened.search('quinoa')).hits.map((hit) => hit.id)).toEqual(['a5']);
    expect((await reopened.search('"unique5"')).total).toBe(0);
    expect((await reopened.search('yak')).hits.map((hit) => hit.id)).toEqual(['a200']);
    expect((await reopened.search('"unique6"')).total).toBe(0);
    expect((await reopened.search('is:favorite tag:later')).hits.map((hit) => hit.id)).toEqual([
      'a7',
    ]);
  });

  it('rebuilds from the library when a segment is damaged', async () => {
    const service = await openService();
    await service.ready;
    const before = await results(service);
    await service.close();

    const segment = (await readdir(path.join(dir, 'index'))).find((name) => name.endsWith('.bin'));
    const file = path.join(dir, 'index', segment ?? '');
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    await writeFile(file, bytes);

    const reopened = await openService();
    const checked = await reopened.checked;
    expect(checked.problem).toMatch(/checksum mismatch/);
    expect(checked.stale).toBe(60);
    await reopened.ready;
    expect(await results(reopened)).toEqual(before);
    await reopened.close();
    expect(await (await openService()).checked).toMatchObject({ problem: null, stale: 0 });
  });

  it.each([
    ['garbage', 'not json {'],
    ['another format', JSON.stringify({ format: 999, segments: [] })],
  ])('rebuilds when the manifest is %s', async (_case, manifest) => {
    const service = await openService();
    await service.ready;
    await service.close();
    await writeFile(path.join(dir, 'index', 'manifest.json'), manifest);
    const reopened = await openService();
    expect(reopened.report.problem).not.toBeNull();
    expect((await reopened.checked).stale).toBe(60);
    await reopened.ready;
    expect((await reopened.search('unique42')).hits.map((hit) => hit.id)).toEqual(['a42']);
  });

  it('ignores a torn last line of the change log', async () => {
    const service = await openService();
    await service.ready;
    service.upsert(article(300, { body: 'logged walrus' }));
    library.put(article(300, { body: 'logged walrus' }));
    await service.close();
    const log = (await readdir(path.join(dir, 'index'))).find((name) => name.endsWith('.log'));
    await appendFile(path.join(dir, 'index', log ?? ''), '{"put":{"id":"a3","vers');
    const reopened = await openService();
    expect(await reopened.checked).toMatchObject({ problem: null, stale: 0 });
    expect((await reopened.search('walrus')).hits.map((hit) => hit.id)).toEqual(['a300']);
  });

  it('searches what is indexed so far while catching up, and says how far it is', async () => {
    library.delayMs = 2;
    const service = await openService();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const partial = await service.search('unique');
    expect(partial.indexing?.total).toBe(60);
    expect(partial.total).toBeLessThan(60);
    await service.ready;
    const complete = await service.search('unique');
    expect(complete.indexing).toBeNull();
    expect(complete.total).toBe(60);
  });

  it('stops catching up when aborted, and resumes on the next open', async () => {
    library.delayMs = 1;
    const controller = new AbortController();
    const service = await openService({
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 20) controller.abort();
      },
    });
    await service.ready;
    expect(service.size).toBe(20);
    await service.close();

    library.delayMs = 0;
    const resumed = await openService();
    expect((await resumed.checked).stale).toBe(40);
    await resumed.ready;
    expect(resumed.size).toBe(60);
  });

  it('does not let the catch-up overwrite a newer version upserted meanwhile', async () => {
    library.delayMs = 2;
    const service = await openService();
    const newer = article(59, { version: 'v2', body: 'The newest text: ocelot.' });
    service.upsert(newer);
    library.put(newer);
    await service.ready;
    expect((await service.search('ocelot')).hits.map((hit) => hit.id)).toEqual(['a59']);
    expect((await service.search('"unique59"')).total).toBe(0);
  });

  it('merges the small segments that edits leave, with the same results before and after', async () => {
    const service = await openService({ checkpointEvery: 7 });
    await service.ready;
    for (let n = 0; n < 12; n += 1) {
      const edited = article(n, {
        version: 'v2',
        body: `Edited ${n}: the saffron market of Herat.`,
      });
      library.put(edited);
      service.upsert(edited);
      // Each flush writes the pending edit as a segment of its own; small ones get merged.
      await service.flush();
    }
    const segments = (await readdir(path.join(dir, 'index'))).filter((name) =>
      name.endsWith('.bin'),
    );
    expect(segments.length).toBeLessThanOrEqual(12);
    const merged = await results(service);
    expect((await service.search('"saffron market of herat"')).total).toBe(12);
    await service.close();

    await rm(dir, { recursive: true, force: true });
    const fresh = await openService();
    await fresh.ready;
    expect(await results(fresh)).toEqual(merged);
  });

  it('makes snippets from the stored text of the hits shown', async () => {
    const service = await openService();
    await service.ready;
    const hit = (await service.search('unique7'))?.hits[0];
    expect(hit?.id).toBe('a7');
    expect(hit?.snippet).toContain('unique7');
    expect(hit?.marks.map(([start, end]) => hit.snippet.slice(start, end))).toEqual(['unique7']);
  });
});
