import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { margin } from '../cli/run-margin';
import { PNG_1X1, articlePage } from '../../support/saved-pages';

describe('margin import page.html', () => {
  it('picks up the page_files/ folder saved next to the page', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-saved-page-'));
    const library = path.join(dir, 'library');
    await mkdir(path.join(dir, 'page_files', 'img'), { recursive: true });
    await writeFile(
      path.join(dir, 'page.html'),
      articlePage(
        'The Quiet Harbour Nobody Visits',
        '<img src="page_files/img/boat.png" alt="Boat">',
      ),
    );
    await writeFile(path.join(dir, 'page_files', 'img', 'boat.png'), PNG_1X1);

    const imported = JSON.parse(
      (await margin(library, 'import', path.join(dir, 'page.html'), '--json')).stdout,
    );
    expect(imported).toEqual([
      { id: expect.any(String), title: 'The Quiet Harbour Nobody Visits' },
    ]);
    const assets = await readdir(path.join(library, 'articles', imported[0].id, 'assets'));
    expect(assets).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.png$/)]);
  }, 60_000);
});
