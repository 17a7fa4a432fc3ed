import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { archiveFs } from './fs-facade';

const RENAME_RETRIES = 10;
const RENAME_RETRY_MS = 100;

/** `.name.<12 hex>.tmp`: what a write interrupted by a crash leaves behind (see `isTempFile`). */
const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

export function isTempFile(name: string): boolean {
  return TEMP_FILE.test(name);
}

function tempPathFor(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
}

/**
 * Replaces `file` so that a crash at any moment leaves either the old or the new content, never
 * a torn file: unique temp file in the same folder → write → fsync → rename → fsync the folder.
 * steno (lowdb's writer) skips both fsyncs, which is why this exists.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeAtomic(file, (handle) => handle.writeFile(data));
}

/** Like `writeFileAtomic`, for content too big to hold in memory at once (backup archives). */
export async function writeStreamAtomic(
  file: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<void> {
  await writeAtomic(file, async (handle) => {
    for await (const chunk of chunks) await handle.write(chunk);
  });
}

async function writeAtomic(file: string, fill: (handle: FileHandle) => Promise<unknown>) {
  const tmp = tempPathFor(file);
  const handle = await archiveFs.open(tmp, 'wx', 0o644);
  try {
    await fill(handle);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await archiveFs.unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await renameWithRetry(tmp, file);
  } catch (error) {
    await archiveFs.unlink(tmp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(path.dirname(file));
}

/** Windows reports EPERM/EBUSY while another process (an antivirus, an indexer) holds the file. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await archiveFs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'EPERM' && code !== 'EBUSY') || attempt >= RENAME_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS));
    }
  }
}

/** Makes a rename or a new entry durable. Folders cannot be opened for fsync on Windows; skip. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await archiveFs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `mkdir -p`, then fsync of each new folder's parent so the new folders survive a power cut. */
export async function mkdirDurable(dir: string): Promise<void> {
  const first = await archiveFs.mkdir(dir, { recursive: true });
  if (first === undefined) return;
  for (let made = path.resolve(dir); ; made = path.dirname(made)) {
    await fsyncDir(path.dirname(made));
    if (made === path.resolve(first)) return;
  }
}
