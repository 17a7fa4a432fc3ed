import { mkdir, mkdtemp, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../../electron/common/model';
import { samplePath, SAMPLE_TITLE } from '../../support/paths';
import { margin, marginFails } from './run-margin';

async function libraryWithHighlights(): Promise<{ library: string; id: string }> {
  const library = await mkdtemp(path.join(os.tmpdir(), 'margin-cli-export-'));
  const [{ id }] = JSON.parse((await margin(library, 'import', samplePath, '--json')).stdout);
  await margin(library, 'highlight', id, '--quote', 'could constitute war crimes', '--note', 'HRW');
  await margin(library, 'highlight', id, '--quote', 'Taliban');
  return { library, id };
}

const json = async (library: string, ...args: string[]) =>
  JSON.parse((await margin(library, ...args, '--json')).stdout);

// Each test runs `margin` several times as a subprocess: seconds each on a busy machine.
const SLOW = { timeout: 180_000 };

describe('margin export', () => {
  it(
    'reports written / unchanged / skipped, finds a renamed file again, keeps the user text',
    SLOW,
    async () => {
      const { library } = await libraryWithHighlights();
      const vault = path.join(library, 'vault');
      expect(await json(library, 'export', '--all', '--out', vault)).toMatchObject({
        written: 1,
        unchanged: 0,
        skipped: 0,
      });
      const [name] = await readdir(vault);
      expect(name).toMatch(/^Taliban Executions.*\.md$/);
      const mtime = (await stat(path.join(vault, name ?? ''))).mtimeMs;
      const again = await margin(library, 'export', '--all', '--out', vault);
      expect(again.stdout).toMatch(/0 written, 1 unchanged, 0 skipped/);
      expect((await stat(path.join(vault, name ?? ''))).mtimeMs).toBe(mtime);

      // Renamed, with the user's text around the managed region: found again by its id.
      const renamed = path.join(vault, 'My reading notes.md');
      await rename(path.join(vault, name ?? ''), renamed);
      await writeFile(renamed, `${await readFile(renamed, 'utf8')}\nMy own thoughts *here*.\n`);
      expect(await json(library, 'export', '--all', '--out', vault)).toMatchObject({
        written: 0,
        unchanged: 1,
      });
      expect(await readdir(vault)).toEqual(['My reading notes.md']);
      expect(await readFile(renamed, 'utf8')).toMatch(/My own thoughts \*here\*\.\n$/);

      // Markers removed by the user: skipped with its reason, not rewritten.
      const text = await readFile(renamed, 'utf8');
      await writeFile(renamed, text.replace(/<!-- margin:end [^>]*-->/, ''));
      const skipped = await json(library, 'export', '--all', '--out', vault);
      expect(skipped).toMatchObject({ written: 0, unchanged: 0, skipped: 1 });
      expect(skipped.skippedFiles[0].file).toBe('My reading notes.md');
    },
  );

  it(
    'takes a preset or a template file, and reports a template error with its line, writing nothing',
    SLOW,
    async () => {
      const { library, id } = await libraryWithHighlights();
      const logseq = await margin(library, 'export', id, '--template', 'logseq');
      expect(logseq.stdout).toMatch(/^- > could constitute war crimes$/m);

      const template = path.join(library, 'mine.md');
      await writeFile(
        template,
        '---\ntitle: {{title}}\n---\n# {{title}}\n\n{{#highlights}}\n> {{txet}}\n{{/highlights}}\n',
      );
      const vault = path.join(library, 'vault');
      const failure = await marginFails(
        library,
        'export',
        '--all',
        '--out',
        vault,
        '--template',
        template,
      );
      expect(failure.stderr).toMatch(
        /line 7, column \d+: unknown variable "txet"; nothing was written/,
      );
      expect(failure.stderr.trim().split('\n')).toHaveLength(1);
      await expect(readdir(vault)).rejects.toThrow(/ENOENT/);

      await writeFile(
        template,
        '---\ntitle: {{title}}\n---\n## {{title}}\n\n{{#highlights}}\n> {{text}}\n{{/highlights}}\n',
      );
      await json(library, 'export', '--all', '--out', vault, '--template', template);
      const [file] = await readdir(vault);
      expect(await readFile(path.join(vault, file ?? ''), 'utf8')).toContain(`## ${SAMPLE_TITLE}`);

      const unknown = await marginFails(library, 'export', id, '--template', 'roam');
      expect(unknown.stderr).toMatch(/neither obsidian, logseq nor plain/);
    },
  );

  it('writes many articles into one file, and marks orphaned highlights', SLOW, async () => {
    const { library, id } = await libraryWithHighlights();
    const second = path.join(library, 'second.txt');
    await writeFile(second, 'Second article\n\nA passage about *stars* and [brackets].\n');
    const [{ id: other }] = JSON.parse((await margin(library, 'import', second, '--json')).stdout);
    await margin(library, 'highlight', other, '--quote', 'stars* and [brackets]');

    // One highlight marked orphaned by re-anchoring, one whose passage is gone from the text.
    const catalog = path.join(library, 'library.json');
    const doc = JSON.parse(await readFile(catalog, 'utf8')) as LibraryDocument;
    const [first, secondHighlight] = doc.highlights.filter((h) => h.articleId === id);
    if (!first || !secondHighlight) throw new Error('highlights missing');
    first.orphaned = true;
    secondHighlight.selectors[0].exact = 'words this article never had';
    await writeFile(catalog, JSON.stringify(doc, null, 2));

    const out = path.join(library, 'all.md');
    const result = await json(library, 'export', '--all', '--single-file', out);
    expect(result).toEqual({ file: out, articles: 2 });
    const markdown = await readFile(out, 'utf8');
    expect(markdown.match(/<!-- margin:begin /g)).toHaveLength(2);
    expect(markdown).toContain('> stars\\* and \\[brackets\\]');
    expect(markdown).toContain('## Orphaned highlights');
    const orphans = markdown.slice(markdown.indexOf('## Orphaned highlights'));
    expect(orphans).toContain('> could constitute war crimes');
    expect(orphans).toContain('> words this article never had');
    expect(orphans).toMatch(/no longer found in the article/);

    await mkdir(path.join(library, 'sub'));
    const some = await json(
      library,
      'export',
      other,
      '--single-file',
      path.join(library, 'sub', 'one.md'),
    );
    expect(some.articles).toBe(1);
  });
});
