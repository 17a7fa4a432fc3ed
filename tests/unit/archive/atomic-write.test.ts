import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/core/archive/atomic-write';
import { LibraryFile } from '../../../electron/core/archive/library-file';
import { emptyLibrary } from '../../../electron/core/archive/library-schema';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'margin-atomic-'));

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('leaves the old content in place when the write cannot happen', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.json');
    await writeFile(file, 'old');
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.json'), 'new')).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('old');
  });
});

describe('LibraryFile (the lowdb adapter)', () => {
  it('coalesces 1000 concurrent writes; all resolve and the last one wins', async () => {
    const dir = await tempDir();
    const adapter = new LibraryFile(path.join(dir, 'library.json'));
    const writes = Array.from({ length: 1000 }, (_, i) =>
      adapter.write({ ...emptyLibrary(), articles: [], highlights: [], marker: i } as never),
    );
    await Promise.all(writes);
    const saved = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')) as {
      marker: number;
    };
    expect(saved.marker).toBe(999);
    expect(await readdir(dir)).toEqual(['library.json']);
  });

  it('reads a missing file as null (a new library)', async () => {
    const adapter = new LibraryFile(path.join(await tempDir(), 'library.json'));
    expect(await adapter.read()).toBeNull();
  });

  it.each([
    ['truncated', '{"schemaVersion":1,"articles":[{"id":"a'],
    ['empty', ''],
    ['NUL-filled', '\0'.repeat(4096)],
    ['not a library', '{"hello":"world"}'],
  ])('refuses a %s library.json with a plain message', async (_kind, content) => {
    const dir = await tempDir();
    const file = path.join(dir, 'library.json');
    await writeFile(file, content);
    await expect(new LibraryFile(file).read()).rejects.toMatchObject({ code: 'corrupt-library' });
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('keeps fields it does not know (written by a newer Margin)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'library.json');
    await writeFile(file, JSON.stringify({ ...emptyLibrary(), futureField: { x: 1 } }));
    const adapter = new LibraryFile(file);
    const doc = await adapter.read();
    await adapter.write(doc!);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ futureField: { x: 1 } });
  });
});
