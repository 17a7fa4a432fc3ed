import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshot, tempDir } from '../../support/library';
import { margin, marginFails } from './run-margin';

describe('margin import with bad input', () => {
  it.each([
    ['a 500 MB', 500],
    // Larger than Node can read into memory at all: the same reason proves nothing was read.
    ['an 8 GB', 8 * 1024],
  ])(
    'refuses %s file from its size alone, before reading it, and changes nothing',
    async (_label, mb) => {
      const library = await tempDir();
      const files = await tempDir('margin-files-');
      const huge = path.join(files, 'huge.txt');
      // A sparse file: long, but using no disk.
      const handle = await open(huge, 'w');
      await handle.truncate(mb * 1024 * 1024);
      await handle.close();
      const before = await snapshot(library);

      const failure = await marginFails(library, 'import', huge);
      expect(failure.stderr).toBe(
        `margin: ${huge} is ${mb} MB; Margin imports files up to 50 MB. Nothing was imported.\n`,
      );
      expect(await snapshot(library)).toEqual(before);
    },
  );

  it('keeps every message on one line, whatever the file is called', async () => {
    const library = await tempDir();
    const files = await tempDir('margin-files-');
    const good = path.join(files, 'my\nnotes.txt');
    const bad = path.join(files, 'scan\n2024.pdf');
    await writeFile(good, 'Notes\n\nBody.');
    await writeFile(bad, '%PDF-1.7');
    const failure = await marginFails(library, 'import', good, bad, '--json');
    expect(failure.stderr).toBe(
      'margin: scan\\n2024.pdf: Margin imports .txt, .md, .html, .htm, .mhtml and .mht files\n',
    );
    expect(JSON.parse(failure.stdout)).toMatchObject([{ title: 'Notes' }]);
    const listed = (await margin(library, 'list')).stdout.trim().split('\n');
    expect(listed).toHaveLength(1);
  });
});
