import { access, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices, type MarginServices } from '../../../electron/core/services';
import { fileToImport, tempLibrary, textFile } from '../../support/library';
import { samplePath } from '../../support/paths';

async function importSample(services: MarginServices): Promise<string> {
  const result = await services.library.importFiles([await fileToImport(samplePath)]);
  return result.imported[0]!.id;
}

const ids = async (services: MarginServices, query: string) =>
  (await services.library.search(query)).hits.map((hit) => hit.id);

const marked = (hit: { snippet: string; marks: [number, number][] }) =>
  hit.marks.map(([start, end]) => hit.snippet.slice(start, end));

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('search wired to the library', () => {
  it('finds an article as soon as it is imported, with the matched words marked', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    const results = await services.library.search('ghazni exec');
    expect(results.hits.map((hit) => hit.id)).toEqual([id]);
    expect(results.total).toBe(1);
    expect(results.hints).toEqual([]);
    expect(results.indexing).toBeNull();
    const words = marked(results.hits[0]!).map((word) => word.toLowerCase());
    expect(words).toContain('ghazni');
    expect(words.some((word) => word.startsWith('exec'))).toBe(true);
    await services.close();
  });

  it('drops a deleted article from the results and brings it back on restore', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    await services.library.deleteArticle(id);
    expect(await ids(services, 'ghazni')).toEqual([]);
    await services.library.restoreArticle(id);
    expect(await ids(services, 'ghazni')).toEqual([id]);
    await services.close();
  });

  it('searches highlight notes, shows them as the snippet, and forgets a deleted highlight', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    const highlight = await services.library.highlightQuote(
      id,
      'could constitute war crimes',
      'compare with the Srebrenica report',
    );
    const results = await services.library.search('srebrenica');
    expect(results.hits.map((hit) => hit.id)).toEqual([id]);
    expect(results.hits[0]!.snippet).toContain('Srebrenica report');
    expect(await ids(services, 'has:notes')).toEqual([id]);
    await services.library.deleteHighlight(highlight.id);
    expect(await ids(services, 'srebrenica')).toEqual([]);
    expect(await ids(services, 'has:highlights')).toEqual([]);
    await services.close();
  });

  it('filters by read, favorite and tags as they change', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    const other = (await services.library.importFiles([textFile('b.txt', 'Herat\n\nKabul')]))
      .imported[0]!.id;
    expect(await ids(services, 'is:unread sort:title')).toHaveLength(2);
    await services.library.updateArticle(id, { read: true, favorite: true, tags: ['war'] });
    expect(await ids(services, 'is:read')).toEqual([id]);
    expect(await ids(services, 'is:unread')).toEqual([other]);
    expect(await ids(services, 'is:favorite tag:war')).toEqual([id]);
    await services.close();
  });

  it('returns a page of results at a time, and the next from an offset', async () => {
    const services = await tempLibrary();
    const files = Array.from({ length: 25 }, (_, n) =>
      textFile(`${n}.txt`, `Dispatch ${n}\n\nA report from Herat, number ${n}.`),
    );
    expect((await services.library.importFiles(files)).imported).toHaveLength(25);
    const first = await services.library.search('herat');
    expect(first.total).toBe(25);
    expect(first.hits).toHaveLength(20);
    const next = await services.library.search('herat', { offset: 20 });
    expect(next.hits).toHaveLength(5);
    const all = new Set([...first.hits, ...next.hits].map((hit) => hit.id));
    expect(all.size).toBe(25);
    await services.close();
  });

  it('reads an unknown field as plain text and says so', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    const results = await services.library.search('war:crimes');
    expect(results.hits.map((hit) => hit.id)).toEqual([id]);
    expect(results.hints.join(' ')).toMatch(/"war:" is not a filter/);
    await services.close();
  });

  it('keeps the index next to the library, written on close and loaded on open', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    await services.close();
    expect(await exists(path.join(services.libraryDir, 'index', 'manifest.json'))).toBe(true);
    const reopened = await openServices(services.libraryDir);
    // Nothing to catch up: the persisted index answers at once.
    expect(reopened.library.searchIndex.progress).toBeNull();
    expect(await ids(reopened, 'ghazni')).toEqual([id]);
    await reopened.close();
  });

  it('rebuilds a damaged index from the library in the background', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    await services.close();
    const indexDir = path.join(services.libraryDir, 'index');
    for (const name of await readdir(indexDir)) {
      await writeFile(path.join(indexDir, name), 'not an index');
    }
    const reopened = await openServices(services.libraryDir);
    // The library is usable before the index is.
    expect(await reopened.library.listArticles()).toHaveLength(1);
    await reopened.library.searchIndex.ready;
    expect(await ids(reopened, 'ghazni')).toEqual([id]);
    await reopened.close();

    const again = await openServices(services.libraryDir);
    expect(again.library.searchIndex.progress).toBeNull();
    expect(await ids(again, 'ghazni')).toEqual([id]);
    await again.close();
  });

  it('rebuilds a missing index, and catches up with changes made while it was closed', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    await services.close();
    await rm(path.join(services.libraryDir, 'index'), { recursive: true });
    const reopened = await openServices(services.libraryDir);
    await reopened.library.searchIndex.ready;
    expect(await ids(reopened, 'ghazni')).toEqual([id]);
    await reopened.close();
  });

  it('opens the index only when a command searches, and catches up later with what it changed', async () => {
    const services = await tempLibrary();
    await importSample(services);
    await services.close();
    const command = await openServices(services.libraryDir, { search: 'on-demand' });
    const added = (await command.library.importFiles([textFile('h.txt', 'Herat\n\nSaffron')]))
      .imported[0]!.id;
    await command.close();
    const app = await openServices(services.libraryDir);
    await app.library.searchIndex.ready;
    expect(await ids(app, 'saffron')).toEqual([added]);
    await app.close();
  });

  it('searches a library opened to read without writing an index', async () => {
    const services = await tempLibrary();
    const id = await importSample(services);
    await services.close();
    await rm(path.join(services.libraryDir, 'index'), { recursive: true });
    const reader = await openServices(services.libraryDir, { mode: 'read' });
    await reader.library.searchIndex.ready;
    expect(await ids(reader, 'ghazni')).toEqual([id]);
    await reader.close();
    expect(await exists(path.join(services.libraryDir, 'index'))).toBe(false);
  });
});
