import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAsset } from '../../../electron/core/archive/assets';
import type { MarginServices } from '../../../electron/core/services';
import { startHost, type HostServer } from '../../../electron/host/server';
import { HOSTILE_NAMES } from '../../support/hostile-paths';
import { PNG_1X1 } from '../../support/images';
import { tempDir, tempLibrary } from '../../support/library';

let services: MarginServices;
let host: HostServer;
let png: string;
let cookie: string;
const ARTICLE = 'abc123def456';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Raw HTTP, so the path goes out exactly as written (fetch would normalize it). */
function request(
  pathAndQuery: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathAndQuery,
        method,
        headers: { Host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  services = await tempLibrary();
  const rendererDir = await tempDir('margin-renderer-');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Margin</title>');
  host = await startHost({ services, rendererDir });
  png = await writeAsset(services.archive.dir, ARTICLE, PNG_1X1);
  const page = await request(`/?token=${host.token}`);
  const setCookie = page.headers['set-cookie']?.[0] ?? '';
  cookie = setCookie.split(';')[0]!;
});

afterAll(async () => {
  await host.close();
  await services.close();
});

describe('browser host: stored images', () => {
  it('sets the token cookie only for a page opened with the right token, HttpOnly and SameSite=Strict', async () => {
    const page = await request(`/?token=${host.token}`);
    expect(page.headers['set-cookie']?.[0]).toMatch(
      new RegExp(
        `^margin-token-${host.port}=${host.token}; Path=/asset/; HttpOnly; SameSite=Strict$`,
      ),
    );
    expect((await request('/?token=wrong')).headers['set-cookie']).toBeUndefined();
    expect((await request('/')).headers['set-cookie']).toBeUndefined();
  });

  it('serves an image with the cookie, as an image with nosniff', async () => {
    const reply = await request(`/asset/${ARTICLE}/${png}`, { Cookie: cookie });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/png');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.body).toEqual(PNG_1X1);
  });

  it('refuses an image without the token, with a wrong one, or for a foreign Host', async () => {
    const url = `/asset/${ARTICLE}/${png}`;
    expect((await request(url)).status).toBe(401);
    expect((await request(url, { Cookie: `margin-token-${host.port}=nope` })).status).toBe(401);
    expect((await request(`${url}?token=${host.token}`)).status).toBe(401);
    expect((await request(url, { Cookie: cookie, Host: 'evil.example' })).status).toBe(403);
    expect((await request(url, { Cookie: cookie, Host: `evil.example:${host.port}` })).status).toBe(
      403,
    );
  });

  it.each([
    ...HOSTILE_NAMES.filter((n) => !/[\0\\ ]/.test(n) && !n.includes('?')).map(
      (n) => `/asset/${ARTICLE}/${n}`,
    ),
    `/asset/${ARTICLE}/..%2f..%2f..%2flibrary.json`,
    `/asset/${ARTICLE}/%2e%2e%2f%2e%2e%2flibrary.json`,
    `/asset/${ARTICLE}/..%5c..%5clibrary.json`,
    `/asset/..%2f..%2f/${png}`,
    `/asset/../library.json`,
    `/asset/${ARTICLE}/../../library.json`,
    `/asset/${ARTICLE}`,
    `/asset/${ARTICLE}/${png}/extra`,
    `/asset/${ARTICLE}/${'f'.repeat(64)}.png`,
    `/asset/%2e%2e/${png}`,
  ])('answers 403 or 404 for %s', async (url) => {
    const reply = await request(url, { Cookie: cookie });
    expect([403, 404]).toContain(reply.status);
    expect(reply.headers['content-type']).not.toMatch(/^image\//);
    expect(reply.body.toString()).not.toContain('schemaVersion');
  });
});
