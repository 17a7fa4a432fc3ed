import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/library';
import { margin, marginFails } from '../cli/run-margin';

const V1 = 'Tides\n\nThe moon pulls the sea twice a day.\n\nSpring tides come with the full moon.';
const V2 = 'Tides\n\nThe moon pulls the whole sea twice a day.\n\nNeap tides are weaker.';

describe('margin import --replace and margin highlights', () => {
  // Seven runs of the real CLI, each starting Node: slow on a loaded machine.
  it(
    'updates an article from a file and reports each highlight anchored or orphaned',
    { timeout: 180_000 },
    async () => {
      const lib = await tempDir();
      const files = await tempDir('margin-files-');
      await writeFile(path.join(files, 'tides.txt'), V1);
      await writeFile(path.join(files, 'tides-2.txt'), V2);
      const [article] = JSON.parse(
        (await margin(lib, 'import', path.join(files, 'tides.txt'), '--json')).stdout,
      ) as { id: string }[];
      const id = article!.id;
      await margin(lib, 'highlight', id, '--quote', 'pulls the sea', '--note', 'gravity');
      await margin(lib, 'highlight', id, '--quote', 'Spring tides', '--note', 'full moon');

      const replaced = JSON.parse(
        (await margin(lib, 'import', '--replace', id, path.join(files, 'tides-2.txt'), '--json'))
          .stdout,
      ) as { anchored: number; orphaned: number };
      expect(replaced).toMatchObject({ anchored: 1, orphaned: 1 });

      const list = JSON.parse((await margin(lib, 'highlights', id, '--json')).stdout) as {
        id: string;
        quote: string;
        note: string;
        status: string;
        start: number | null;
        end: number | null;
      }[];
      expect(list.map((h) => Object.keys(h).sort())).toEqual([
        ['end', 'id', 'note', 'quote', 'start', 'status'],
        ['end', 'id', 'note', 'quote', 'start', 'status'],
      ]);
      const gravity = list.find((h) => h.note === 'gravity')!;
      expect(gravity.status).toBe('anchored');
      // Offsets into text.txt: the edited words ("whole" was inserted inside the highlight).
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(path.join(lib, 'articles', id, 'text.txt'), 'utf8');
      expect(text.slice(gravity.start!, gravity.end!)).toBe('pulls the whole sea');
      expect(list.find((h) => h.note === 'full moon')).toMatchObject({
        status: 'orphaned',
        quote: 'Spring tides',
        start: null,
        end: null,
      });
      const verified = JSON.parse((await margin(lib, 'verify', '--json')).stdout) as {
        problems: unknown[];
      };
      expect(verified.problems).toEqual([]);
    },
  );

  it('refuses an unknown article or a missing file with one line and a non-zero exit', async () => {
    const lib = await tempDir();
    const failure = await marginFails(lib, 'import', '--replace', 'nope', '/nonexistent.txt');
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure.code).not.toBe(0);
    const unknown = await marginFails(lib, 'highlights', 'nope', '--json');
    expect(unknown.stderr).toMatch(/No article with id nope/);
  });
});
