import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { encodeLegacy } from './legacy-encoding';
import { samplePath, webPagesDir } from './paths';

/**
 * A real HTTP server on 127.0.0.1 serving the corpus, and the awkward cases URL import must
 * handle: redirect chains, a slow answer, a 404, an oversized page, legacy character sets,
 * images, a non-HTML file. It can be stopped and started again on the same port, to play
 * "the network went away, then came back".
 */
export interface TestWebServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(pathname: string): string;
  /** Requests served so far, by path (e.g. to check images were fetched once). */
  requests: string[];
  /** The most `/images/slow/…` requests the server was answering at one time. */
  peakSlowImages(): number;
  /** Closes the port: connections are refused, as when offline. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

/** A 2×2 PNG (red, green, blue, white). */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM/////w8AH+4F+7C4l8kAAAAASUVORK5CYII=',
  'base64',
);

export const SLOW_MS = 3000;
export const HUGE_BYTES = 3 * 1024 * 1024;

export const JAPANESE_TITLE = '東京の古い喫茶店が閉店へ';
const JAPANESE_PARAGRAPHS = [
  '東京・神保町で六十年以上続いた喫茶店が、今月末で閉店することになった。常連客からは惜しむ声が相次いでいる。',
  '店主の田中さんは「体力の限界を感じた。長い間ありがとうございました」と話した。店内には古い本棚と木の椅子が並び、学生や作家に愛されてきた。',
  '最終日には記念のコーヒーが振る舞われる予定だという。近くの書店主は「街の風景が一つ消えてしまう」と寂しそうに語った。',
];

export function corpusPage(name: string): string {
  return readFileSync(path.join(webPagesDir, name, 'source.html'), 'utf8');
}

/** The sample article as an HTML page whose images are on this server (one of them missing). */
function pageWithImages(): string {
  const [title, ...paragraphs] = readFileSync(samplePath, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const body = paragraphs
    .slice(0, 8)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  body.splice(
    2,
    0,
    '<figure><img src="/images/kabul.png" alt="The embassy in Kabul"><figcaption>The embassy</figcaption></figure>',
  );
  body.splice(5, 0, '<p><img src="images/missing.png" alt="A map of Ghazni province"></p>');
  body.splice(7, 0, '<p><img src="/images/not-an-image" alt="A broken picture"></p>');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><article><h1>${title}</h1>${body.join('\n')}</article></body></html>`;
}

function japanesePage(): string {
  return `<!DOCTYPE html><html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>${JAPANESE_TITLE}</title></head><body><article><h1>${JAPANESE_TITLE}</h1>
${JAPANESE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

/** A corpus page re-encoded in windows-1252, its own charset declaration changed to match. */
function windows1252Page(name: string): Buffer {
  const html = corpusPage(name).replace(/charset=["']?utf-8["']?/gi, 'charset=windows-1252');
  return encodeLegacy(html, 'windows-1252');
}

export async function startWebServer(): Promise<TestWebServer> {
  const requests: string[] = [];
  let slowImages = 0;
  let peak = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (url.pathname.startsWith('/images/slow/')) {
      slowImages++;
      peak = Math.max(peak, slowImages);
      setTimeout(() => {
        slowImages--;
        send(res, 200, 'image/png', PNG_BYTES);
      }, 150);
      return;
    }
    route(url, res);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (pathname) => origin + pathname,
    requests,
    peakSlowImages: () => peak,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    start: () => listen(port),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function route(url: URL, res: http.ServerResponse): void {
  const p = url.pathname;
  let match: RegExpExecArray | null;
  if ((match = /^\/pages\/([\w-]+)\/?$/.exec(p))) {
    let html: string;
    try {
      html = corpusPage(match[1]!);
    } catch {
      return send(res, 404, 'text/html', '<h1>Not found</h1>');
    }
    return send(res, 200, 'text/html; charset=utf-8', html);
  }
  // /redirect/3/pages/x → 302 to /redirect/2/pages/x → … → /pages/x
  if ((match = /^\/redirect\/(\d+)(\/.*)$/.exec(p))) {
    const left = Number(match[1]);
    const target = left <= 1 ? match[2]! : `/redirect/${left - 1}${match[2]}`;
    res.writeHead(302, { Location: target });
    return void res.end();
  }
  if (p === '/loop') {
    res.writeHead(301, { Location: '/loop' });
    return void res.end();
  }
  if (p === '/slow') {
    const timer = setTimeout(() => send(res, 200, 'text/html', corpusPage('wordpress')), SLOW_MS);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  if (p === '/huge') {
    // Streamed without a Content-Length, so only counting the bytes can catch it.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.write('<!doctype html><html><head><title>Huge</title></head><body>');
    const chunk = `<p>${'All work and no play makes Jack a dull boy. '.repeat(100)}</p>\n`;
    let sent = 0;
    const pump = () => {
      while (sent < HUGE_BYTES) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('</body></html>');
    };
    res.on('error', () => undefined);
    return pump();
  }
  if (p === '/windows-1252') {
    return send(res, 200, 'text/html; charset=windows-1252', windows1252Page('guardian-1'));
  }
  if (p === '/windows-1252-meta') {
    return send(res, 200, 'text/html', windows1252Page('guardian-1'));
  }
  if (p === '/shift-jis') {
    return send(res, 200, 'text/html', encodeLegacy(japanesePage(), 'shift_jis'));
  }
  if (p === '/with-images') return send(res, 200, 'text/html; charset=utf-8', pageWithImages());
  if (p === '/with-slow-images') {
    const slow = Array.from({ length: 8 }, (_, i) => `<img src="/images/slow/${i}.png" alt="">`);
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      pageWithImages().replace('</article>', `${slow.join('')}</article>`),
    );
  }
  if (p === '/images/kabul.png') return send(res, 200, 'image/png', PNG_BYTES);
  if (p === '/images/not-an-image') return send(res, 200, 'text/html', '<p>Gotcha</p>');
  if (p === '/report.pdf') return send(res, 200, 'application/pdf', '%PDF-1.4\n%…');
  if (p === '/server-error') return send(res, 500, 'text/plain', 'Internal Server Error');
  return send(res, 404, 'text/html; charset=utf-8', '<h1>Not found</h1>');
}
