import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MarginError } from '../../common/errors';
import { archiveFs } from './fs-facade';
import { LOCK_FILE } from './layout';

/** What `library.lock` says about the process writing the library. */
export interface LockInfo {
  pid: number;
  host: string;
  /** Who holds it, in words: "Margin", "Margin (browser host)", "margin import". */
  owner: string;
  since: string;
  /** Tells this holder's lock from another one in the same process. */
  token: string;
}

export interface LockOptions {
  owner: string;
  /** How long a second writer waits for the first to finish before refusing. */
  waitMs?: number;
}

const POLL_MS = 100;
const GARBAGE_GRACE_MS = 5000;
const DEFAULT_WAIT_MS = 3000;

/** Locks this process holds, released synchronously if the process exits without closing. */
const held = new Set<string>();
let exitHookInstalled = false;

/**
 * One writer per library folder, across processes: `library.lock` is created atomically (a
 * complete temp file hard-linked into place, which fails if the lock exists). A lock left by a
 * process that died on this machine is taken over; a live one is waited for, then refused.
 */
export class LibraryLock {
  private constructor(
    readonly file: string,
    readonly info: LockInfo,
  ) {}

  static async acquire(libraryDir: string, options: LockOptions): Promise<LibraryLock> {
    const file = path.join(libraryDir, LOCK_FILE);
    const info: LockInfo = {
      pid: process.pid,
      host: os.hostname(),
      owner: options.owner,
      since: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
    };
    const text = JSON.stringify(info, null, 2) + '\n';
    const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
    for (;;) {
      if (await tryCreate(file, text)) break;
      const current = await readLock(file);
      if (current === 'missing') continue;
      if (current === 'garbage' ? await isOldGarbage(file) : isStale(current)) {
        await takeOver(file, current);
        continue;
      }
      if (Date.now() >= deadline) throw inUse(current);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    installExitHook();
    held.add(`${file}\n${info.token}`);
    return new LibraryLock(file, info);
  }

  /** Removes the lock if it is still this holder's; safe to call twice. */
  async release(): Promise<void> {
    const key = `${this.file}\n${this.info.token}`;
    if (!held.delete(key)) return;
    const current = await readLock(this.file);
    if (typeof current === 'object' && current.token === this.info.token) {
      await archiveFs.unlink(this.file).catch(() => undefined);
    }
  }
}

/** The lock file as it is now, if it can be read at all. */
export async function readLock(file: string): Promise<LockInfo | 'missing' | 'garbage'> {
  let text: string;
  try {
    text = await archiveFs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    if (typeof info.pid === 'number' && typeof info.host === 'string') {
      return {
        pid: info.pid,
        host: info.host,
        owner: typeof info.owner === 'string' ? info.owner : 'Margin',
        since: typeof info.since === 'string' ? info.since : '',
        token: typeof info.token === 'string' ? info.token : '',
      };
    }
  } catch {
    // fall through: not a lock Margin wrote
  }
  return 'garbage';
}

async function tryCreate(file: string, text: string): Promise<boolean> {
  const tmp = path.join(path.dirname(file), `.${LOCK_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await archiveFs.open(tmp, 'wx', 0o644);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  try {
    await archiveFs.link(tmp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (FAT, exFAT, some network shares): create exclusively.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
      return createExclusive(file, text);
    }
    throw error;
  } finally {
    await archiveFs.unlink(tmp).catch(() => undefined);
  }
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await archiveFs.open(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
}

/** An unreadable lock is only taken over once it is a few seconds old: it may be mid-write. */
async function isOldGarbage(file: string): Promise<boolean> {
  const info = await archiveFs.stat(file).catch(() => null);
  return info === null || Date.now() - info.mtimeMs > GARBAGE_GRACE_MS;
}

/** A lock whose process is gone. Only decidable on the machine that wrote it. */
function isStale(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return false;
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves a dead process's lock out of the way. Two processes may find the same stale lock; the
 * moved file is compared with what was judged stale, and a live lock taken by mistake is put back.
 */
async function takeOver(file: string, stale: LockInfo | 'garbage'): Promise<void> {
  const aside = path.join(
    path.dirname(file),
    `.${LOCK_FILE}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await archiveFs.rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readLock(aside);
  const sameLock =
    stale === 'garbage'
      ? moved === 'garbage'
      : typeof moved === 'object' && moved.pid === stale.pid && moved.token === stale.token;
  if (!sameLock) await archiveFs.link(aside, file).catch(() => undefined);
  await archiveFs.unlink(aside).catch(() => undefined);
}

function inUse(info: LockInfo | 'garbage'): MarginError {
  if (info === 'garbage') {
    return new MarginError(
      'library-in-use',
      'Another program is opening this library (library.lock is being written); try again in a moment — nothing was changed.',
    );
  }
  const where = info.host === os.hostname() ? `pid ${info.pid}` : `pid ${info.pid} on ${info.host}`;
  return new MarginError(
    'library-in-use',
    `${info.owner} is open on this library (${where}); close it first — nothing was changed.`,
  );
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const key of held) {
      const [file, token] = key.split('\n') as [string, string];
      try {
        const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
        if (info.token === token) unlinkSync(file);
      } catch {
        // already gone, or not ours any more
      }
    }
    held.clear();
  });
}
