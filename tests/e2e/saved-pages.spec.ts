import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHostProcess, type RunningHost } from '../support/host-process';
import { webPagesDir } from '../support/paths';
import { articlePage, mhtml } from '../support/saved-pages';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

const pages = readdirSync(webPagesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

test('saved web pages import, open in the reader, and never reach the network', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const origin = new URL(host.url).origin;
  const outside: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith('data:')) outside.push(req.url());
  });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });

  await page.goto(host.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (
    await chooser
  ).setFiles(
    pages.map((name) => ({
      name: `${name}.html`,
      mimeType: 'text/html',
      buffer: readFileSync(path.join(webPagesDir, name, 'source.html')),
    })),
  );
  const items = page.getByRole('list', { name: 'Library' }).getByRole('listitem');
  await expect(items).toHaveCount(pages.length, { timeout: 120_000 });

  for (let i = 0; i < pages.length; i++) {
    await items.nth(i).click();
    const article = page.locator('article');
    await expect(article.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(article.locator('.reader-body')).not.toBeEmpty();
    expect(await article.locator('.reader-body script, .reader-body iframe').count()).toBe(0);
  }
  expect(outside).toEqual([]);
  expect(dialogs).toBe(0);
});

test('an MHTML page shows its image from the library, with no request leaving the host', async ({
  page,
}) => {
  const origin = new URL(host.url).origin;
  const outside: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(origin)) outside.push(req.url());
  });
  await page.goto(host.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  const html = articlePage(
    'The Quiet Harbour Nobody Visits',
    '<img src="https://cdn.example.org/img/photo.png" alt="Photo of the harbour">' +
      '<img src="https://cdn.example.org/img/gone.png" alt="A picture the archive lacks">',
  );
  await (
    await chooser
  ).setFiles({
    name: 'harbour.mhtml',
    mimeType: 'multipart/related',
    buffer: mhtml(Buffer.from(html, 'utf8'), 'utf-8'),
  });
  const article = page.locator('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(
    'The Quiet Harbour Nobody Visits',
  );
  const photo = article.getByRole('img', { name: 'Photo of the harbour' });
  await expect(photo).toHaveJSProperty('complete', true);
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  // The missing one is a placeholder showing its alt text, and nothing tried to fetch it.
  await expect(
    article.getByRole('img', { name: 'A picture the archive lacks' }),
  ).not.toHaveAttribute('src');
  await page.screenshot({ path: test.info().outputPath('mhtml-article.png') });
  expect(outside).toEqual([]);
});
