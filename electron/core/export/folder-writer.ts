import { randomBytes } from 'node:crypto';
import { rename as renameCallback, writeFile as writeFileCallback } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { fsyncDir } from '../archive/atomic-write';

// The callback forms: lighter than fs/promises' FileHandle, which a new file does not need.
const writeFileNew = promisify(writeFileCallback);
const writeNew = (file: string, data: string): Promise<void> =>
  writeFileNew(file, data, { flag: 'wx', mode: 0o644 });
const renameNew = promisify(renameCallback);

const RENAME_RETRIES = 10;
const RENAME_RETRY_MS = 100;

/**
 * Atomic writes of many files into one folder: every file is written to a unique temp file in
 * the folder and renamed over its target, so no one ever sees a torn file. Two kinds of write:
 *
 * - `replace`, for a file that exists (it holds the user's own text): exactly writeFileAtomic's
 *   protocol, the temp file fsynced before the rename, so even a power cut leaves the old or the
 *   new content;
 * - `create`, for a file that did not exist: no fsync. After a power cut it may be empty, but it
 *   held nothing of the user's, and the next export rewrites an empty file. Measured on the
 *   project's machine, an fsync costs about 6 ms: 10,000 new files would take a minute.
 *
 * The folder is fsynced once, by `finish()`, rather than after every file. Writes run on the
 * thread pool, so callers keep several in flight while they render the next files.
 */
export class FolderWriter {
  private renamed = false;
  /** Temp names: one random prefix per export and a counter, not a random draw per file. */
  private readonly tempPrefix = randomBytes(6).toString('hex');
  private tempCount = 0;

  constructor(readonly dir: string) {}

  /**
   * Writes a new file. Returns false, having written nothing, when Windows refused the rename
   * because another process (an antivirus scanning the new file) holds it: then use `replace`,
   * which retries.
   */
  async create(name: string, data: string): Promise<boolean> {
    const tmp = this.tempPath(name);
    try {
      await writeNew(tmp, data);
      await renameNew(tmp, path.join(this.dir, name));
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPERM' || code === 'EBUSY') return false;
      throw error;
    }
    this.renamed = true;
    return true;
  }

  async replace(name: string, data: string): Promise<void> {
    const tmp = this.tempPath(name);
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    try {
      await renameWithRetry(tmp, path.join(this.dir, name));
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
    this.renamed = true;
  }

  /** Makes the renames durable. Call once all writes have settled, even after a failure. */
  async finish(): Promise<void> {
    if (this.renamed) await fsyncDir(this.dir);
    this.renamed = false;
  }

  private tempPath(name: string): string {
    this.tempCount += 1;
    return path.join(this.dir, `.${name}.${this.tempPrefix}-${this.tempCount}.tmp`);
  }
}

/** Windows reports EPERM/EBUSY while another process (an antivirus, an indexer) holds the file. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'EPERM' && code !== 'EBUSY') || attempt >= RENAME_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS));
    }
  }
}
