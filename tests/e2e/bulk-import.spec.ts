import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, type RunningHost } from '../support/host-process';
import { repoRoot } from '../support/paths';
import { startWebServer, type TestWebServer } from '../support/web-server';

let host: RunningHost;
let server: TestWebServer;
test.beforeEach(async () => {
  server = await startWebServer();
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
  await server.stop();
});

/** The Pocket fixture with its addresses on the local server. */
function pocketExport(): Buffer {
  const html = readFileSync(
    path.join(repoRoot, 'tests/fixtures/bulk/pocket/ril_export.html'),
    'utf8',
  );
  return Buffer.from(html.replaceAll('http://corpus.margin.test', server.origin));
}

async function chooseExport(page: Page, name: string, buffer: Buffer, source: string) {
  await page.getByRole('button', { name: 'Add from web…' }).click();
  const panel = page.getByRole('dialog', { name: 'Add from the web' });
  await panel.getByLabel('From another app').selectOption(source);
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Choose export file…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/html', buffer });
}

test('a Pocket export imports with a progress bar and counts', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await chooseExport(page, 'ril_export.html', pocketExport(), 'pocket');

  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress).toContainText('Importing Pocket export (ril_export.html)');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(progress.getByRole('status')).toHaveText('Done.', { timeout: 150_000 });
  await expect(progress.getByTestId('job-counts')).toHaveText(
    /5 of 5\s*Imported 5\s*Skipped 0\s*Failed 0\s*Waiting for network 0/,
  );
  expect(await progress.getByRole('progressbar').getAttribute('value')).toBe('5');
  const items = page.getByRole('list', { name: 'Library' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  await page.screenshot({ path: 'test-results/bulk-import-done.png' });

  // The same export again: everything is skipped, with the reason.
  await progress.getByRole('button', { name: 'Close import progress' }).click();
  await chooseExport(page, 'ril_export.html', pocketExport(), 'auto');
  await expect(progress.getByRole('status')).toHaveText('Done.', { timeout: 60_000 });
  await expect(progress.getByTestId('job-counts')).toContainText('Skipped 5');
  await progress.getByText('5 items not imported').click();
  await expect(progress.getByRole('listitem').first()).toContainText('already in your library');
  await expect(items).toHaveCount(5);
});

test('cancel stops a bulk import; what was imported stays', async ({ page }) => {
  test.setTimeout(120_000);
  const urls = [
    server.url('/pages/wordpress'),
    ...Array.from({ length: 12 }, (_, i) => server.url(`/slow?${i}`)),
  ];
  await page.goto(host.url);
  await chooseExport(page, 'reading-list.txt', Buffer.from(urls.join('\n')), 'urls');

  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress.getByTestId('job-counts')).toContainText('Imported 1', {
    timeout: 90_000,
  });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress.getByRole('status')).toHaveText('Cancelled.');
  const counts = await progress.getByTestId('job-counts').textContent();
  expect(counts).toMatch(/of 13/);
  expect(counts).not.toMatch(/13 of 13/);
  await page.screenshot({ path: 'test-results/bulk-import-cancelled.png' });
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(1);
  // Nothing more arrives after the cancel.
  await page.waitForTimeout(4000);
  await expect(progress.getByTestId('job-counts')).toHaveText(counts!);
});

/** Pastes `text` outside any text field, as Ctrl+V on the window would. */
async function paste(page: Page, text: string) {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('a pasted URL is fetched, not imported as text', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await paste(page, server.url('/redirect/2/pages/aclu'));
  const items = page.getByRole('list', { name: 'Library' }).getByRole('listitem');
  await expect(items).toHaveCount(1, { timeout: 60_000 });
  await expect(items).toContainText('Facebook Is Tracking Me Even Though I’m Not on Facebook');
  await expect(page.getByText('Imported “Facebook Is Tracking Me')).toBeVisible();
});

test('a URL saved while the server is down waits in the library and arrives with Fetch now', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await server.stop();
  await page.getByRole('button', { name: 'Add from web…' }).click();
  await page.getByLabel('Web address').fill(server.url('/pages/bbc-1'));
  await page.getByRole('button', { name: 'Fetch', exact: true }).click();
  const waiting = page.getByRole('region', { name: 'Waiting to be fetched' });
  await expect(waiting).toContainText('Waiting to be fetched (1)');
  await expect(waiting).toContainText(server.url('/pages/bbc-1'));
  await page.screenshot({ path: 'test-results/url-waiting.png' });

  await server.start();
  await waiting.getByRole('button', { name: 'Fetch now' }).click();
  await expect(waiting).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('listitem')).toContainText(
    "Obama admits US gun laws are his 'biggest frustration'",
  );
});

test('a fetched page reads with its images after the server is gone', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Add from web…' }).click();
  await page.getByLabel('Web address').fill(server.url('/with-images'));
  await page.getByRole('button', { name: 'Fetch', exact: true }).click();
  const items = page.getByRole('list', { name: 'Library' }).getByRole('listitem');
  await expect(items).toHaveCount(1, { timeout: 60_000 });
  await server.stop();

  const toServer: string[] = [];
  page.on('request', (req) => {
    if (req.url().startsWith(server.origin)) toServer.push(req.url());
  });
  await page.reload();
  await items.first().click();
  const body = page.locator('article .reader-body');
  const stored = body.getByRole('img', { name: 'The embassy in Kabul' });
  await expect(stored).toBeVisible();
  await expect
    .poll(() => stored.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(2);
  // The image the server did not have is a placeholder named by its alt text, loading nothing.
  const missing = body.getByRole('img', { name: 'A map of Ghazni province' });
  await expect(missing).toBeAttached();
  expect(await missing.getAttribute('src')).toBeNull();
  expect(toServer).toEqual([]);
  await page.screenshot({ path: 'test-results/url-images-offline.png' });
  await server.start();
});
