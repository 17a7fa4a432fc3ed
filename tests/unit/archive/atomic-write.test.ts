import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/core/archive/atomic-write';
import { archiveFs, fsError, replaceArchiveFs } from '../../../electron/core/archive/fs-facade';
import { LibraryFile } from '../../../electron/core/archive/library-file';
import { emptyLibrary } from '../../../electron/core/archive/library-schema';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'margin-atomic-'));

let restoreFs: (() => void) | null = null;
afterEach(() => {
  restoreFs?.();
  restoreFs = null;
});

/** Records every file-system step of a write, by name, with the file it touched. */
function recordSteps(dir: string): string[] {
  const steps: string[] = [];
  const rel = (p: string) => {
    const r = path.relative(dir, p);
    return r === '' ? '<dir>' : r.replace(/\.[0-9a-f]{12}\.tmp$/, '.<tmp>');
  };
  const realOpen = archiveFs.open;
  restoreFs = replaceArchiveFs({
    open: async (file, flags, mode) => {
      const handle = await realOpen(file, flags, mode);
      const name = rel(String(file));
      steps.push(`open ${name} ${String(flags)}`);
      const wrap = <K extends 'writeFile' | 'sync' | 'close'>(key: K) => {
        const original = handle[key].bind(handle) as (...a: unknown[]) => Promise<void>;
        (handle as unknown as Record<string, unknown>)[key] = async (...a: unknown[]) => {
          steps.push(`${key} ${name}`);
          return original(...a);
        };
      };
      wrap('writeFile');
      wrap('sync');
      wrap('close');
      return handle;
    },
    rename: async (from, to) => {
      steps.push(`rename ${rel(String(from))} -> ${rel(String(to))}`);
      return realRename(from, to);
    },
  });
  return steps;
}
const realRename = archiveFs.rename;

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('writes a temp file, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'library.json');
    await writeFile(file, 'old');
    const steps = recordSteps(dir);
    await writeFileAtomic(file, 'new');
    expect(steps).toEqual([
      'open .library.json.<tmp> wx',
      'writeFile .library.json.<tmp>',
      'sync .library.json.<tmp>',
      'close .library.json.<tmp>',
      'rename .library.json.<tmp> -> library.json',
      'open <dir> r',
      'sync <dir>',
      'close <dir>',
    ]);
  });

  it('keeps the old content and leaves no temp file when the disk is full', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.json');
    await writeFile(file, 'old');
    const realOpen = archiveFs.open;
    restoreFs = replaceArchiveFs({
      open: async (f, flags, mode) => {
        const handle: FileHandle = await realOpen(f, flags, mode);
        handle.writeFile = async () => {
          throw fsError('ENOSPC', 'no space left on device, write', String(f));
        };
        return handle;
      },
    });
    await expect(writeFileAtomic(file, 'new')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('retries a rename that Windows refuses for a moment (EBUSY)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.json');
    let refusals = 2;
    restoreFs = replaceArchiveFs({
      rename: async (from, to) => {
        if (refusals-- > 0) throw fsError('EBUSY', 'resource busy or locked, rename', String(to));
        return realRename(from, to);
      },
    });
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(refusals).toBe(-1);
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

  it('refuses to write a document that does not match the schema, leaving the file as it was', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'library.json');
    const adapter = new LibraryFile(file);
    await adapter.write(emptyLibrary());
    const before = await readFile(file, 'utf8');
    const invalid = { ...emptyLibrary(), articles: [{ id: '../../etc', title: 42 }] };
    await expect(adapter.write(invalid as never)).rejects.toThrow(
      /invalid library.*nothing was changed/,
    );
    expect(await readFile(file, 'utf8')).toBe(before);
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
