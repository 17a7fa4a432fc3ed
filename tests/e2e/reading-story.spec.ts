import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, type RunningHost } from '../support/host-process';
import { samplePath, SAMPLE_TITLE } from '../support/paths';

let host: RunningHost;

test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

async function importThroughPicker(page: Page, ...files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(files);
}

/** Selects the first occurrence of `text` inside the reading view, as a reader's drag would. */
async function selectInArticle(page: Page, text: string) {
  await page.locator('article .reader-body').evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(wanted);
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + wanted.length);
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
    throw new Error(`"${wanted}" is not in the article`);
  }, text);
}

test('import, find, highlight, annotate, reload, export: the reading story on the sample article', async ({
  page,
}) => {
  // A Trusted Types or CSP violation, or any other error in the page, fails the story.
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  await page.goto(host.url);
  await expect(page.getByText('Your library is empty')).toBeVisible();

  await importThroughPicker(page, samplePath);
  const library = page.getByRole('list', { name: 'Library' });
  await expect(
    library.getByRole('listitem', { name: new RegExp(`^${escape(SAMPLE_TITLE)}`) }),
  ).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search library' }).fill('ghazni');
  const results = page.getByRole('list', { name: 'Search results' });
  const hit = results.getByRole('listitem', { name: new RegExp(`^${escape(SAMPLE_TITLE)}`) });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/ghazni/i);

  await hit.click();
  const article = page.locator('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
  await expect(article).toContainText('Dawlat Abad');
  await expect(article.locator('figcaption')).toContainText('Paula Bronstein/Getty');

  await selectInArticle(page, 'could constitute war crimes');
  await page.getByRole('button', { name: 'Highlight' }).click();
  await expect(article.locator('mark.hl')).toHaveText('could constitute war crimes');
  const note = page.getByRole('textbox', { name: 'Note', exact: true });
  await expect(note).toBeFocused();
  await note.fill('check HRW report');
  await note.blur();
  await page.getByRole('searchbox', { name: 'Search library' }).fill('');
  await expect(
    library.getByRole('listitem', { name: new RegExp(`^${escape(SAMPLE_TITLE)}.*1 highlight`) }),
  ).toBeVisible();

  await page.reload();
  await expect(article.locator('mark.hl')).toHaveText('could constitute war crimes');
  await article.locator('mark.hl').click();
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue(
    'check HRW report',
  );
  // Into test-results/, never over the tracked docs/reader-highlight.png the README shows.
  await page.screenshot({ path: test.info().outputPath('reader-highlight.png') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export notes as Markdown' }).click();
  const markdown = await readFile((await (await download).path())!, 'utf8');
  expect(markdown).toContain(`# ${SAMPLE_TITLE}`);
  expect(markdown).toMatch(/^> could constitute war crimes$/m);
  expect(markdown).toContain('\ncheck HRW report\n');
  expect(pageErrors).toEqual([]);
});

test('a file that cannot be imported says why in one line and leaves the library as it was', async ({
  page,
}) => {
  await page.goto(host.url);
  await importThroughPicker(page, samplePath);
  const library = page.getByRole('list', { name: 'Library' });
  await expect(library.getByRole('listitem')).toHaveCount(1);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    {
      name: 'photo.html',
      mimeType: 'text/html',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    },
  ]);
  await expect(page.getByRole('status')).toContainText('empty.txt');
  await expect(page.getByRole('status')).toContainText('photo.html');
  await expect(library.getByRole('listitem')).toHaveCount(1);

  await importThroughPicker(page, samplePath);
  await expect(page.getByRole('status')).toContainText('already in your library');
  await expect(library.getByRole('listitem')).toHaveCount(1);
});

test('delete can be undone, and read, favorite and theme are kept', async ({ page }) => {
  await page.goto(host.url);
  await importThroughPicker(page, samplePath);
  const item = page.getByRole('list', { name: 'Library' }).getByRole('listitem').first();
  await item.hover();
  await item.getByRole('button', { name: 'Mark read' }).click();
  await item.getByRole('button', { name: 'Favorite' }).click();
  await expect(item).toHaveAccessibleName(/, read, favorite$/);

  await item.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('list', { name: 'Library' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(
    page.getByRole('list', { name: 'Library' }).getByRole('listitem').first(),
  ).toHaveAccessibleName(/, read, favorite$/);
});

test('the reader comes back to where the reader left off', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 420 });
  await page.goto(host.url);
  await importThroughPicker(page, samplePath);
  const scroller = page.locator('.reader-scroll');
  await expect(page.locator('article')).toContainText('Dawlat Abad');
  await scroller.evaluate((el) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) / 2));
  const saved = await scroller.evaluate((el) => el.scrollTop);
  await page.waitForTimeout(1000); // the position is saved shortly after scrolling stops
  await page.reload();
  await expect(page.locator('article')).toContainText('Dawlat Abad');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(saved - 30);
});

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
