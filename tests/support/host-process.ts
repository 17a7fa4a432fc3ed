import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from './paths';

export interface RunningHost {
  url: string;
  libraryDir: string;
  stop(): Promise<void>;
}

/** Starts the real browser host (`electron/host/main.ts`) on a library folder, as a user would. */
export async function startHostProcess(libraryDir?: string): Promise<RunningHost> {
  const dir = libraryDir ?? (await mkdtemp(path.join(os.tmpdir(), 'margin-e2e-')));
  const child = spawn(
    path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
    ['electron/host/main.ts', '--library', dir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const match = /^Margin is at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
      else reject(new Error(`Unexpected first line from the host: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`Host exited (${code}): ${stderr}`)));
  });
  return { url, libraryDir: dir, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
