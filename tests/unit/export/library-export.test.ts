import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarginServices } from '../../../electron/core/services';
import {
  exportFilesPage,
  exportLibraryToFolder,
} from '../../../electron/core/export/library-export';
import { writeMarkdownFolder } from '../../../electron/core/export/write-folder';
import { tempDir, tempLibrary, textFile } from '../../support/library';
import { blockQuotes, parseExport, quoteText } from './support/markdown-check';

let services: MarginServices | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});

/** A real library: articles with the same title, one highlight each, one without any. */
async function seeded(count: number): Promise<MarginServices> {
  services = await tempLibrary();
  const files = Array.from({ length: count }, (_, i) =>
    textFile(`a${i}.txt`, `${i % 2 === 0 ? 'Same title' : `Title ${i}`}\n\nPassage *${i}* here.\n`),
  );
  files.push(textFile('bare.txt', 'No notes\n\nNothing highlighted.\n'));
  for (const article of (await services.library.importFiles(files)).imported) {
    if (article.title !== 'No notes') await services.library.highlightQuote(article.id, 'here.');
  }
  return services;
}

describe('library export', () => {
  it('pages give the same files as one call; a folder export numbers repeated titles alike', async () => {
    const { library } = await seeded(7);
    const all = await library.exportAll();
    expect(all).toHaveLength(7);
    const paged = [];
    for (let start = 0; start < 7; start += 3) {
      const page = await exportFilesPage(library, start, 3);
      expect(page.total).toBe(7);
      paged.push(...page.files);
    }
    expect(paged.map((f) => f.markdown)).toEqual(all.map((f) => f.markdown));
    expect(new Set(all.map((f) => f.fileName.toLowerCase())).size).toBe(7);
    expect(all.map((f) => f.fileName)).toContain('Same title (2).md');
    // Pages leave numbering to the folder, which ends with exactly exportAll's names.
    expect(paged.filter((f) => f.fileName === 'Same title.md')).toHaveLength(4);
    const dir = path.join(await tempDir(), 'vault');
    await writeMarkdownFolder(dir, paged);
    expect((await readdir(dir)).sort()).toEqual(all.map((f) => f.fileName).sort());
  });

  it('copies one highlight, and marks it orphaned when the library says so', async () => {
    const { library, archive } = await seeded(1);
    const [highlight] = archive.data.highlights;
    if (!highlight) throw new Error('no highlight');
    const copied = await library.exportHighlight(highlight.id);
    expect(blockQuotes(parseExport(copied).tokens).map(quoteText)).toEqual(['here.']);
    expect(copied).not.toMatch(/orphan/i);
    await archive.transact((doc) => {
      const stored = doc.highlights.find((h) => h.id === highlight.id);
      if (stored) stored.orphaned = true;
    });
    expect(await library.exportHighlight(highlight.id)).toMatch(/orphaned: no longer found/);
    const file = await library.exportArticle(highlight.articleId);
    expect(file.markdown).toContain('## Orphaned highlights');
    await expect(library.exportHighlight('nope')).rejects.toThrow(/No highlight with id nope/);
  });

  it('exports the library to a folder with progress, and stops when cancelled', async () => {
    const { library } = await seeded(30);
    const dir = path.join(await tempDir(), 'vault');
    const progress: number[] = [];
    const result = await exportLibraryToFolder(library, {
      dir,
      onProgress: (done, total) => {
        expect(total).toBe(30);
        progress.push(done);
      },
    });
    expect(result).toMatchObject({ written: 30, unchanged: 0, skipped: 0 });
    expect(progress.at(-1)).toBe(30);

    const other = path.join(await tempDir(), 'vault');
    const controller = new AbortController();
    await expect(
      exportLibraryToFolder(library, {
        dir: other,
        signal: controller.signal,
        onProgress: (done) => done === 10 && controller.abort(),
      }),
    ).rejects.toThrow();
    const written = await readdir(other);
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(written.length).toBeLessThan(30);
    expect(written.every((name) => name.endsWith('.md'))).toBe(true);
  });
});
