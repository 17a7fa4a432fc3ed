/**
 * Notes out, in Chromium against the browser host on a real library: export one article (a
 * download), copy one highlight as Markdown, open a `margin://` link at its highlight, and
 * "Export all" to a folder with progress, cancel and a safe re-export. The folder is the
 * browser's origin-private file system, handed to the page where the OS folder picker would be
 * (a native dialog no test can drive); the files written there are read back as they are.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { describeRange } from '../../electron/common/anchoring/describe';
import { highlightDeepLink } from '../../electron/common/export/ids';
import type { Highlight } from '../../electron/common/model';
import { openServices } from '../../electron/core/services';
import { blockQuotes, parseExport, quoteText } from '../unit/export/support/markdown-check';
import { startHostProcess, type RunningHost } from '../support/host-process';
import { fileToImport, tempDir, textFile } from '../support/library';
import { samplePath, SAMPLE_TITLE } from '../support/paths';

const EXTRA_ARTICLES = 250;
const FAR_QUOTE = 'many Afghan security personnel fleeing to neighboring Tajikistan';

let host: RunningHost | undefined;
let ids: { article: string; early: string; far: string; otherArticle: string };

test.beforeEach(async () => {
  test.setTimeout(120_000);
  const dir = await tempDir('margin-e2e-export-');
  const { library, close } = await openServices(dir);
  try {
    const [sample] = (await library.importFiles([await fileToImport(samplePath)])).imported;
    if (!sample) throw new Error('the sample article did not import');
    const early = await library.highlightQuote(sample.id, 'could constitute war crimes', '*HRW*');
    const far = await library.highlightQuote(sample.id, FAR_QUOTE, 'far down');
    const files = Array.from({ length: EXTRA_ARTICLES }, (_, i) =>
      textFile(
        `note-${i}.txt`,
        `Article ${i}: *stars* & [brackets]\n\nPassage ${i} with <b>tags</b> and # marks.\n`,
      ),
    );
    const extra = (await library.importFiles(files)).imported;
    // One catalog write for all their highlights (one each), as a long-used library would have.
    const quote = 'with <b>tags</b> and # marks';
    const highlights: Highlight[] = [];
    for (const [index, article] of extra.entries()) {
      const text = await library.articleText(article.id);
      const start = text.indexOf(quote);
      const now = new Date().toISOString();
      highlights.push({
        id: `seeded-${index}`,
        articleId: article.id,
        selectors: describeRange(text, start, start + quote.length),
        color: 'yellow',
        note: '',
        createdAt: now,
        updatedAt: now,
      });
    }
    await library.archive.transact((doc) => {
      doc.highlights.push(...highlights);
    });
    ids = { article: sample.id, early: early.id, far: far.id, otherArticle: extra[0]?.id ?? '' };
  } finally {
    await close();
  }
  host = await startHostProcess(dir);
});
test.afterEach(async () => {
  await host?.stop();
});

/** The page's "folder picker" answers with a folder of the origin-private file system. */
async function useBrowserFolder(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.assign(window, {
      showDirectoryPicker: async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('vault', { create: true }),
    });
  });
}

/** Every file of that folder, by name. */
async function browserFolder(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('vault', { create: true });
    const out: Record<string, string> = {};
    const entries = (
      dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
    ).entries();
    for await (const [name, handle] of entries) {
      if (handle.kind === 'file')
        out[name] = await (await (handle as FileSystemFileHandle).getFile()).text();
    }
    return out;
  });
}

/** The text of each block quote, as a CommonMark parser reads the file. */
function blockQuoteTexts(markdown: string): string[] {
  return blockQuotes(parseExport(markdown).tokens).map(quoteText);
}

test('export one article, copy a highlight, and open a margin:// link at its highlight', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = highlightDeepLink(ids.article, ids.far);
  await page.goto(`${host!.url}&open=${encodeURIComponent(link)}`);
  const article = page.locator('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
  const far = article.locator(`mark[data-highlight-id="${ids.far}"]`).first();
  await expect(far).toHaveClass(/hl-flash/);
  await expect(far).toBeInViewport();
  await expect(
    article.locator(`mark[data-highlight-id="${ids.early}"]`).first(),
  ).not.toBeInViewport();
  await page.screenshot({ path: 'test-results/export-deep-link.png' });

  // A link arriving while Margin is open (the hash route the browser host listens to).
  await page.evaluate(
    (target) => (window.location.hash = `#open=${encodeURIComponent(target)}`),
    highlightDeepLink(ids.otherArticle, 'no-such-highlight'),
  );
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(
    'Article 0: *stars* & [brackets]',
  );
  await expect(page.getByText('The linked highlight is no longer in this article')).toBeVisible();
  await page.evaluate(
    (target) => (window.location.hash = `#open=${encodeURIComponent(target)}`),
    link,
  );
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
  await expect(far).toBeInViewport();

  // Copy one highlight as Markdown.
  await article.locator(`mark[data-highlight-id="${ids.early}"]`).first().click();
  await page.getByRole('button', { name: 'Copy highlight as Markdown' }).click();
  await expect(page.getByText('Highlight copied as Markdown')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(blockQuoteTexts(copied)).toEqual(['could constitute war crimes']);
  expect(copied).toContain(`(<margin://article/${ids.article}#hl-${ids.early}>)`);
  expect(copied).toMatch(/^\^hl-[a-z0-9]{8}$/m);
  expect(copied).toContain('*HRW*');

  // Export the article (a download in a browser).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export notes as Markdown' }).click();
  const markdown = await readFile((await (await download).path())!, 'utf8');
  expect(blockQuoteTexts(markdown)).toEqual(['could constitute war crimes', FAR_QUOTE]);
  expect(parseExport(markdown).frontMatter?.id).toBe(ids.article);
});

test('export all to a folder: progress, cancel, a safe re-export, and all in one file', async ({
  page,
}) => {
  const total = EXTRA_ARTICLES + 1;
  await useBrowserFolder(page);
  await page.goto(host!.url);
  await expect(
    page.getByRole('list', { name: 'Library' }).getByRole('listitem').first(),
  ).toBeVisible();

  // Record every progress message the dialog shows.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => {
      const text = document.querySelector('.export-progress [role=status]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  // Cancel: pages come slowly, so the cancel lands mid-export.
  await page.route('**/api/exportAllPage', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Export all notes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await page.screenshot({ path: 'test-results/export-dialog.png' });
  await dialog.getByRole('button', { name: 'All to a folder…' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  // The first page (200 articles) is written; the second is slow to come: cancel now.
  await expect(dialog.getByText(`Exported 200 of ${total} articles…`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText(/Export cancelled after \d+ articles/)).toBeVisible();
  const partial = await browserFolder(page);
  const partialCount = Object.keys(partial).length;
  expect(partialCount).toBeGreaterThanOrEqual(200);
  expect(partialCount).toBeLessThan(total);
  for (const text of Object.values(partial)) expect(text).toMatch(/<!-- margin:end \S+ -->\n$/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.unroute('**/api/exportAllPage');

  // The user writes in one file, outside Margin's region.
  const sampleFile = Object.keys(partial).find((name) => name.startsWith('Taliban'));
  expect(sampleFile).toBeDefined();
  await page.evaluate(async (name) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('vault');
    const handle = await dir.getFileHandle(name);
    const text = await (await handle.getFile()).text();
    const writable = await handle.createWritable();
    await writable.write(`${text}\n## My thoughts\n\nKeep *this*.\n`);
    await writable.close();
  }, sampleFile!);

  // The whole export: progress shown, then the counts.
  await page.getByRole('button', { name: 'Export all notes' }).click();
  await dialog.getByRole('button', { name: 'All to a folder…' }).click();
  await expect(
    dialog.getByText(
      `Done: ${total - partialCount} written, ${partialCount} unchanged, 0 skipped.`,
    ),
  ).toBeVisible();
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  const midway = seen.filter((text) => {
    const done = Number(/Exported (\d+) of/.exec(text)?.[1] ?? -1);
    return done > 0 && done < total;
  });
  expect(midway.length).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/export-all-done.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const full = await browserFolder(page);
  expect(Object.keys(full)).toHaveLength(total);
  expect(full[sampleFile!]).toMatch(/\n## My thoughts\n\nKeep \*this\*\.\n$/);
  for (const [name, text] of Object.entries(full)) {
    if (name.startsWith('Article'))
      expect(blockQuoteTexts(text)).toEqual(['with <b>tags</b> and # marks']);
  }

  // Again: nothing changed, nothing written.
  await page.getByRole('button', { name: 'Export all notes' }).click();
  await dialog.getByRole('button', { name: 'All to a folder…' }).click();
  await expect(dialog.getByText(`Done: 0 written, ${total} unchanged, 0 skipped.`)).toBeVisible();
  expect(await browserFolder(page)).toEqual(full);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Many articles in one Markdown file (a download).
  await page.getByRole('button', { name: 'Export all notes' }).click();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'All in one file' }).click();
  const single = await readFile((await (await download).path())!, 'utf8');
  expect(single.match(/<!-- margin:begin /g)).toHaveLength(total);
  expect(blockQuoteTexts(single)).toHaveLength(EXTRA_ARTICLES + 2);
});
