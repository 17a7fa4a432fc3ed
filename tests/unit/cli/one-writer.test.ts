import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { snapshot, tempDir } from '../../support/library';
import { repoRoot, samplePath } from '../../support/paths';
import { margin, marginFails } from './run-margin';

/** The real browser host on `dir`; resolves once it has the library open (and locked). */
async function startHost(dir: string) {
  // node itself with tsx's loader (not the tsx wrapper, which runs node as a grandchild), so
  // the signals below reach the process that holds the lock.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/main.ts', '--library', dir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`host exited (${code}): ${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { pid: child.pid!, kill: (signal: NodeJS.Signals) => child.kill(signal), exited };
}

describe('one writer at a time, across processes', () => {
  it('while the host has the library open: the CLI reads freely, and a change is refused in one line with nothing changed', async () => {
    const dir = await tempDir();
    await margin(dir, 'import', samplePath);
    const host = await startHost(dir);
    try {
      const before = await snapshot(dir);
      const refused = await marginFails(dir, 'import', path.join(repoRoot, 'README.md'));
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toBe(
        `margin: Margin (browser host) is open on this library (pid ${host.pid}); close it first — nothing was changed.\n`,
      );
      expect(await snapshot(dir)).toEqual(before);

      // Reading commands never wait for the lock.
      expect(JSON.parse((await margin(dir, 'list', '--json')).stdout)).toHaveLength(1);
      expect(JSON.parse((await margin(dir, 'verify', '--json')).stdout)).toMatchObject({
        ok: true,
      });
      const out = path.join(await tempDir('margin-out-'), 'all.tar.gz');
      await margin(dir, 'backup', '--out', out);
      expect(await snapshot(dir)).toEqual(before);
    } finally {
      host.kill('SIGTERM');
      await host.exited;
    }
    // SIGTERM flushed and let go of the lock: the CLI may write again.
    expect(await readdir(dir)).not.toContain('library.lock');
    await margin(
      dir,
      'highlight',
      (JSON.parse((await margin(dir, 'list', '--json')).stdout) as { id: string }[])[0]!.id,
      '--quote',
      'Ghazni',
    );
  });

  it('a host killed with SIGKILL leaves a stale lock that the next writer takes over', async () => {
    const dir = await tempDir();
    const host = await startHost(dir);
    host.kill('SIGKILL');
    await host.exited;
    expect(await readdir(dir)).toContain('library.lock');
    const { stdout } = await margin(dir, 'import', samplePath, '--json');
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(await readdir(dir)).not.toContain('library.lock');
  });
});
