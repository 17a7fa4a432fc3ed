import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

interface Started {
  lines: string[];
  url: string;
  stop: () => Promise<void>;
}

/** Runs `node scripts/start.mjs` (what `npm start` runs after building) until it prints an address. */
async function startLauncher(env: NodeJS.ProcessEnv, libraryDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--library', libraryDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const match = /^Margin is at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`start.mjs exited (${code}): ${stderr}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { lines, url, stop };
}

describe('npm start where Electron cannot run', () => {
  let started: Started | null = null;
  let dir = '';
  afterEach(async () => {
    await started?.stop();
    started = null;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says why in one line, then the browser host answers at the printed address', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'margin-start-'));
    // No display: Electron cannot open a window on Linux whatever is installed, and no browser
    // is opened; the address is printed for the user to open.
    const env: NodeJS.ProcessEnv = { ...process.env, MARGIN_NO_BROWSER: '1' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    if (process.platform !== 'linux') env.MARGIN_NO_ELECTRON = '1';
    started = await startLauncher(env, dir);
    const why = started.lines.filter((line) => line.startsWith('Margin: Electron cannot run here'));
    expect(why).toHaveLength(1);
    expect(started.lines.some((line) => /Error|at .*\.js:\d+/.test(line))).toBe(false);

    const token = new URL(started.url).searchParams.get('token') ?? '';
    const response = await fetch(new URL('/api/listArticles', started.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-margin-token': token },
      body: '[]',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean };
    expect(body.ok).toBe(true);
  }, 90_000);

  it('names the missing binary rather than starting a download', async () => {
    const { electronUnavailable } = (await import(path.join(repoRoot, 'scripts', 'start.mjs'))) as {
      electronUnavailable: (env: NodeJS.ProcessEnv, platform: string) => string | null;
    };
    expect(electronUnavailable({ MARGIN_NO_ELECTRON: '1' }, 'linux')).toMatch(/MARGIN_NO_ELECTRON/);
    expect(electronUnavailable({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' }, 'linux')).toMatch(
      /binary/,
    );
  });
});
