import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';
import { margin, marginFails } from './run-margin';

const tempDir = (prefix = 'margin-cli-') => mkdtemp(path.join(os.tmpdir(), prefix));

describe('margin command defects (issue 18)', () => {
  it('defect 1: a --quote or --note value that starts with a dash is taken as the value', async () => {
    const library = await tempDir();
    const file = path.join(await tempDir('margin-files-'), 'dialogue.txt');
    await writeFile(file, 'A talk\n\n- I will not go, she said.\n\n- Then stay, he said.\n');
    const [article] = JSON.parse((await margin(library, 'import', file, '--json')).stdout);
    const highlight = JSON.parse(
      (
        await margin(
          library,
          'highlight',
          article.id,
          '--quote',
          '- Then stay',
          '--note',
          '- a note that is a list item',
          '--json',
        )
      ).stdout,
    );
    expect(highlight).toMatchObject({ quote: '- Then stay', note: '- a note that is a list item' });
    // An option where a value should be still says the value is missing.
    const failure = await marginFails(library, 'highlight', article.id, '--quote', '--json');
    expect(failure.stderr).not.toMatch(/- Then stay/);
  });

  it('defect 2: output cut short by a closed pipe (margin … --json | head -1) ends quietly', async () => {
    const library = await tempDir();
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin', 'margin.mjs'), '--library', library, 'list', '--json'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // The reader goes away before Margin writes anything: its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('defect 13: an error line names the file once', async () => {
    const library = await tempDir();
    const file = path.join(await tempDir('margin-files-'), 'notes.docx');
    await writeFile(file, 'PK\u0003\u0004 not a text file');
    const failure = await marginFails(library, 'import', file);
    expect(failure.stderr.trim()).toBe(
      'margin: notes.docx: Margin imports .txt, .md, .html, .htm, .mhtml and .mht files',
    );
  });
});
