import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetUrl, writeAsset } from '../../../electron/core/archive/assets';
import { sha256 } from '../../../electron/core/archive/hash';
import { repairLibrary } from '../../../electron/core/archive/repair';
import { verifyLibrary } from '../../../electron/core/archive/verify';
import { GIF_1X1, PNG_1X1 } from '../../support/images';
import { tempLibrary } from '../../support/library';

/** A closed library with one article whose content.html shows two stored images. */
async function libraryWithImages() {
  const services = await tempLibrary();
  const { imported } = await services.library.importFiles([
    { name: 'one.txt', base64: Buffer.from('An article\n\nWith pictures.').toString('base64') },
  ]);
  const id = imported[0]!.id;
  const dir = services.libraryDir;
  const png = await writeAsset(dir, id, PNG_1X1);
  const gif = await writeAsset(dir, id, GIF_1X1);
  const html = `<p>With pictures.</p><img src="${assetUrl(id, png)}"><img src="${assetUrl(id, gif)}">`;
  await services.close();
  // Rewrite content.html and its recorded hash, as an importer that stores images would.
  await writeFile(path.join(dir, 'articles', id, 'content.html'), html);
  const catalog = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')) as {
    articles: { id: string; files: Record<string, string> }[];
  };
  catalog.articles[0]!.files['content.html'] = sha256(html);
  await writeFile(path.join(dir, 'library.json'), JSON.stringify(catalog));
  return { dir, id, png, gif, assets: path.join(dir, 'articles', id, 'assets') };
}

describe('verify and stored images', () => {
  it('accepts stored images and checks each against the hash in its name', async () => {
    const { dir } = await libraryWithImages();
    const report = await verifyLibrary(dir);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    // content.html, text.txt, the source file, and the two images.
    expect(report.filesChecked).toBe(5);
  });

  it('reports a changed image, a missing one, and strays in assets/', async () => {
    const { dir, id, png, gif, assets } = await libraryWithImages();
    await writeFile(path.join(assets, png), 'not the same bytes');
    await rm(path.join(assets, gif));
    await writeFile(path.join(assets, 'page.html'), '<script>alert(1)</script>');
    await writeFile(path.join(assets, `.${png}.0123456789ab.tmp`), 'half');
    const rel = `articles/${id}/assets`;
    const report = await verifyLibrary(dir);
    expect(report.problems.map((p) => [p.kind, p.path, p.repairable])).toEqual(
      expect.arrayContaining([
        ['file-damaged', `${rel}/${png}`, false],
        ['file-missing', `${rel}/${gif}`, false],
        ['stray-asset', `${rel}/page.html`, true],
        ['stray-temp-file', `${rel}/.${png}.0123456789ab.tmp`, true],
      ]),
    );
    expect(report.problems).toHaveLength(4);

    const repaired = await repairLibrary(dir);
    expect(repaired.actions.join('\n')).toContain(`${rel}/page.html`);
    expect(repaired.after.problems.map((p) => p.kind).sort()).toEqual([
      'file-damaged',
      'file-missing',
    ]);
  });
});
