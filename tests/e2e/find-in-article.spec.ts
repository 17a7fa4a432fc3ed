import { expect, test } from '@playwright/test';
import { startHostProcess, type RunningHost } from '../support/host-process';
import { samplePath } from '../support/paths';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

test('Ctrl+F finds every match in the article, case-insensitively, and steps through them', async ({
  page,
}) => {
  await page.goto(host.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(samplePath);
  await expect(page.locator('article')).toContainText('Dawlat Abad');

  await page.locator('article').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  await find.fill('KABUL');
  // "Kabul" occurs six times in the body and its caption (the title is not part of the text).
  await expect(page.getByText('1 of 6')).toBeVisible();
  await find.press('Enter');
  await expect(page.getByText('2 of 6')).toBeVisible();
  await find.press('Shift+Enter');
  await find.press('Shift+Enter');
  await expect(page.getByText('6 of 6')).toBeVisible();
  const marked = await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...(registry.get('find-match') ?? [])].map((r) => r.toString());
  });
  expect(marked).toEqual(Array(6).fill('Kabul'));

  await find.fill('no such words here');
  await expect(page.getByText('No matches')).toBeVisible();
  await find.press('Escape');
  await expect(find).toHaveCount(0);
});
