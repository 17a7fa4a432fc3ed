import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, type RunningHost } from '../support/host-process';

const ARTICLES: Record<string, string> = {
  'kabul.txt':
    'A night in Kabul\n\nThe convoy left Kabul for Herat before dawn. Reporters described possible war crimes near the embassy.',
  'saffron.txt':
    'Saffron markets of Herat\n\nIn Herat, the saffron harvest fills the market. Crimes of war feel far away from here.',
  'ghazni.txt':
    'Ghazni after the fall\n\nGhazni fell in August. Residents of Ghazni spoke of executions; Kabul stayed silent.',
};

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

const results = (page: Page) => page.getByRole('list', { name: 'Search results' });
const titles = (page: Page) => results(page).locator('.article-title');

/** Types a query and waits for the results (or the "nothing matches" note) for it. */
async function search(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search library' });
  await box.fill(query);
  await expect(
    results(page).or(page.getByText(`Nothing in your library matches “${query}”`)),
  ).toBeVisible();
}

test('the query language through the search box: words, prefix, phrase, exclusion, OR, fields, sort, hints and help', async ({
  page,
}) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-e2e-files-'));
  const files = await Promise.all(
    Object.entries(ARTICLES).map(async ([name, text]) => {
      const file = path.join(dir, name);
      await writeFile(file, text);
      return file;
    }),
  );
  await page.goto(host.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(files);
  await expect(page.getByRole('listbox').or(page.locator('.article-list'))).toContainText(
    'Ghazni after the fall',
  );

  // Every word must match; the last one is a prefix while it is being typed; matches are marked.
  await search(page, 'residents ghaz');
  await expect(titles(page)).toHaveText(['Ghazni after the fall']);
  const marks = results(page).locator('.snippet mark');
  await expect(marks.first()).toBeVisible();
  expect(new Set((await marks.allTextContents()).map((word) => word.toLowerCase()))).toEqual(
    new Set(['residents', 'ghazni']),
  );

  // Words anywhere, ranked; the title weighs more.
  await search(page, 'herat');
  await expect(titles(page)).toHaveText(['Saffron markets of Herat', 'A night in Kabul']);

  // An exact phrase: "crimes of war" is not "war crimes".
  await search(page, '"war crimes"');
  await expect(titles(page)).toHaveText(['A night in Kabul']);
  await expect(results(page).locator('.snippet mark')).toHaveText(['war crimes']);

  await search(page, 'herat -saffron');
  await expect(titles(page)).toHaveText(['A night in Kabul']);

  await search(page, 'august OR harvest sort:title');
  await expect(titles(page)).toHaveText(['Ghazni after the fall', 'Saffron markets of Herat']);

  await search(page, 'title:herat');
  await expect(titles(page)).toHaveText(['Saffron markets of Herat']);

  await search(page, 'kabul is:unread sort:title');
  await expect(titles(page)).toHaveText(['A night in Kabul', 'Ghazni after the fall']);

  // A slip is searched as text, with a hint under the box; never an error.
  await search(page, 'is:done');
  await expect(page.getByText(/"is:" takes unread, read, favorite or archived/)).toBeVisible();
  await expect(page.getByText('Nothing in your library matches “is:done”')).toBeVisible();
  await search(page, 'kabul "night in');
  await expect(page.getByText('A quote was not closed; the phrase runs to the end.')).toBeVisible();
  await expect(titles(page)).toHaveText(['A night in Kabul']);

  // The help lists the syntax, and an example can be tried from it.
  await page.getByRole('button', { name: 'Search help' }).click();
  const help = page.getByRole('dialog', { name: 'Search syntax' });
  await expect(help).toContainText('"war crimes"');
  await expect(help).toContainText('saved:>2024-01-01');
  await expect(help).toContainText('has:highlights');
  await page.screenshot({ path: 'test-results/search-help.png' });
  await help.getByRole('button', { name: 'title:ghazni' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search library' })).toHaveValue('title:ghazni');
  await expect(titles(page)).toHaveText(['Ghazni after the fall']);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.screenshot({ path: 'test-results/search-results.png' });
});
