import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplePath, SAMPLE_TITLE } from '../../support/paths';
import { margin, marginFails } from './run-margin';

const exec = promisify(execFile);

describe('the margin command', () => {
  it('imports, searches, highlights and exports the sample article', async () => {
    const library = await mkdtemp(path.join(os.tmpdir(), 'margin-cli-'));
    const imported = JSON.parse((await margin(library, 'import', samplePath, '--json')).stdout);
    expect(imported).toEqual([{ id: expect.any(String), title: SAMPLE_TITLE }]);
    const id = imported[0].id as string;

    const listed = JSON.parse((await margin(library, 'list', '--json')).stdout);
    expect(listed).toMatchObject([{ id, title: SAMPLE_TITLE }]);

    const hits = JSON.parse((await margin(library, 'search', 'ghazni', '--json')).stdout);
    expect(hits[0]).toMatchObject({ id, title: SAMPLE_TITLE });
    expect(hits[0].snippet).toMatch(/Ghazni/);

    const highlight = JSON.parse(
      (
        await margin(
          library,
          'highlight',
          id,
          '--quote',
          'could constitute war crimes',
          '--note',
          'check HRW report',
          '--json',
        )
      ).stdout,
    );
    expect(highlight).toMatchObject({
      id: expect.any(String),
      articleId: id,
      quote: 'could constitute war crimes',
    });

    const out = path.join(library, 'out.md');
    await margin(library, 'export', id, '--out', out);
    const markdown = await readFile(out, 'utf8');
    expect(markdown).toContain(`# ${SAMPLE_TITLE}`);
    expect(markdown).toMatch(/^> could constitute war crimes$/m);
    expect(markdown).toContain('check HRW report');

    const folder = path.join(library, 'vault');
    await margin(library, 'export', '--all', '--out', folder);
    expect(await readdir(folder)).toHaveLength(1);
  });

  it('prints one line on stderr and exits non-zero on errors', async () => {
    const library = await mkdtemp(path.join(os.tmpdir(), 'margin-cli-'));
    const [{ id }] = JSON.parse((await margin(library, 'import', samplePath, '--json')).stdout);
    const missing = await marginFails(
      library,
      'highlight',
      id,
      '--quote',
      'words that are not there',
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/does not occur/);

    const nofile = await marginFails(library, 'import', path.join(library, 'nope.txt'));
    expect(nofile.stderr.trim().split('\n')).toHaveLength(1);
    const unknown = await marginFails(library, 'frobnicate');
    expect(unknown.stderr).toMatch(/unknown command/);
  });

  it('works through npm run --silent and prints only its own output', async () => {
    const library = await mkdtemp(path.join(os.tmpdir(), 'margin-cli-'));
    const { stdout } = await exec(
      'npm',
      ['run', '--silent', 'margin', '--', 'list', '--json', '--library', library],
      {
        cwd: repoRoot,
      },
    );
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
