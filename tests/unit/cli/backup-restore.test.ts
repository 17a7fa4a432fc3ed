import { execFile } from 'node:child_process';
import { readFile, readdir, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../../electron/common/model';
import { openServices } from '../../../electron/core/services';
import { fileToImport, snapshot, tempDir, textFile } from '../../support/library';
import { samplePath } from '../../support/paths';
import { margin, marginFails } from './run-margin';

const exec = promisify(execFile);

const catalogOf = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')) as LibraryDocument;

/** Every file under `articles/`, with its bytes. */
const articleFiles = (dir: string) => snapshot(path.join(dir, 'articles'));

let source: string;
let backupFile: string;

/** A library with two articles, highlights, notes, tags, a favorite and one article in the trash. */
beforeAll(async () => {
  source = await tempDir('margin-source-');
  const services = await openServices(source);
  const { imported } = await services.library.importFiles([
    await fileToImport(samplePath),
    textFile('notes.md', '# Field notes\n\nA margin is where a book and its reader argue.'),
    textFile('gone.txt', 'Deleted article\n\nThis one is in the trash.'),
  ]);
  const [sample, notes, gone] = imported.map((a) => a.id) as [string, string, string];
  await services.library.highlightQuote(sample, 'could constitute war crimes', 'check HRW report');
  await services.library.highlightQuote(notes, 'argue', '');
  await services.library.updateArticle(sample, { note: 'Geneva angle', tags: ['law'], read: true });
  await services.library.updateArticle(notes, { favorite: true, scrollPosition: 0.5 });
  await services.library.deleteArticle(gone);
  await services.close();
  backupFile = path.join(await tempDir('margin-backups-'), 'margin-backup.tar.gz');
  const { stdout } = await margin(source, 'backup', '--out', backupFile, '--json');
  expect(JSON.parse(stdout)).toMatchObject({ articles: 3, highlights: 2, files: 9 });
});

describe('margin backup', () => {
  it('writes one .tar.gz that tar reads without Margin', async () => {
    const { stdout } = await exec('tar', ['-tzf', backupFile]);
    const entries = stdout.trim().split('\n');
    expect(entries).toContain('margin-library/library.json');
    expect(
      entries.filter((e) => /^margin-library\/articles\/[a-z0-9]+\/text\.txt$/.test(e)),
    ).toHaveLength(3);
    const out = await tempDir('margin-untar-');
    await exec('tar', ['-xzf', backupFile, '-C', out]);
    expect(await readFile(path.join(out, 'margin-library', 'library.json'), 'utf8')).toBe(
      await readFile(path.join(source, 'library.json'), 'utf8'),
    );
  });
});

describe('margin restore', () => {
  it('into an empty library round-trips exactly: verify passes, every article, highlight and note identical', async () => {
    const target = path.join(await tempDir(), 'restored');
    const plan = await margin(target, 'restore', backupFile);
    expect(plan.stdout).toMatch(/The library is empty: the backup will be restored exactly/);
    expect(plan.stdout).toMatch(/Run again with --yes to restore\.$/m);
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' }); // nothing written

    const done = JSON.parse(
      (await margin(target, 'restore', backupFile, '--yes', '--json')).stdout,
    );
    expect(done).toMatchObject({ applied: true, intoEmpty: true });
    const verify = JSON.parse((await margin(target, 'verify', '--json')).stdout);
    expect(verify).toMatchObject({ ok: true, articles: 3, highlights: 2, filesChecked: 9 });
    expect(await catalogOf(target)).toEqual(await catalogOf(source));
    expect(await articleFiles(target)).toEqual(await articleFiles(source));
  });

  it('into a library with its own articles only adds: it shows the plan first, and keeps every local change', async () => {
    const target = await tempDir('margin-target-');
    // The target shares one article with the backup (a copy made earlier), edited since.
    const copy = await openServices(target);
    await copy.close();
    await margin(target, 'restore', backupFile, '--yes');
    const local = await openServices(target);
    const [shared] = (await local.library.listArticles()).filter((a) => a.note === 'Geneva angle');
    await local.library.updateArticle(shared!.id, { note: 'my newer note' });
    const own = await local.library.importFiles([textFile('own.txt', 'Local only\n\nMine.')]);
    const sampleHighlight = (await local.library.getArticle(shared!.id)).highlights[0]!;
    await local.library.deleteHighlight(sampleHighlight.id);
    await local.close();
    const before = await snapshot(target);

    const plan = await margin(target, 'restore', backupFile);
    expect(plan.stdout).toMatch(
      /keep article .* \(differs from the backup; your library's version is kept\)/,
    );
    expect(plan.stdout).toMatch(/add 1 highlight\(s\)/);
    expect(plan.stdout).toMatch(/Nothing in your library will be deleted or overwritten\./);
    expect(await snapshot(target)).toEqual(before); // the plan changes nothing

    await margin(target, 'restore', backupFile, '--yes');
    const after = await catalogOf(target);
    const byId = new Map(after.articles.map((a) => [a.id, a]));
    expect(byId.get(shared!.id)?.note).toBe('my newer note');
    expect(byId.has(own.imported[0]!.id)).toBe(true);
    expect(after.highlights.map((h) => h.id)).toContain(sampleHighlight.id); // brought back
    expect(JSON.parse((await margin(target, 'verify', '--json')).stdout)).toMatchObject({
      ok: true,
    });
  });

  it('refuses a damaged backup file in one line and changes nothing', async () => {
    const damaged = path.join(await tempDir('margin-damaged-'), 'cut.tar.gz');
    await exec('cp', [backupFile, damaged]);
    await truncate(damaged, Math.floor((await stat(damaged)).size / 2));
    const target = await tempDir('margin-target-');
    const before = await snapshot(target);
    const failure = await marginFails(target, 'restore', damaged, '--yes');
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure.stderr).toMatch(/is not a readable Margin backup/);
    expect(await snapshot(target)).toEqual(before);
    expect(await readdir(target)).toEqual([]);
  });
});
