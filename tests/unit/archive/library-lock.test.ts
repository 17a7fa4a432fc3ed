import { spawn } from 'node:child_process';
import { readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fsError, replaceArchiveFs } from '../../../electron/core/archive/fs-facade';
import { openServices } from '../../../electron/core/services';
import { snapshot, tempDir, tempLibrary } from '../../support/library';
import { repoRoot } from '../../support/paths';

const lockFile = (dir: string) => path.join(dir, 'library.lock');

let restoreFs: (() => void) | null = null;
afterEach(() => {
  restoreFs?.();
  restoreFs = null;
});

/** The pid of a process that has already exited: what a crashed Margin leaves in its lock. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('one writer per library', () => {
  it('holds library.lock (pid, host, owner, time) while open, and removes it on close', async () => {
    const services = await tempLibrary({ owner: 'Margin' });
    const lock = JSON.parse(await readFile(lockFile(services.libraryDir), 'utf8')) as object;
    expect(lock).toMatchObject({
      pid: process.pid,
      host: os.hostname(),
      owner: 'Margin',
      since: expect.any(String),
    });
    await services.close();
    expect(await readdir(services.libraryDir)).not.toContain('library.lock');
  });

  it('makes a second writer wait briefly, then refuse with one plain line, changing nothing', async () => {
    const first = await tempLibrary({ owner: 'Margin' });
    await first.library.importText('Title\n\nBody.');
    const before = await snapshot(first.libraryDir);
    const started = Date.now();
    await expect(openServices(first.libraryDir, { lockWaitMs: 500 })).rejects.toMatchObject({
      code: 'library-in-use',
      message: `Margin is open on this library (pid ${process.pid}); close it first — nothing was changed.`,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await snapshot(first.libraryDir)).toEqual(before);
  });

  it('lets the waiting writer in as soon as the first one closes', async () => {
    const first = await tempLibrary();
    const second = openServices(first.libraryDir, { lockWaitMs: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await first.close();
    const opened = await second;
    await opened.library.importText('Title\n\nBody.');
    await opened.close();
  });

  it('lets readers in while a writer is open, and readers write nothing at all', async () => {
    const writer = await tempLibrary();
    await writer.library.importText('Title\n\nSome body text.');
    const before = await snapshot(writer.libraryDir);
    const reader = await openServices(writer.libraryDir, { mode: 'read' });
    expect(await reader.library.listArticles()).toHaveLength(1);
    await expect(reader.library.importText('Other\n\nText.')).rejects.toMatchObject({
      code: 'read-only',
    });
    await reader.close();
    expect(await snapshot(writer.libraryDir)).toEqual(before);
  });

  it('a reader of a folder that does not exist creates nothing', async () => {
    const dir = path.join(await tempDir(), 'not-yet');
    const reader = await openServices(dir, { mode: 'read' });
    expect(await reader.library.listArticles()).toEqual([]);
    await reader.close();
    expect(await readdir(path.dirname(dir))).toEqual([]);
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await tempDir();
    const pid = await deadPid();
    await writeFile(
      lockFile(dir),
      JSON.stringify({ pid, host: os.hostname(), owner: 'Margin', since: '', token: 'dead' }),
    );
    const services = await openServices(dir, { lockWaitMs: 0 });
    expect(JSON.parse(await readFile(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    await services.close();
  });

  it('takes over a lock file that is not a lock (garbage), once it is a few seconds old', async () => {
    const dir = await tempDir();
    await writeFile(lockFile(dir), '\0\0\0');
    // Fresh, it may be a lock being written by a file system without hard links: wait.
    await expect(openServices(dir, { lockWaitMs: 0 })).rejects.toMatchObject({
      code: 'library-in-use',
    });
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockFile(dir), aMinuteAgo, aMinuteAgo);
    await (await openServices(dir, { lockWaitMs: 0 })).close();
  });

  it('works on file systems without hard links (FAT, exFAT)', async () => {
    restoreFs = replaceArchiveFs({
      link: async (_from, to) => {
        throw fsError('EPERM', 'operation not permitted, link', String(to));
      },
    });
    const first = await tempLibrary({ owner: 'Margin' });
    await expect(openServices(first.libraryDir, { lockWaitMs: 0 })).rejects.toMatchObject({
      code: 'library-in-use',
    });
    await first.close();
    await (await openServices(first.libraryDir, { lockWaitMs: 0 })).close();
  });

  it("does not take over another machine's lock (a shared folder)", async () => {
    const dir = await tempDir();
    await writeFile(
      lockFile(dir),
      JSON.stringify({ pid: 1, host: 'other-laptop', owner: 'Margin', since: '', token: 't' }),
    );
    await expect(openServices(dir, { lockWaitMs: 0 })).rejects.toMatchObject({
      message:
        'Margin is open on this library (pid 1 on other-laptop); close it first — nothing was changed.',
    });
  });

  it('is released when the process exits without closing', async () => {
    const dir = await tempDir();
    const script = path.join(dir, '..', `${path.basename(dir)}-exit.mts`);
    await writeFile(
      script,
      `import { openServices } from ${JSON.stringify(path.join(repoRoot, 'electron/core/services.ts'))};
      await openServices(${JSON.stringify(dir)});
      process.exit(0);`,
    );
    const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [script], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(await readdir(dir)).not.toContain('library.lock');
  });
});
