import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { assetUrl, writeAsset } from '../../electron/core/archive/assets';
import { startHostProcess, type RunningHost } from '../support/host-process';
import { PNG_1X1 } from '../support/images';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

async function importPage(page: Page, name: string, html: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/html', buffer: Buffer.from(html) });
}

const PROSE =
  '<p>Links in a saved page are the page’s, not Margin’s: they open outside, if at all.</p>';

async function articleIds(): Promise<{ id: string; title: string }[]> {
  const url = new URL(host.url);
  const response = await fetch(`${url.origin}/api/listArticles`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Margin-Token': url.searchParams.get('token')!,
    },
    body: '[]',
  });
  return ((await response.json()) as { value: { id: string; title: string }[] }).value;
}

test('article links open outside only on a user click, and only for http(s)', async ({
  page,
  context,
}) => {
  // window.open is how the browser host hands a link to the system browser: record it.
  await page.addInitScript(() => {
    const opened: string[] = [];
    (window as unknown as { __opened: string[] }).__opened = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  const popups: string[] = [];
  context.on('page', (p) => popups.push(p.url()));
  await page.goto(host.url);
  await importPage(
    page,
    'links.html',
    `<title>Links</title><article><h1>Links</h1>${PROSE}<p><a href="https://example.com/a">web link</a>
     <a href="mailto:someone@example.com">mail link</a> <a href="notes.html">relative link</a></p>${PROSE}</article>`,
  );
  const body = page.locator('article .reader-body');
  await expect(body.getByText('web link')).toBeVisible();
  // Links the importer would never keep, put into the page as if one had slipped through.
  await body.evaluate((el) => {
    const hrefs: Record<string, string> = {
      'file link': 'file:///etc/passwd',
      'javascript link': 'javascript:window.__xss=1,alert(1)',
      'smb link': 'smb://attacker.example/share',
      'custom scheme link': 'ms-msdt:/id PCWDiagnostic',
      'margin link': 'margin://article/x',
      'credentials link': 'https://user:secret@example.com/',
    };
    const p = document.createElement('p');
    for (const [text, href] of Object.entries(hrefs)) {
      const a = document.createElement('a');
      a.setAttribute('href', href);
      a.textContent = text;
      p.append(a, ' ');
    }
    el.append(p);
  });
  const before = page.url();
  const opened = () => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);

  for (const name of [
    'mail link',
    'relative link',
    'file link',
    'javascript link',
    'smb link',
    'custom scheme link',
    'margin link',
    'credentials link',
  ]) {
    await body.getByText(name).click();
  }
  expect(await opened()).toEqual([]);
  // A script's click is not the user's.
  await body.getByText('web link').evaluate((a) => (a as HTMLAnchorElement).click());
  expect(await opened()).toEqual([]);

  await body.getByText('web link').click();
  expect(await opened()).toEqual(['https://example.com/a']);
  expect(page.url()).toBe(before);
  expect(popups).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
  ).toBeUndefined();
});

test('a stored image shows from the library, through the host’s asset route, and nothing else is fetched', async ({
  page,
}) => {
  const origin = new URL(host.url).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(host.url);
  await importPage(
    page,
    'figure.html',
    `<title>Figure</title><article><h1>Figure</h1>${PROSE}<p>See below.</p>${PROSE}</article>`,
  );
  await expect(page.locator('article .reader-body')).toContainText('See below.');

  // What an importer that stores images leaves on disk: the image, and content.html showing it.
  const [article] = await articleIds();
  const file = await writeAsset(host.libraryDir, article!.id, PNG_1X1, 'image/png');
  await writeFile(
    path.join(host.libraryDir, 'articles', article!.id, 'content.html'),
    `<p>See below.</p><figure><img src="${assetUrl(article!.id, file)}" alt="stored figure">` +
      `<img src="https://evil.example/remote.png" alt="remote figure"></figure>`,
  );
  await page.reload();
  const img = page.getByRole('img', { name: 'stored figure' });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  expect(await img.getAttribute('src')).toBe(`./asset/${article!.id}/${file}`);
  expect(await page.getByRole('img', { name: 'remote figure' }).getAttribute('src')).toBeNull();
  expect(requests).toContain(`${origin}/asset/${article!.id}/${file}`);
  expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
});
