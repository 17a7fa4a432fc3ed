import { createHash } from 'node:crypto';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../electron/common/model';
import { listBackups } from '../../../electron/core/archive/backups';
import { inspectLibraryText } from '../../../electron/core/archive/library-schema';
import { migrateLibrary, type MigrationContext } from '../../../electron/core/archive/migrations';
import { verifyLibrary } from '../../../electron/core/archive/verify';
import { openServices } from '../../../electron/core/services';
import { snapshot, tempDir } from '../../support/library';
import { repoRoot } from '../../support/paths';

const fixturesDir = path.join(repoRoot, 'tests', 'fixtures', 'libraries');
type Json = Record<string, unknown>;

/** Every committed fixture library of an older format, e.g. `v1`. */
const olderFixtures = (await readdir(fixturesDir))
  .filter((name) => /^v\d+$/.test(name) && Number(name.slice(1)) < SCHEMA_VERSION)
  .sort();

async function copyOf(fixture: string): Promise<string> {
  const dir = await tempDir('margin-fixture-');
  await cp(path.join(fixturesDir, fixture), dir, { recursive: true });
  return dir;
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Json;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Hashes files of a library folder, as the real migration does. */
function contextFor(dir: string): MigrationContext {
  return {
    async hashArticleFiles(id, names) {
      const out: Record<string, string> = {};
      for (const name of names)
        out[name] = sha256(await readFile(path.join(dir, 'articles', id, name)));
      return out;
    },
  };
}

describe('schema migrations', () => {
  it('has a fixture library for every older format', () => {
    expect(olderFixtures).toEqual(
      Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => `v${i + 1}`),
    );
  });

  describe.each(olderFixtures)('the %s fixture library', (fixture) => {
    it('is upgraded on opening: every article, highlight and note kept, file hashes recorded, the old file backed up', async () => {
      const dir = await copyOf(fixture);
      const oldText = await readFile(path.join(dir, 'library.json'), 'utf8');
      const old = JSON.parse(oldText) as {
        schemaVersion: number;
        articles: Json[];
        highlights: Json[];
      };

      const services = await openServices(dir);
      expect((await services.library.getLibraryStatus()).messages).toEqual([
        `Your library was upgraded from format ${old.schemaVersion} to format ${SCHEMA_VERSION}; a copy of the previous library.json is in the backups folder.`,
      ]);
      const listed = await services.library.listArticles();
      expect(listed.map((a) => a.title).sort()).toEqual(old.articles.map((a) => a.title).sort());
      await services.close();

      const upgraded = (await readJson(path.join(dir, 'library.json'))) as {
        schemaVersion: number;
        articles: (Json & { id: string; files: Record<string, string> })[];
        highlights: Json[];
      };
      expect(upgraded.schemaVersion).toBe(SCHEMA_VERSION);
      expect(upgraded.highlights).toEqual(old.highlights);
      for (const [i, article] of upgraded.articles.entries()) {
        const { files, ...rest } = article;
        expect(rest).toEqual(old.articles[i]);
        const names = (await readdir(path.join(dir, 'articles', article.id))).sort();
        expect(Object.keys(files).sort()).toEqual(names);
        for (const name of names) {
          expect(files[name]).toBe(
            sha256(await readFile(path.join(dir, 'articles', article.id, name))),
          );
        }
      }
      const backups = await listBackups(dir);
      expect(await Promise.all(backups.map((b) => readFile(b.file, 'utf8')))).toContain(oldText);
      expect((await verifyLibrary(dir)).problems).toEqual([]);
    });

    it('keeps fields it does not know, at every level', async () => {
      const dir = await copyOf(fixture);
      const file = path.join(dir, 'library.json');
      const doc = (await readJson(file)) as Json & { articles: Json[]; highlights: Json[] };
      doc.syncState = { device: 'laptop' };
      doc.articles[0]!.readingList = 'weekend';
      doc.highlights[0]!.createdOn = 'phone';
      await writeFile(file, JSON.stringify(doc, null, 2));
      await (await openServices(dir)).close();
      const upgraded = (await readJson(file)) as Json & { articles: Json[]; highlights: Json[] };
      expect(upgraded.syncState).toEqual({ device: 'laptop' });
      expect(upgraded.articles[0]!.readingList).toBe('weekend');
      expect(upgraded.highlights[0]!.createdOn).toBe('phone');
    });

    it('migrates idempotently: running it again, or reopening, changes nothing', async () => {
      const dir = await copyOf(fixture);
      const json = await readJson(path.join(dir, 'library.json'));
      const once = await migrateLibrary(json, contextFor(dir));
      const twice = await migrateLibrary(
        structuredClone(once.doc) as unknown as Json,
        contextFor(dir),
      );
      expect(twice.doc).toEqual(once.doc);

      await (await openServices(dir)).close();
      const afterFirstOpen = await snapshot(dir);
      const reopened = await openServices(dir);
      expect((await reopened.library.getLibraryStatus()).messages).toEqual([]);
      await reopened.close();
      expect(await snapshot(dir)).toEqual(afterFirstOpen);
    });

    it('opened only to read, is upgraded in memory and nothing on disk changes', async () => {
      const dir = await copyOf(fixture);
      const before = await snapshot(dir);
      const services = await openServices(dir, { mode: 'read' });
      const [first] = await services.library.listArticles();
      expect(first).toBeDefined();
      expect((await services.library.getArticle(first!.id)).meta.files).not.toEqual({});
      await services.close();
      expect(await snapshot(dir)).toEqual(before);
    });
  });
});

describe('a library written by a newer Margin', () => {
  async function newerLibrary(extra: Json = {}): Promise<string> {
    const dir = await copyOf('v1');
    await (await openServices(dir)).close(); // now current
    const file = path.join(dir, 'library.json');
    const doc = await readJson(file);
    await writeFile(file, JSON.stringify({ ...doc, ...extra, schemaVersion: SCHEMA_VERSION + 1 }));
    return dir;
  }

  it('opens read-only with a plain message; every change is refused and nothing is rewritten', async () => {
    const dir = await newerLibrary({ collections: [{ name: 'Later' }] });
    const before = await snapshot(dir);
    const services = await openServices(dir);
    const status = await services.library.getLibraryStatus();
    expect(status.readOnly).toBe(true);
    expect(status.messages).toEqual([
      `This library was written by a newer version of Margin (format ${SCHEMA_VERSION + 1}). It is open read-only and will not be changed; update Margin to make changes.`,
    ]);
    const [article] = await services.library.listArticles();
    const content = await services.library.getArticle(article!.id);
    const highlight = content.highlights[0]!;

    const calls: [string, unknown[]][] = [
      ['importFiles', [[{ name: 'a.txt', base64: Buffer.from('T\n\nBody').toString('base64') }]]],
      ['importText', ['Title\n\nBody']],
      ['updateArticle', [article!.id, { note: 'x' }]],
      ['deleteArticle', [article!.id]],
      ['restoreArticle', [article!.id]],
      ['addHighlight', [{ articleId: article!.id, selectors: highlight.selectors }]],
      ['updateHighlight', [highlight.id, { note: 'x' }]],
      ['deleteHighlight', [highlight.id]],
    ];
    for (const [method, args] of calls) {
      expect(await services.dispatch(method, args)).toEqual({
        ok: false,
        error: {
          code: 'read-only',
          message:
            'This library was written by a newer version of Margin and is open read-only; nothing was changed.',
        },
      });
    }
    await services.close();
    expect(await snapshot(dir)).toEqual(before);
  });

  it('that this Margin cannot read at all is refused with a plain message and left as it is', async () => {
    const dir = await newerLibrary({ articles: 'moved to articles.db' });
    const before = await snapshot(dir);
    await expect(openServices(dir)).rejects.toMatchObject({
      code: 'read-only',
      message: expect.stringMatching(
        /written by a newer version of Margin .* Update Margin; nothing was changed\.$/,
      ),
    });
    expect(await snapshot(dir)).toEqual(before);
    expect(inspectLibraryText(await readFile(path.join(dir, 'library.json'), 'utf8')).kind).toBe(
      'newer',
    );
  });
});
