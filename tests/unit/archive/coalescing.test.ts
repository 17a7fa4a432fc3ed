import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveFs, fsError, replaceArchiveFs } from '../../../electron/core/archive/fs-facade';
import type { MarginServices } from '../../../electron/core/services';
import { tempLibrary } from '../../support/library';

const realRename = archiveFs.rename;
let restoreFs: (() => void) | null = null;
afterEach(() => {
  restoreFs?.();
  restoreFs = null;
});

async function libraryWithArticle(): Promise<{ services: MarginServices; id: string }> {
  const services = await tempLibrary();
  const result = await services.library.importText('A title\n\nSome body text to read.');
  return { services, id: result.imported[0]!.id };
}

/** Counts how often library.json is replaced on disk. */
function countCatalogWrites(): { count: number } {
  const counter = { count: 0 };
  restoreFs = replaceArchiveFs({
    rename: async (from, to) => {
      if (path.basename(String(to)) === 'library.json') counter.count++;
      return realRename(from, to);
    },
  });
  return counter;
}

const catalog = async (services: MarginServices) =>
  JSON.parse(await readFile(path.join(services.libraryDir, 'library.json'), 'utf8')) as {
    articles: { note: string; scrollPosition: number }[];
  };

describe('writes of library.json are coalesced', () => {
  it('100 edits issued within a second cause at most 12 writes, and every edit is acknowledged', async () => {
    const { services, id } = await libraryWithArticle();
    const writes = countCatalogWrites();
    const edits: Promise<unknown>[] = [];
    const started = Date.now();
    for (let i = 1; i <= 100; i++) {
      edits.push(
        services.library.updateArticle(id, { note: `note ${i}`, scrollPosition: i / 100 }),
      );
      await sleep(8);
    }
    expect(Date.now() - started).toBeLessThan(2000);
    await Promise.all(edits);
    expect(writes.count).toBeGreaterThan(0);
    expect(writes.count).toBeLessThanOrEqual(12);
    expect((await catalog(services)).articles[0]).toMatchObject({
      note: 'note 100',
      scrollPosition: 1,
    });
  });

  it('an edit followed at once by close is on disk', async () => {
    const { services, id } = await libraryWithArticle();
    await services.library.updateArticle(id, { note: 'first' }); // starts the write interval
    const edit = services.library.updateArticle(id, { note: 'written just before quitting' });
    await services.close();
    await edit;
    expect((await catalog(services)).articles[0]?.note).toBe('written just before quitting');
  });

  it('when the disk refuses a write, every edit that shared it fails and memory matches the disk', async () => {
    const { services, id } = await libraryWithArticle();
    await services.library.updateArticle(id, { note: 'saved' });
    const before = await readFile(path.join(services.libraryDir, 'library.json'), 'utf8');
    restoreFs = replaceArchiveFs({
      rename: async (from, to) => {
        if (path.basename(String(to)) === 'library.json') {
          throw fsError('ENOSPC', 'no space left on device, rename', String(to));
        }
        return realRename(from, to);
      },
    });
    const results = await Promise.allSettled([
      services.library.updateArticle(id, { note: 'lost 1' }),
      services.library.updateArticle(id, { note: 'lost 2' }),
      services.library.updateArticle(id, { favorite: true }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(
      /could not be saved: ENOSPC/,
    );
    expect(await readFile(path.join(services.libraryDir, 'library.json'), 'utf8')).toBe(before);
    const [article] = await services.library.listArticles();
    expect(article).toMatchObject({ note: 'saved', favorite: false });
  });
});
