import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../electron/core/archive/layout';
import { openServices } from '../../../electron/core/services';
import { snapshot, tempDir } from '../../support/library';

const T0 = new Date('2026-11-25T09:00:00Z');
const hoursLater = (h: number) => new Date(T0.getTime() + h * 3600_000);

/**
 * A library with two hourly backups: at T0 (right after the import, no note) and at T0+2h
 * (taken on opening: note "first"), then edits ("second", "third") that no backup has yet.
 */
async function libraryWithBackups(): Promise<{ dir: string; id: string }> {
  const dir = await tempDir();
  const first = await openServices(dir, { now: () => T0 });
  const { imported } = await first.library.importText('A title\n\nThe body of the article.');
  const id = imported[0]!.id;
  await first.library.updateArticle(id, { note: 'first' });
  await first.close();
  const second = await openServices(dir, { now: () => hoursLater(2) });
  await second.library.updateArticle(id, { note: 'second' });
  await second.library.updateArticle(id, { note: 'third' });
  await second.close();
  return { dir, id };
}

const libraryFile = (dir: string) => path.join(dir, 'library.json');

const DAMAGE: [string, (valid: string) => string | Buffer][] = [
  ['truncated', (valid) => valid.slice(0, Math.floor(valid.length / 2))],
  ['empty', () => ''],
  ['NUL-filled', (valid) => Buffer.alloc(valid.length)],
  ['not matching the schema', () => '{"schemaVersion":2,"articles":[{"id":"x"}],"highlights":[]}'],
];

describe('a damaged library.json', () => {
  it.each(DAMAGE)(
    'when %s, is moved aside byte for byte and the newest valid backup is loaded',
    async (_kind, damage) => {
      const { dir, id } = await libraryWithBackups();
      const damaged = damage(await readFile(libraryFile(dir), 'utf8'));
      await writeFile(libraryFile(dir), damaged);
      // A newer backup that is itself damaged must be skipped, not used.
      await writeFile(path.join(dir, 'backups', 'library-20261125T130000000Z.json'), '{"sch');

      const services = await openServices(dir, { now: () => hoursLater(5) });
      const aside = (await readdir(dir)).filter((n) => n.startsWith('library.json.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(await readFile(path.join(dir, aside[0]!))).toEqual(Buffer.from(damaged));

      const [article] = await services.library.listArticles();
      expect(article).toMatchObject({ id, note: 'first' });
      const status = await services.library.getLibraryStatus();
      expect(status.readOnly).toBe(false);
      expect(status.messages).toHaveLength(1);
      const message = status.messages[0]!;
      expect(message).toMatch(/^library\.json was damaged \(.+\); it was moved aside as /);
      expect(message).toContain(
        `moved aside as ${aside[0]} and your library was restored from the backup of ${plainDate(hoursLater(2))}. Changes made after that time are not in it.`,
      );

      // The restored library is a working one: it saves, and reopens as it was saved.
      await services.library.updateArticle(id, { note: 'after recovery' });
      await services.close();
      const reopened = await openServices(dir, { mode: 'read' });
      expect((await reopened.library.listArticles())[0]?.note).toBe('after recovery');
      expect((await reopened.library.getLibraryStatus()).messages).toEqual([]);
    },
  );

  it.each(DAMAGE)(
    'when %s and there is no backup, Margin refuses to open and changes nothing',
    async (_kind, damage) => {
      const dir = await tempDir();
      await writeFile(libraryFile(dir), damage(JSON.stringify({ schemaVersion: 2 })));
      const before = await snapshot(dir);
      await expect(openServices(dir)).rejects.toMatchObject({
        code: 'corrupt-library',
        message: expect.stringMatching(/is damaged .* no usable backup.*has not changed it/),
      });
      expect(await snapshot(dir)).toEqual(before);
    },
  );

  it('opened only to read, is shown from the backup and nothing on disk changes', async () => {
    const { dir, id } = await libraryWithBackups();
    await writeFile(libraryFile(dir), '{"schemaVersion":2,"articles":[');
    const before = await snapshot(dir);
    const services = await openServices(dir, { mode: 'read' });
    expect((await services.library.listArticles())[0]).toMatchObject({ id, note: 'first' });
    const status = await services.library.getLibraryStatus();
    expect(status.readOnly).toBe(true);
    expect(status.messages[0]).toMatch(
      /^library\.json is damaged \(it is not valid JSON\)\. Showing your library as it was at .*; nothing was changed\./,
    );
    await services.close();
    expect(await snapshot(dir)).toEqual(before);
  });

  it('that is missing while backups exist is restored from the newest one', async () => {
    const { dir, id } = await libraryWithBackups();
    await rm(libraryFile(dir));
    const services = await openServices(dir);
    expect((await services.library.listArticles())[0]).toMatchObject({ id, note: 'first' });
    expect((await services.library.getLibraryStatus()).messages[0]).toMatch(
      /^library\.json was missing; your library was restored from the backup of /,
    );
    await services.close();
    expect(JSON.parse(await readFile(libraryFile(dir), 'utf8'))).toMatchObject({
      articles: [{ id, note: 'first' }],
    });
  });
});
