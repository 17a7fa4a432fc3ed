import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePage } from '../../../electron/core/import/url/charset';
import { FetchError } from '../../../electron/core/import/url/fetch-error';
import { fetchPage } from '../../../electron/core/import/url/fetch-page';
import { httpImageSource } from '../../../electron/core/import/url/http-images';
import { encodeLegacy } from '../../support/legacy-encoding';
import {
  corpusPage,
  JAPANESE_TITLE,
  PNG_BYTES,
  startWebServer,
  type TestWebServer,
} from '../../support/web-server';

let server: TestWebServer;
beforeAll(async () => {
  server = await startWebServer();
});
afterAll(async () => {
  await server.stop();
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('fetching a page over HTTP', () => {
  it('fetches a corpus page as the server sent it', async () => {
    const page = await fetchPage(server.url('/pages/guardian-1'));
    expect(page.url).toBe(server.url('/pages/guardian-1'));
    expect(page.html).toBe(corpusPage('guardian-1'));
    expect(page.encoding).toBe('utf-8');
  });

  it('follows a redirect chain and reports the final address', async () => {
    const page = await fetchPage(server.url('/redirect/3/pages/wordpress'));
    expect(page.url).toBe(server.url('/pages/wordpress'));
    expect(page.html).toBe(corpusPage('wordpress'));
  });

  it('gives up after too many redirects', async () => {
    const error = await failure(fetchPage(server.url('/redirect/9/pages/wordpress')));
    expect(error.failure).toBe('too-many-redirects');
    expect(error.message).toMatch(/redirected more than 5 times/);
    expect((await failure(fetchPage(server.url('/loop')))).failure).toBe('too-many-redirects');
  });

  it('times out on a slow server', async () => {
    const started = Date.now();
    const error = await failure(fetchPage(server.url('/slow'), { limits: { timeoutMs: 400 } }));
    expect(error.failure).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 0.4 s/);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('says a missing page was not found', async () => {
    const error = await failure(fetchPage(server.url('/no/such/page')));
    expect(error.failure).toBe('not-found');
    expect(error.message).toBe(`${server.url('/no/such/page')} was not found (HTTP 404)`);
    expect((await failure(fetchPage(server.url('/server-error')))).message).toMatch(/HTTP 500/);
  });

  it('refuses a page above the size limit without reading it all', async () => {
    const error = await failure(
      fetchPage(server.url('/huge'), { limits: { maxBytes: 1024 * 1024 } }),
    );
    expect(error.failure).toBe('too-large');
    expect(error.message).toMatch(/larger than 1 MB/);
  });

  it('refuses what is not a web page', async () => {
    const error = await failure(fetchPage(server.url('/report.pdf')));
    expect(error.failure).toBe('not-html');
    expect(error.message).toMatch(/not a web page \(it is application\/pdf\)/);
  });

  it('says when the server cannot be reached, and that is worth retrying', async () => {
    const other = await startWebServer();
    await other.stop();
    const error = await failure(fetchPage(other.url('/pages/wordpress')));
    expect(error.failure).toBe('offline');
    expect(error.retryLater).toBe(true);
    expect(error.message).toMatch(/could not be reached/);
  });

  it('refuses addresses that are not http(s), and adds https to a bare host', async () => {
    expect((await failure(fetchPage('ftp://example.com/a'))).failure).toBe('invalid-url');
    expect((await failure(fetchPage('file:///etc/passwd'))).failure).toBe('invalid-url');
    expect((await failure(fetchPage('http://'))).failure).toBe('invalid-url');
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const pending = fetchPage(server.url('/slow'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await failure(pending)).failure).toBe('cancelled');
  });
});

describe('character sets', () => {
  it('reads a windows-1252 page by its HTTP header', async () => {
    const page = await fetchPage(server.url('/windows-1252'));
    expect(page.encoding).toBe('windows-1252');
    expect(page.html).toContain('New Zealand’s whale whisperers');
    expect(page.html).not.toContain('\uFFFD');
  });

  it('reads a windows-1252 page by its <meta charset> when the header has none', async () => {
    const page = await fetchPage(server.url('/windows-1252-meta'));
    expect(page.encoding).toBe('windows-1252');
    expect(page.html).toContain('New Zealand’s whale whisperers');
  });

  it('reads a Shift_JIS page by its http-equiv declaration', async () => {
    const page = await fetchPage(server.url('/shift-jis'));
    expect(page.encoding).toBe('shift_jis');
    expect(page.html).toContain(`<title>${JAPANESE_TITLE}</title>`);
    expect(page.html).toContain('神保町で六十年以上続いた喫茶店');
  });

  it('honours a BOM over everything, GB18030 and ISO-8859-x declarations, and sniffs UTF-8', () => {
    const chinese = '<meta charset="gb18030"><p>北京的胡同正在消失</p>';
    expect(decodePage(encodeLegacy(chinese, 'gb18030'), 'text/html').text).toBe(chinese);
    const czech = '<p>Příliš žluťoučký kůň</p>';
    const latin2 = decodePage(encodeLegacy(czech, 'iso-8859-2'), 'text/html; charset=ISO-8859-2');
    expect(latin2).toEqual({ text: czech, encoding: 'iso-8859-2' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>café</p>')]);
    expect(decodePage(bom, 'text/html; charset=windows-1252').text).toBe('<p>café</p>');
    expect(decodePage(Buffer.from('<p>café</p>'), 'text/html').encoding).toBe('utf-8');
    // Node 20 decodes 0x80–0x9F of windows-1252 as control characters; Margin must not.
    const quotes = Buffer.from([0x93, 0x41, 0x94, 0x20, 0x80, 0x96]);
    expect(decodePage(quotes, 'text/html; charset=windows-1252').text).toBe('“A” €–');
    expect(decodePage(encodeLegacy('<p>café</p>', 'windows-1252'), null)).toEqual({
      text: '<p>café</p>',
      encoding: 'windows-1252',
    });
  });
});

describe('images over HTTP', () => {
  it('fetches images, and gives null for a missing one or one that is not an image', async () => {
    const images = httpImageSource();
    expect(await images(server.url('/images/kabul.png'))).toEqual({
      bytes: new Uint8Array(PNG_BYTES),
      type: 'image/png',
    });
    expect(await images(server.url('/images/missing.png'))).toBeNull();
    expect(await images(server.url('/images/not-an-image'))).toBeNull();
    expect(await images('javascript:alert(1)')).toBeNull();
    expect(images.stats).toEqual({ requested: 4, fetched: 1, failed: 3 });
  });

  it('fetches at most `concurrency` images at once', async () => {
    const images = httpImageSource({ limits: { concurrency: 2 } });
    const all = await Promise.all(
      Array.from({ length: 6 }, (_, i) => images(server.url(`/images/slow/${i}.png`))),
    );
    expect(all.every((image) => image?.type === 'image/png')).toBe(true);
    expect(server.peakSlowImages()).toBe(2);
  });

  it('refuses an image above the size limit', async () => {
    const images = httpImageSource({ limits: { maxBytes: 10 } });
    expect(await images(server.url('/images/kabul.png'))).toBeNull();
  });

  it('decodes data: images without the network', async () => {
    const images = httpImageSource();
    const uri = `data:image/png;base64,${PNG_BYTES.toString('base64')}`;
    expect((await images(uri))?.bytes.length).toBe(PNG_BYTES.length);
  });
});
