import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { LibraryDocument } from '../../electron/common/model';
import { startHostProcess, type RunningHost } from '../support/host-process';

const V1 = [
  'Rivers of the north',
  '',
  'The Tana river floods every spring, and the valley farmers plant after the water recedes.',
  '',
  'Salmon return to the upper pools in late summer, when the nights grow cold again.',
  '',
  'A ferry crossed at the old mill until the bridge was built in 1962.',
].join('\n');

const V2 = [
  'Rivers of the north',
  '',
  'A new opening paragraph, added by the editor when the piece was revised.',
  '',
  'The Tana river floods every spring, and most valley farmers plant after the water recedes.',
  '',
  'Salmon return to the upper pools in late summer, when the nights grow cold again.',
].join('\n');

let host: RunningHost;
let files: string;

test.beforeEach(async () => {
  host = await startHostProcess();
  files = await mkdtemp(path.join(os.tmpdir(), 'margin-e2e-files-'));
  await writeFile(path.join(files, 'rivers.txt'), V1);
  await writeFile(path.join(files, 'rivers-revised.txt'), V2);
});
test.afterEach(async () => {
  await host.stop();
});

async function selectInArticle(page: Page, text: string) {
  await page.locator('article .reader-body').evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(wanted);
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + wanted.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`"${wanted}" is not in the article`);
  }, text);
  await selectionSeen(page);
}

/** The reader has taken in the selection (selectionchange is asynchronous). */
async function selectionSeen(page: Page) {
  await expect(page.getByRole('button', { name: 'Highlight', exact: true })).toBeEnabled();
}

/** The text of each highlight in the article, by highlight id (marks of one highlight joined). */
async function paintedHighlights(page: Page): Promise<string[]> {
  return page.locator('article .reader-body').evaluate((body) => {
    const byId = new Map<string, string>();
    for (const mark of body.querySelectorAll('mark[data-highlight-id]')) {
      const id = mark.getAttribute('data-highlight-id')!;
      // Only the mark's own text, not that of a highlight nested inside it.
      const own = [...mark.childNodes]
        .map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : (n.textContent ?? '')))
        .join('');
      byId.set(id, (byId.get(id) ?? '') + own);
    }
    return [...byId.values()].sort();
  });
}

async function importAndOpen(page: Page) {
  await page.goto(host.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(path.join(files, 'rivers.txt'));
  await expect(page.locator('article h1')).toHaveText('Rivers of the north');
}

test('a highlight survives an update of its article; the one whose passage is gone is an orphan with its note, re-attached by selecting text', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await importAndOpen(page);
  const article = page.locator('article');

  // h highlights the selection; n highlights and opens its note; Escape closes the note.
  await selectInArticle(page, 'valley farmers plant after the water');
  await page.keyboard.press('h');
  await expect(article.locator('mark.hl')).toHaveText('valley farmers plant after the water');
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toHaveCount(0);
  await selectInArticle(page, 'A ferry crossed at the old mill');
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: 'Note', exact: true });
  await expect(note).toBeFocused();
  await note.fill('ferry history, check the county archive');
  await note.press('Escape');
  await expect(note).toHaveCount(0);

  await page.getByTestId('update-input').setInputFiles(path.join(files, 'rivers-revised.txt'));
  await expect(page.getByText(/1 highlight\(s\) kept in place, 1 orphaned/)).toBeVisible();
  await expect(article).toContainText('A new opening paragraph');
  // Still on the right words, after a paragraph was added before it and a word inside it.
  expect(await paintedHighlights(page)).toEqual(['valley farmers plant after the water']);
  const orphans = page.getByRole('list', { name: 'Orphaned highlights' });
  await expect(orphans.getByRole('listitem')).toHaveCount(1);
  await expect(orphans).toContainText('A ferry crossed at the old mill');
  await expect(orphans).toContainText('ferry history, check the county archive');

  // Nothing was deleted from the library.
  const doc = JSON.parse(
    await readFile(path.join(host.libraryDir, 'library.json'), 'utf8'),
  ) as LibraryDocument;
  expect(doc.highlights).toHaveLength(2);
  expect(doc.highlights.filter((h) => h.orphaned)).toHaveLength(1);

  // Re-attach the orphan to new text.
  const reattach = orphans.getByRole('button', { name: 'Re-attach here' });
  await expect(reattach).toBeDisabled();
  await selectInArticle(page, 'added by the editor');
  await reattach.click();
  await expect(page.getByRole('list', { name: 'Orphaned highlights' })).toHaveCount(0);
  expect(await paintedHighlights(page)).toEqual([
    'added by the editor',
    'valley farmers plant after the water',
  ]);
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue(
    'ferry history, check the county archive',
  );

  // Importing the new copy again offers to update the article from it.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(path.join(files, 'rivers-revised.txt'));
  await page.getByRole('button', { name: 'Update it from this copy' }).click();
  await expect(
    page.getByText(/Updated “Rivers of the north”: 2 highlight\(s\) in place, 0 orphaned/),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('overlapping highlights stay distinct, across emphasis, links and list items, and are reachable with the keyboard', async ({
  page,
}) => {
  await writeFile(
    path.join(files, 'nested.md'),
    '# Nested\n\nThe *quick brown* fox [jumps over](https://example.org) the lazy dog.\n\n- first item of the list\n- second item of the list\n',
  );
  await page.goto(host.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(path.join(files, 'nested.md'));
  await expect(page.locator('article h1')).toHaveText('Nested');

  await page.locator('article .reader-body').evaluate((body) => {
    // From inside the emphasis to inside the link.
    const em = body.querySelector('em')!.firstChild as Text;
    const link = body.querySelector('a')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(em, 6);
    range.setEnd(link, 5);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await selectionSeen(page);
  await page.keyboard.press('h');
  const painted = () =>
    page.locator('article .reader-body').evaluate((body) => {
      const ids = new Set<string>();
      for (const mark of body.querySelectorAll('mark[data-highlight-id]')) {
        ids.add(mark.getAttribute('data-highlight-id')!);
      }
      return ids.size;
    });
  await expect.poll(painted).toBe(1);
  await page.locator('article .reader-body').evaluate((body) => {
    // Overlapping the first one, from the link into the second list item.
    const link = body.querySelector('a mark')!.firstChild as Text;
    const second = body.querySelectorAll('li')[1]!.lastChild as Text;
    const range = document.createRange();
    range.setStart(link, 0);
    range.setEnd(second, 6);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await selectionSeen(page);
  await page.keyboard.press('h');
  await expect.poll(painted).toBe(2);
  // The second one is nested inside the first where they overlap, not merged with it.
  await expect(page.locator('article mark mark')).toHaveText('jumps');
  await expect(page.locator('.notes-panel .highlight-list > li')).toHaveCount(2);

  // Tab reaches each highlight; Enter opens its note.
  await page.locator('article h1').click();
  const first = page.getByRole('button', { name: /^Highlight: brown fox/ });
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await first.focus();
  await page.keyboard.press('Tab'); // the link
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('button', { name: /^Highlight: jumps over the lazy dog/ }),
  ).toBeFocused();
});

test('the notebook lists every highlight, filters them, and jumps to one; the review keeps, favorites and dismisses', async ({
  page,
}) => {
  await importAndOpen(page);
  await selectInArticle(page, 'valley farmers plant');
  await page.keyboard.press('h');
  // The reader repaints its marks after each new highlight: select again only once it has.
  await expect(page.locator('article mark', { hasText: 'valley farmers plant' })).toHaveCount(1);
  await selectInArticle(page, 'upper pools in late summer');
  await page.keyboard.press('n');
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('salmon run');
  await page.getByRole('button', { name: 'Color blue' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toHaveCount(0);
  await selectInArticle(page, 'A ferry crossed');
  await page.keyboard.press('h');

  await page.getByRole('button', { name: 'Notebook' }).click();
  const list = page.getByRole('list', { name: 'Notebook highlights' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await page.getByRole('searchbox').last().fill('SALMON');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('searchbox').last().fill('');
  await page.getByLabel('Color', { exact: false }).last().selectOption('blue');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('upper pools in late summer');

  // The meaning of blue becomes a tag in export.
  const meaning = page.getByRole('textbox', { name: 'Meaning of blue' });
  await meaning.fill('nature notes');
  await meaning.press('Enter');
  await expect
    .poll(async () => {
      const doc = JSON.parse(
        await readFile(path.join(host.libraryDir, 'library.json'), 'utf8'),
      ) as LibraryDocument;
      return doc.settings?.colorMeanings.blue;
    })
    .toBe('nature notes');

  await list.getByRole('button', { name: /upper pools in late summer/ }).click();
  const mark = page.locator('article mark.hl-blue');
  await expect(mark).toHaveText('upper pools in late summer');
  await expect(mark).toBeInViewport();

  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('list', { name: 'Highlights to review' });
  await expect(review.getByRole('listitem')).toHaveCount(3);
  await review.getByRole('listitem').nth(0).getByRole('button', { name: 'Keep' }).click();
  await expect(review.getByRole('listitem')).toHaveCount(2);
  await review.getByRole('listitem').nth(0).getByRole('button', { name: 'Favorite' }).click();
  await expect(review.getByRole('listitem')).toHaveCount(1);
  await review.getByRole('listitem').nth(0).getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('Nothing to review today')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('Nothing to review today')).toBeVisible();
  const doc = JSON.parse(
    await readFile(path.join(host.libraryDir, 'library.json'), 'utf8'),
  ) as LibraryDocument;
  expect(doc.highlights.filter((h) => h.review?.dismissed)).toHaveLength(1);
  expect(doc.highlights.filter((h) => h.favorite)).toHaveLength(1);
  expect(doc.highlights.every((h) => h.review)).toBe(true);
});
