import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairLibrary } from '../../../electron/core/archive/repair';
import { verifyLibrary } from '../../../electron/core/archive/verify';
import { snapshot, tempDir, tempLibrary } from '../../support/library';

/** A closed library with two articles, a highlight and a note. */
async function sampleLibrary(): Promise<{ dir: string; ids: string[] }> {
  const services = await tempLibrary();
  const { imported } = await services.library.importFiles([
    { name: 'one.txt', base64: Buffer.from('First article\n\nIt has a body.').toString('base64') },
    { name: 'two.md', base64: Buffer.from('# Second article\n\nAnother body.').toString('base64') },
  ]);
  const ids = imported.map((a) => a.id);
  await services.library.highlightQuote(ids[0]!, 'has a body', 'a note');
  await services.close();
  return { dir: services.libraryDir, ids };
}

describe('verify', () => {
  it('finds nothing wrong with a sound library, and says what it checked', async () => {
    const { dir } = await sampleLibrary();
    const report = await verifyLibrary(dir);
    expect(report).toMatchObject({
      ok: true,
      schemaVersion: 2,
      articles: 2,
      highlights: 1,
      filesChecked: 6,
      problems: [],
    });
  });

  it('reports a changed file, a missing file, an orphan highlight and strays, one line each', async () => {
    const { dir, ids } = await sampleLibrary();
    const [a, b] = ids as [string, string];
    await writeFile(path.join(dir, 'articles', a, 'text.txt'), 'changed behind Margin’s back');
    await rm(path.join(dir, 'articles', b, 'content.html'));
    await writeFile(path.join(dir, '.library.json.0123456789ab.tmp'), '{"half":');
    await mkdir(path.join(dir, 'articles', 'interrupted01'));
    await writeFile(path.join(dir, 'articles', 'interrupted01', 'content.html'), '<p>x</p>');
    const catalog = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')) as {
      highlights: { articleId: string; id: string }[];
    };
    catalog.highlights.push({ ...catalog.highlights[0]!, id: 'orphan1', articleId: 'gone' });
    await writeFile(path.join(dir, 'library.json'), JSON.stringify(catalog));

    const report = await verifyLibrary(dir);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.path, p.repairable])).toEqual(
      expect.arrayContaining([
        ['file-damaged', `articles/${a}/text.txt`, false],
        ['file-missing', `articles/${b}/content.html`, false],
        ['orphan-highlight', 'library.json', false],
        ['stray-temp-file', '.library.json.0123456789ab.tmp', true],
        ['stray-article-folder', 'articles/interrupted01', true],
      ]),
    );
    expect(report.problems).toHaveLength(5);
    for (const p of report.problems) expect(p.message).not.toContain('\n');
  });

  it('changes nothing, even on a damaged library', async () => {
    const { dir } = await sampleLibrary();
    await writeFile(path.join(dir, 'library.json'), '\0\0\0');
    const before = await snapshot(dir);
    const report = await verifyLibrary(dir);
    expect(report.problems).toMatchObject([
      { kind: 'library-damaged', repairable: true, message: expect.stringMatching(/backup/) },
    ]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('says when there is no library at all', async () => {
    const report = await verifyLibrary(path.join(await tempDir(), 'nothing-here'));
    expect(report.problems).toMatchObject([{ kind: 'no-library' }]);
  });
});

describe('verify --repair', () => {
  it('moves strays into lost+found without deleting anything, and leaves what it cannot fix reported', async () => {
    const { dir, ids } = await sampleLibrary();
    await writeFile(path.join(dir, 'articles', ids[0]!, 'text.txt'), 'edited by hand');
    await writeFile(path.join(dir, 'articles', ids[1]!, '.text.txt.aaaaaaaaaaaa.tmp'), 'half');
    await mkdir(path.join(dir, 'articles', 'interrupted01'));
    await writeFile(path.join(dir, 'articles', 'interrupted01', 'source.txt'), 'user bytes');

    const result = await repairLibrary(dir, { now: () => new Date('2026-11-25T14:00:00Z') });
    const stamp = '20261125T140000000Z';
    expect([...result.actions].sort()).toEqual(
      [
        `Moved articles/${ids[1]}/.text.txt.aaaaaaaaaaaa.tmp to lost+found/${stamp}/articles/${ids[1]}/.text.txt.aaaaaaaaaaaa.tmp.`,
        `Moved articles/interrupted01 to lost+found/${stamp}/articles/interrupted01.`,
      ].sort(),
    );
    expect(
      await readFile(
        path.join(dir, 'lost+found', stamp, 'articles', 'interrupted01', 'source.txt'),
        'utf8',
      ),
    ).toBe('user bytes');
    expect(result.after.problems.map((p) => p.kind)).toEqual(['file-damaged']);
    // The hand-edited file is still there, as the user left it.
    expect(await readFile(path.join(dir, 'articles', ids[0]!, 'text.txt'), 'utf8')).toBe(
      'edited by hand',
    );
  });

  it('restores a damaged library.json from the newest backup, keeping the damaged one aside', async () => {
    const { dir } = await sampleLibrary();
    await writeFile(path.join(dir, 'library.json'), '{"schemaVersion":2,"arti');
    const result = await repairLibrary(dir);
    expect(result.actions[0]).toMatch(/^library\.json was damaged .* restored from the backup of/);
    expect(result.after.ok).toBe(true);
    expect((await readdir(dir)).some((n) => n.startsWith('library.json.corrupt-'))).toBe(true);
  });
});
