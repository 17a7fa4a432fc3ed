import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarginServices } from '../../../electron/core/services';
import { startHost, type HostServer } from '../../../electron/host/server';
import { tempDir, tempLibrary } from '../../support/library';

let services: MarginServices;
let host: HostServer;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathname,
        method,
        headers: { Host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const api = (headers: Record<string, string>, body = '[]', method = 'POST') =>
  request(method, '/api/listArticles', { 'Content-Type': 'application/json', ...headers }, body);

beforeAll(async () => {
  services = await tempLibrary();
  const rendererDir = await tempDir('margin-renderer-');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Margin</title>');
  host = await startHost({ services, rendererDir });
});

afterAll(async () => {
  await host.close();
  await services.close();
});

describe('browser host', () => {
  it('answers an API call with its token', async () => {
    const reply = await api({ 'X-Margin-Token': host.token });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });

  it.each<[string, Record<string, string>]>([
    ['no token', {}],
    ['a wrong token', { 'X-Margin-Token': 'x'.repeat(32) }],
    ['an empty token', { 'X-Margin-Token': '' }],
    ['the token in a cookie instead', { Cookie: `margin-token-0=${'x'}` }],
  ])('refuses an API call with %s (401)', async (_label, headers) => {
    expect((await api(headers)).status).toBe(401);
  });

  it('refuses the token in the query string for API calls', async () => {
    const reply = await request(
      'POST',
      `/api/listArticles?token=${host.token}`,
      {
        'Content-Type': 'application/json',
      },
      '[]',
    );
    expect(reply.status).toBe(401);
  });

  it.each(['evil.example', 'evil.example:8080', 'attacker.test:80', '127.0.0.1', '127.0.0.2:1'])(
    'refuses a foreign Host header %j even with the token (DNS rebinding)',
    async (hostHeader) => {
      const reply = await api({ 'X-Margin-Token': host.token, Host: hostHeader });
      expect(reply.status).toBe(403);
      expect((await request('GET', '/', { Host: hostHeader })).status).toBe(403);
    },
  );

  it('accepts localhost with the right port as the Host', async () => {
    const reply = await api({ 'X-Margin-Token': host.token, Host: `localhost:${host.port}` });
    expect(reply.status).toBe(200);
  });

  it.each(['https://evil.example', 'http://evil.example', 'null', 'http://127.0.0.1:1'])(
    'refuses a cross-site Origin %s even with the token',
    async (origin) => {
      const reply = await api({ 'X-Margin-Token': host.token, Origin: origin });
      expect(reply.status).toBe(403);
    },
  );

  it('accepts its own Origin', async () => {
    const reply = await api({
      'X-Margin-Token': host.token,
      Origin: `http://127.0.0.1:${host.port}`,
    });
    expect(reply.status).toBe(200);
  });

  it('never sends CORS headers, and answers no preflight', async () => {
    const preflight = await request('OPTIONS', '/api/listArticles', {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'x-margin-token,content-type',
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    const own = await request('OPTIONS', '/api/listArticles', {
      Origin: `http://127.0.0.1:${host.port}`,
      'Access-Control-Request-Method': 'POST',
    });
    expect(own.status).toBeGreaterThanOrEqual(400);
    const ok = await api({ 'X-Margin-Token': host.token });
    for (const reply of [preflight, own, ok]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('refuses a form-style (CORS-simple) body and GET on the API', async () => {
    const form = await request(
      'POST',
      '/api/listArticles',
      { 'X-Margin-Token': host.token, 'Content-Type': 'text/plain' },
      '[]',
    );
    expect(form.status).toBe(415);
    expect((await api({ 'X-Margin-Token': host.token }, '', 'GET')).status).toBe(405);
  });

  it('listens on the loopback address only', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    const target = external?.address ?? '127.0.0.2';
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: target, port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    expect(connected).toBe(false);
  });
});
