import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assetUrl, parseAssetUrl } from '../../../electron/common/asset-url';
import {
  readAsset,
  resolveAsset,
  sniffImage,
  writeAsset,
} from '../../../electron/core/archive/assets';
import { sha256 } from '../../../electron/core/archive/hash';
import {
  AVIF_HEAD,
  GIF_1X1,
  HOSTILE_SVG,
  JPEG_HEAD,
  PNG_1X1,
  WEBP_HEAD,
} from '../../support/images';
import { HOSTILE_NAMES } from '../../support/hostile-paths';
import { tempDir } from '../../support/library';

const ARTICLE = 'abc123def456';
const SECRET = 'top secret outside the assets folder';

let library: string;
let pngFile: string;

beforeAll(async () => {
  library = await tempDir('margin-assets-');
  pngFile = await writeAsset(library, ARTICLE, PNG_1X1, 'image/png');
  await writeFile(path.join(library, 'secret.txt'), SECRET);
});

describe('writeAsset', () => {
  it('stores an image under its SHA-256 with the type its bytes show, once', async () => {
    expect(pngFile).toBe(`${sha256(PNG_1X1)}.png`);
    expect(await writeAsset(library, ARTICLE, PNG_1X1)).toBe(pngFile);
    const dir = path.join(library, 'articles', ARTICLE, 'assets');
    expect(await readdir(dir)).toEqual([pngFile]);
    expect(await readFile(path.join(dir, pngFile))).toEqual(PNG_1X1);
    expect(assetUrl(ARTICLE, pngFile)).toBe(`margin-asset://${ARTICLE}/${pngFile}`);
  });

  it('names each supported type by its bytes, whatever type was declared', async () => {
    expect(sniffImage(PNG_1X1)).toBe('png');
    expect(sniffImage(GIF_1X1)).toBe('gif');
    expect(sniffImage(JPEG_HEAD)).toBe('jpg');
    expect(sniffImage(WEBP_HEAD)).toBe('webp');
    expect(sniffImage(AVIF_HEAD)).toBe('avif');
    expect(sniffImage(HOSTILE_SVG)).toBe('svg');
    expect(await writeAsset(library, ARTICLE, GIF_1X1, 'image/png')).toMatch(/\.gif$/);
  });

  it.each([
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>'), 'image/png'],
    ['a script', Buffer.from('alert(1)'), undefined],
    ['a PNG declared as HTML', PNG_1X1, 'text/html'],
    ['nothing', Buffer.alloc(0), 'image/png'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'image/png'],
  ])('refuses %s and writes nothing', async (_label, bytes, mime) => {
    const dir = await tempDir('margin-assets-refused-');
    await expect(writeAsset(dir, ARTICLE, bytes, mime)).rejects.toThrow(/not/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an article id that is not one', async () => {
    await expect(writeAsset(library, '../x', PNG_1X1)).rejects.toThrow(/not an article id/);
  });
});

describe('resolveAsset', () => {
  it('finds a stored image with its type', async () => {
    const found = await resolveAsset(library, ARTICLE, pngFile);
    expect(found?.mime).toBe('image/png');
    expect(await readFile(found!.path)).toEqual(PNG_1X1);
  });

  it.each(HOSTILE_NAMES)('refuses the file name %j', async (name) => {
    expect(await resolveAsset(library, ARTICLE, name)).toBeNull();
    expect((await readAsset(library, ARTICLE, name)).status).toBe(403);
  });

  it.each(['..', '.', '../articles', 'a/b', 'a%2fb', '', 'x'.repeat(65), 'a\0b'])(
    'refuses the article id %j',
    async (id) => {
      expect(await resolveAsset(library, id, pngFile)).toBeNull();
    },
  );

  it('answers 404 for a well-formed name that is not stored', async () => {
    const missing = `${'b'.repeat(64)}.png`;
    expect(await resolveAsset(library, ARTICLE, missing)).toBeNull();
    expect((await readAsset(library, ARTICLE, missing)).status).toBe(404);
    expect((await readAsset(library, 'zzz', pngFile)).status).toBe(404);
  });

  it('refuses a symlink that leads outside the library, follows one that stays inside', async () => {
    const outside = await tempDir('margin-outside-');
    await writeFile(path.join(outside, 'stolen.png'), SECRET);
    const dir = path.join(library, 'articles', ARTICLE, 'assets');
    const escaping = `${'c'.repeat(64)}.png`;
    await symlink(path.join(outside, 'stolen.png'), path.join(dir, escaping));
    expect(await resolveAsset(library, ARTICLE, escaping)).toBeNull();
    const reply = await readAsset(library, ARTICLE, escaping);
    expect(reply.status).toBe(404);
    expect(String(reply.body)).not.toContain(SECRET);

    // A whole assets folder that is a link out of the library is refused too.
    const other = 'linkedout01';
    await mkdir(path.join(library, 'articles', other));
    await mkdir(path.join(outside, 'assets'));
    await writeFile(path.join(outside, 'assets', pngFile), PNG_1X1);
    await symlink(path.join(outside, 'assets'), path.join(library, 'articles', other, 'assets'));
    expect(await resolveAsset(library, other, pngFile)).toBeNull();

    const inside = `${'d'.repeat(64)}.png`;
    await symlink(path.join(dir, pngFile), path.join(dir, inside));
    expect((await resolveAsset(library, ARTICLE, inside))?.mime).toBe('image/png');
  });

  it('refuses a folder with an asset name', async () => {
    const name = `${'e'.repeat(64)}.png`;
    await mkdir(path.join(library, 'articles', ARTICLE, 'assets', name));
    expect((await readAsset(library, ARTICLE, name)).status).toBe(404);
  });
});

describe('readAsset', () => {
  it('serves an image with its type, nosniff and a sandboxing CSP', async () => {
    const reply = await readAsset(library, ARTICLE, pngFile);
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({
      'Content-Type': 'image/png',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(reply.headers['Content-Security-Policy']).toMatch(/sandbox/);
    expect(reply.body).toEqual(PNG_1X1);
  });

  it('serves an SVG only as image/svg+xml, sandboxed', async () => {
    const svg = await writeAsset(library, ARTICLE, HOSTILE_SVG, 'image/svg+xml');
    const reply = await readAsset(library, ARTICLE, svg);
    expect(reply.headers['Content-Type']).toBe('image/svg+xml');
    expect(reply.headers['Content-Security-Policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
  });
});

describe('parseAssetUrl', () => {
  const file = `${'a'.repeat(64)}.png`;
  it('reads exactly margin-asset://<id>/<file>', () => {
    expect(parseAssetUrl(`margin-asset://${ARTICLE}/${file}`)).toEqual({
      articleId: ARTICLE,
      file,
    });
  });

  it.each([
    `margin-asset://${ARTICLE}/../${file}`,
    `margin-asset://${ARTICLE}/x/${file}`,
    `margin-asset://${ARTICLE}/${file}?q`,
    `margin-asset://${ARTICLE}/${file}#f`,
    `margin-asset://${ARTICLE}/%2e%2e%2f${file}`,
    `margin-asset:///${file}`,
    `margin-asset://${ARTICLE}:80/${file}`,
    `margin-asset://user@${ARTICLE}/${file}`,
    ` margin-asset://${ARTICLE}/${file}`,
    `MARGIN-ASSET://${ARTICLE}/${file}`,
    `https://${ARTICLE}/${file}`,
  ])('refuses %s', (url) => {
    expect(parseAssetUrl(url)).toBeNull();
  });
});
