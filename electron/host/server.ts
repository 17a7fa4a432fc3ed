import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HOST_ASSET_PREFIX } from '../common/asset-url';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { readAsset } from '../core/archive/assets';
import type { MarginServices } from '../core/services';

const MAX_BODY_BYTES = 80 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HostServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host: the built UI and the same API as Electron's IPC, over HTTP on 127.0.0.1.
 * Every API call needs the random token; requests with a foreign Host or Origin header are
 * refused, which defeats DNS rebinding and cross-site requests. No CORS headers are ever sent.
 */
export async function startHost(opts: {
  services: MarginServices;
  rendererDir: string;
  port?: number;
  token?: string;
}): Promise<HostServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let allowedHosts = new Set<string>();
  let cookieName = 'margin-token';

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', `Internal error: ${String(error)}`);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? ''))
      return send(res, 403, 'text/plain', 'Forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, 'text/plain', 'Forbidden origin');
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname.startsWith(HOST_ASSET_PREFIX)) return serveAsset(req, res, url.pathname);
    // The page is opened with its token; the cookie lets its <img> requests carry it too.
    const cookie = tokenMatches(url.searchParams.get('token') ?? undefined, token)
      ? assetCookie(cookieName, token)
      : undefined;
    return serveStatic(res, url.pathname, cookie);
  }

  /**
   * `GET /asset/<articleId>/<file>`: an article's stored image. Images cannot send headers, so
   * the token comes in a SameSite=Strict cookie (another site's page cannot make the browser send
   * it). The path is split, never decoded: an encoded separator or dot segment is just a name
   * that is not an asset's, and is refused.
   */
  async function serveAsset(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (!tokenMatches(readCookie(req.headers.cookie, cookieName), token)) {
      return send(res, 401, 'text/plain', 'Missing or wrong token');
    }
    const parts = pathname.slice(HOST_ASSET_PREFIX.length).split('/');
    const reply =
      parts.length === 2
        ? await readAsset(opts.services.archive.dir, parts[0]!, parts[1]!)
        : { status: 403, headers: {}, body: 'Forbidden' };
    res.writeHead(reply.status, {
      'Content-Type': 'text/plain; charset=utf-8',
      ...reply.headers,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
    if (!tokenMatches(req.headers['x-margin-token'], token)) {
      return send(res, 401, 'text/plain', 'Missing or wrong token');
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'text/plain', 'Expected application/json');
    }
    let args: unknown;
    try {
      args = JSON.parse(await readBody(req));
    } catch (error) {
      return send(res, 400, 'text/plain', `Bad request: ${String(error)}`);
    }
    const response = await opts.services.dispatch(method, args);
    send(res, 200, 'application/json', JSON.stringify(response));
  }

  async function serveStatic(
    res: http.ServerResponse,
    pathname: string,
    cookie?: string,
  ): Promise<void> {
    const root = path.resolve(opts.rendererDir);
    let relative: string;
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return send(res, 400, 'text/plain', 'Bad path');
    }
    const file = path.resolve(root, '.' + relative);
    if (!file.startsWith(root + path.sep)) return send(res, 403, 'text/plain', 'Forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
    }
    send(res, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', body, cookie);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // Cookies are shared by every port of a host: the name keeps two hosts' tokens apart.
  cookieName = `margin-token-${port}`;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  cookie?: string,
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...(cookie ? { 'Set-Cookie': cookie } : {}),
  });
  res.end(body);
}

function assetCookie(name: string, token: string): string {
  return `${name}=${token}; Path=${HOST_ASSET_PREFIX}; HttpOnly; SameSite=Strict`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
