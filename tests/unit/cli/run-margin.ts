import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../support/paths';

const exec = promisify(execFile);

/** Runs the real `margin` command (bin/margin.mjs) on a library, as a user would. */
export async function margin(library: string, ...args: string[]) {
  return exec(
    process.execPath,
    [path.join(repoRoot, 'bin', 'margin.mjs'), '--library', library, ...args],
    { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
  );
}

export interface Failure {
  code: number;
  stderr: string;
  stdout: string;
}

/** Runs `margin` expecting a non-zero exit; returns its output. */
export async function marginFails(library: string, ...args: string[]): Promise<Failure> {
  try {
    await margin(library, ...args);
  } catch (error) {
    return error as Failure;
  }
  throw new Error(`margin ${args.join(' ')} should have failed`);
}
