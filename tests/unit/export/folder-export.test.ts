import { mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileTemplate, presetTemplate } from '../../../electron/common/export/markdown';
import type { ArticleExport } from '../../../electron/common/export/views';
import { articleToMarkdown } from '../../../electron/common/export/markdown';
import { exportToFolder } from '../../../electron/core/export/folder-export';
import { writeMarkdownFolder } from '../../../electron/core/export/write-folder';
import { highlight, meta } from './support/fixtures';
import { blockQuotes, parseExport, quoteText } from './support/markdown-check';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'margin-export-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function article(id: string, title: string, quotes: string[] = ['a quote']): ArticleExport {
  return {
    meta: meta({ id, title }),
    highlights: quotes.map((quote, index) =>
      highlight(quote, index * 100, { id: `${id}-h${index}`, articleId: id }),
    ),
  };
}

const read = (file: string): Promise<string> => readFile(path.join(dir, file), 'utf8');
const list = async (): Promise<string[]> => (await readdir(dir)).sort();
const PAST = new Date('2020-01-01T00:00:00Z');

/** Sets every file's mtime to 2020, so a rewrite is visible. */
async function age(): Promise<void> {
  for (const file of await list()) await utimes(path.join(dir, file), PAST, PAST);
}
const mtime = async (file: string): Promise<number> => (await stat(path.join(dir, file))).mtimeMs;

describe('exportToFolder', () => {
  it('writes one file per article, named after its title, numbered when titles repeat', async () => {
    const articles = [
      article('a1', 'War: crimes?'),
      article('a2', 'Same title'),
      article('a3', 'same TITLE'),
      article('a4', 'Same title'),
    ];
    const result = await exportToFolder({ dir, articles });
    expect(result).toEqual({
      written: 4,
      unchanged: 0,
      skipped: 0,
      files: ['War crimes.md', 'Same title.md', 'same TITLE (2).md', 'Same title (3).md'],
      skippedFiles: [],
    });
    expect(await list()).toEqual([
      'Same title (3).md',
      'Same title.md',
      'War crimes.md',
      'same TITLE (2).md',
    ]);
    const parsed = parseExport(await read('War crimes.md'));
    expect(parsed.frontMatter?.id).toBe('a1');
    expect(blockQuotes(parsed.tokens).map(quoteText)).toEqual(['a quote']);
  });

  it('names files identically on every run', async () => {
    const articles = [article('a1', 'T'), article('a2', 'T'), article('a3', 'x'.repeat(300))];
    const first = await exportToFolder({ dir, articles });
    const other = await mkdtemp(path.join(os.tmpdir(), 'margin-export-test-'));
    try {
      const second = await exportToFolder({ dir: other, articles });
      expect(second.files).toEqual(first.files);
      for (const file of first.files) expect(file.length).toBeLessThanOrEqual(100);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
    expect((await exportToFolder({ dir, articles })).files).toEqual(first.files);
  });

  it('rewrites nothing when nothing changed: same content, same mtime', async () => {
    const articles = [article('a1', 'One'), article('a2', 'Two')];
    await exportToFolder({ dir, articles });
    const before = await Promise.all(['One.md', 'Two.md'].map(read));
    await age();
    const result = await exportToFolder({ dir, articles });
    expect(result).toMatchObject({ written: 0, unchanged: 2, skipped: 0 });
    expect(await Promise.all(['One.md', 'Two.md'].map(read))).toEqual(before);
    expect(await mtime('One.md')).toBe(PAST.getTime());
    expect(await list()).toEqual(['One.md', 'Two.md']);
  });

  it("keeps the user's text outside the region and their own front matter keys", async () => {
    await exportToFolder({ dir, articles: [article('a1', 'One'), article('a2', 'Two')] });
    const original = await read('One.md');
    const edited = original
      .replace('highlights: 1\n', 'highlights: 1\nrating: 5 # mine\n')
      .replace('<!-- margin:begin a1 -->', 'My intro.\n\n<!-- margin:begin a1 -->')
      .replace('> a quote', '> a quote edited by hand')
      .concat('\n## My thoughts\n\nStill mine.  \n');
    await writeFile(path.join(dir, 'One.md'), edited);
    await age();

    const changed = article('a1', 'One', ['a quote', 'a new *quote*']);
    const result = await exportToFolder({ dir, articles: [changed, article('a2', 'Two')] });
    expect(result).toMatchObject({ written: 1, unchanged: 1, skipped: 0 });
    expect(await mtime('Two.md')).toBe(PAST.getTime());

    const after = await read('One.md');
    expect(after).toContain('rating: 5 # mine\n');
    expect(after).toContain('My intro.\n\n<!-- margin:begin a1 -->');
    expect(after.endsWith('<!-- margin:end a1 -->\n\n## My thoughts\n\nStill mine.  \n')).toBe(
      true,
    );
    const parsed = parseExport(after);
    expect(parsed.frontMatter?.highlights).toBe(2);
    expect(blockQuotes(parsed.tokens).map(quoteText)).toEqual(['a quote', 'a new *quote*']);

    // And again: now nothing changes.
    await age();
    expect(await exportToFolder({ dir, articles: [changed, article('a2', 'Two')] })).toMatchObject({
      written: 0,
      unchanged: 2,
    });
    expect(await mtime('One.md')).toBe(PAST.getTime());
  });

  it('finds a file the user renamed by its front matter id', async () => {
    await exportToFolder({ dir, articles: [article('a1', 'One')] });
    await rename(path.join(dir, 'One.md'), path.join(dir, 'Renamed by me.md'));
    const result = await exportToFolder({ dir, articles: [article('a1', 'One', ['new quote'])] });
    expect(result).toMatchObject({ written: 1, files: ['Renamed by me.md'] });
    expect(await list()).toEqual(['Renamed by me.md']);
    expect(await read('Renamed by me.md')).toContain('> new quote');
  });

  it('keeps the file name when the title changes in Margin', async () => {
    await exportToFolder({ dir, articles: [article('a1', 'Old title')] });
    const result = await exportToFolder({ dir, articles: [article('a1', 'New title')] });
    expect(result.files).toEqual(['Old title.md']);
    expect(parseExport(await read('Old title.md')).frontMatter?.title).toBe('New title');
  });

  it("never overwrites a file that is not Margin's", async () => {
    await writeFile(path.join(dir, 'One.md'), '# My own note called One\n');
    await writeFile(path.join(dir, 'Two.md'), Buffer.from([0xff, 0xfe, 0x00]));
    const result = await exportToFolder({
      dir,
      articles: [article('a1', 'One'), article('a2', 'two')],
    });
    expect(result.files).toEqual(['One (2).md', 'two (2).md']);
    expect(await read('One.md')).toBe('# My own note called One\n');
  });

  it('skips, and says why, a file whose markers the user removed', async () => {
    await exportToFolder({ dir, articles: [article('a1', 'One')] });
    const text = (await read('One.md')).replace(/<!-- margin:(begin|end) a1 -->\n/g, '');
    await writeFile(path.join(dir, 'One.md'), text);
    const result = await exportToFolder({ dir, articles: [article('a1', 'One', ['changed'])] });
    expect(result).toMatchObject({
      written: 0,
      skipped: 1,
      files: [],
      skippedFiles: [
        { file: 'One.md', articleId: 'a1', reason: "Margin's begin/end markers are missing" },
      ],
    });
    expect(await read('One.md')).toBe(text);
  });

  it('takes a stream of articles, reports progress, and uses the given template', async () => {
    async function* stream(): AsyncGenerator<ArticleExport> {
      for (let i = 0; i < 5; i++) yield article(`a${i}`, `Title ${i}`);
    }
    const progress: [number, number | null][] = [];
    const result = await exportToFolder({
      dir,
      articles: stream(),
      total: 5,
      template: presetTemplate('logseq'),
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.written).toBe(5);
    expect(progress.map(([done]) => done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every(([, total]) => total === 5)).toBe(true);
    expect(await read('Title 0.md')).toContain('- > a quote');
  });

  it('stops when cancelled, leaving only whole files behind', async () => {
    const controller = new AbortController();
    const articles = Array.from({ length: 200 }, (_, i) => article(`a${i}`, `Title ${i}`));
    const run = exportToFolder({
      dir,
      articles,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 20) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const files = await list();
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.length).toBeLessThan(200);
    for (const file of files) {
      expect(file).toMatch(/^Title \d+\.md$/);
      expect(await read(file)).toMatch(/<!-- margin:end a\d+ -->\n$/);
    }
  });

  it('writes an article listed twice once, and says so', async () => {
    const result = await exportToFolder({
      dir,
      articles: [article('a1', 'One'), article('a1', 'One')],
    });
    expect(result).toMatchObject({
      written: 1,
      skipped: 1,
      files: ['One.md'],
      skippedFiles: [{ file: 'One.md', articleId: 'a1', reason: 'repeated in the list' }],
    });
  });

  it('does nothing at all with an already aborted signal', async () => {
    const signal = AbortSignal.abort();
    await expect(
      exportToFolder({ dir, articles: [article('a1', 'One')], signal }),
    ).rejects.toThrow();
    expect(await list()).toEqual([]);
  });

  it('reports a bad template with its line before writing anything', () => {
    expect(() =>
      compileTemplate('# {{title}}\n\n{{#highlights}}\n> {{txt}}\n{{/highlights}}\n'),
    ).toThrow('Template error on line 4, column 3: unknown variable "txt"');
  });
});

describe('writeMarkdownFolder (export files rendered elsewhere, e.g. by exportAll)', () => {
  const file = (input: ArticleExport, fileName: string) => ({
    fileName,
    markdown: articleToMarkdown(input),
  });

  it('updates the same way: user text kept, unchanged files untouched, strangers spared', async () => {
    await writeFile(path.join(dir, 'Two.md'), 'my own note\n');
    const one = article('a1', 'One');
    expect(
      await writeMarkdownFolder(dir, [file(one, 'One.md'), file(article('a2', 'Two'), 'Two.md')]),
    ).toBe(2);
    expect(await list()).toEqual(['One.md', 'Two (2).md', 'Two.md']);
    expect(await read('Two.md')).toBe('my own note\n');

    await writeFile(path.join(dir, 'One.md'), `${await read('One.md')}\nmine\n`);
    await rename(path.join(dir, 'One.md'), path.join(dir, 'Moved.md'));
    await age();
    const changed = article('a1', 'One', ['new quote']);
    expect(
      await writeMarkdownFolder(dir, [
        file(changed, 'One.md'),
        file(article('a2', 'Two'), 'Two.md'),
      ]),
    ).toBe(2);
    expect(await mtime('Two (2).md')).toBe(PAST.getTime());
    const moved = await read('Moved.md');
    expect(moved).toContain('> new quote');
    expect(moved.endsWith('\nmine\n')).toBe(true);
  });

  it('still refuses a name that is a path', async () => {
    await expect(writeMarkdownFolder(dir, [{ fileName: '../x.md', markdown: '' }])).rejects.toThrow(
      'unsafe export file name',
    );
  });
});
