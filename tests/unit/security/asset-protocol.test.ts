import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { writeAsset } from '../../../electron/core/archive/assets';
import { HOSTILE_NAMES } from '../../support/hostile-paths';
import { HOSTILE_SVG, PNG_1X1 } from '../../support/images';
import { tempDir } from '../../support/library';

vi.mock('electron', () => ({}));
const { assetResponse } = await import('../../../electron/main/asset-protocol');

const ARTICLE = 'abc123def456';
let library: string;
let png: string;

beforeAll(async () => {
  library = await tempDir('margin-asset-protocol-');
  png = await writeAsset(library, ARTICLE, PNG_1X1);
  await writeFile(path.join(library, 'library.json'), '{"secret":true}');
  // An HTML file dropped into the assets folder by hand is never served.
  await writeFile(
    path.join(library, 'articles', ARTICLE, 'assets', 'page.html'),
    '<script>alert(1)</script>',
  );
});

const get = (url: string, method = 'GET') => assetResponse(library, new Request(url, { method }));

describe('margin-asset: protocol', () => {
  it('serves a stored image as an image, with nosniff', async () => {
    const response = await get(`margin-asset://${ARTICLE}/${png}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG_1X1);
  });

  it('serves SVG sandboxed, as image/svg+xml', async () => {
    const svg = await writeAsset(library, ARTICLE, HOSTILE_SVG);
    const response = await get(`margin-asset://${ARTICLE}/${svg}`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toMatch(/sandbox/);
  });

  it.each([
    ...HOSTILE_NAMES.filter((n) => !n.includes('\0')).map((n) => `margin-asset://${ARTICLE}/${n}`),
    `margin-asset://${ARTICLE}/page.html`,
    `margin-asset://${ARTICLE}/%2e%2e/%2e%2e/library.json`,
    `margin-asset://..%2f..%2f/${png}`,
    `margin-asset://${ARTICLE}/${png}/..%2f..%2f..%2flibrary.json`,
    `margin-asset://${ARTICLE}/assets/../../../library.json`,
    `margin-asset://nope0000/${png}`,
    `margin-asset://${ARTICLE}/${'f'.repeat(64)}.png`,
  ])('answers 403 or 404 for %s, never a file', async (url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(response.headers.get('content-type')).not.toMatch(/^image\//);
    const body = await response.text();
    expect(body).not.toContain('secret');
    expect(body).not.toContain('<script>');
  });

  it('answers only GET and HEAD', async () => {
    expect((await get(`margin-asset://${ARTICLE}/${png}`, 'POST')).status).toBe(403);
    const head = await get(`margin-asset://${ARTICLE}/${png}`, 'HEAD');
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });
});
