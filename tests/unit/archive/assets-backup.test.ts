import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAsset } from '../../../electron/core/archive/assets';
import { readBackupFile, writeBackupFile } from '../../../electron/core/archive/backup-file';
import { applyRestore, planRestore } from '../../../electron/core/archive/restore';
import { verifyLibrary } from '../../../electron/core/archive/verify';
import { openServices } from '../../../electron/core/services';
import { GIF_1X1, PNG_1X1 } from '../../support/images';
import { tempDir, tempLibrary, textFile } from '../../support/library';

/** A closed library with one article that has two stored images. */
async function libraryWithImages() {
  const services = await tempLibrary();
  const { imported } = await services.library.importFiles([
    textFile('one.txt', 'An article\n\nWith pictures.'),
  ]);
  const id = imported[0]!.id;
  const files = [
    await writeAsset(services.libraryDir, id, PNG_1X1),
    await writeAsset(services.libraryDir, id, GIF_1X1),
  ];
  await services.close();
  return { dir: services.libraryDir, id, files };
}

async function backupAndRestore(dir: string) {
  const file = path.join(await tempDir('margin-backups-'), 'backup.tar.gz');
  const summary = await writeBackupFile(dir, file);
  const contents = await readBackupFile(file);
  const target = await openServices(await tempDir('margin-restored-'));
  try {
    const plan = await planRestore(contents, target.archive.data);
    await applyRestore(target.archive, contents, plan, new Date());
  } finally {
    await target.close();
  }
  return { summary, contents, target: target.libraryDir };
}

describe('backups and stored images', () => {
  it('a backup carries the images, and a restore puts them back as they were', async () => {
    const { dir, id, files } = await libraryWithImages();
    const { summary, contents, target } = await backupAndRestore(dir);
    expect(summary.files).toBe(5); // content.html, text.txt, the source, two images
    for (const file of files)
      expect(contents.files.has(`articles/${id}/assets/${file}`)).toBe(true);
    const restored = path.join(target, 'articles', id, 'assets');
    expect((await readdir(restored)).sort()).toEqual([...files].sort());
    expect(await readFile(path.join(restored, files[0]!))).toEqual(PNG_1X1);
    expect((await verifyLibrary(target)).problems).toEqual([]);
  });

  it('refuses to restore an image that does not match its name, writing nothing', async () => {
    const { dir, id, files } = await libraryWithImages();
    await writeFile(path.join(dir, 'articles', id, 'assets', files[0]!), 'changed');
    const file = path.join(await tempDir('margin-backups-'), 'backup.tar.gz');
    await writeBackupFile(dir, file);
    const contents = await readBackupFile(file);
    const target = await openServices(await tempDir('margin-restored-'));
    try {
      await expect(planRestore(contents, target.archive.data)).rejects.toThrow(
        /image of "An article" does not match its name/,
      );
      expect(await readdir(path.join(target.libraryDir, 'articles')).catch(() => [])).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
