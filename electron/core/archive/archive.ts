import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Low } from 'lowdb';
import { MarginError } from '../../common/errors';
import type { LibraryDocument } from '../../common/model';
import { mkdirDurable, writeFileAtomic } from './atomic-write';
import { BACKUP_INTERVAL_MS, listBackups, pruneBackups, takeBackup } from './backups';
import { archiveFs } from './fs-facade';
import { sha256 } from './hash';
import { ARTICLES_DIR, LIBRARY_FILE } from './layout';
import { LibraryFile, LibraryWriteError } from './library-file';
import { loadLibrary, type LoadedLibrary, type OpenMode } from './library-loader';
import { LibraryLock } from './library-lock';
import { emptyLibrary } from './library-schema';

export { ARTICLES_DIR, CONTENT_FILE, LIBRARY_FILE, TEXT_FILE } from './layout';
export { sha256 } from './hash';
export type { OpenMode } from './library-loader';

export interface ArchiveOptions {
  /** 'write' (the default) takes the library's lock; 'read' never changes anything on disk. */
  mode?: OpenMode;
  /** Who holds the lock, in words, for the message a second writer gets. */
  owner?: string;
  /** How long to wait for another writer to close before refusing. */
  lockWaitMs?: number;
  /** Clock for backups and messages (tests move it forward). */
  now?: () => Date;
  minWriteIntervalMs?: number;
}

/** What an archive is made of once its library has been loaded. */
interface ArchiveParts {
  dir: string;
  mode: OpenMode;
  loaded: LoadedLibrary;
  lock: LibraryLock | null;
  /** When the newest snapshot in `backups/` was taken (0: none). */
  lastBackupAt: number;
  now: () => Date;
  minWriteIntervalMs: number | undefined;
  /** Set when the folder could not be written: why the library is read-only. */
  unwritable: string | null;
}

/**
 * The library folder: `library.json` (lowdb; metadata, highlights, notes) and one folder per
 * article under `articles/<id>/` (readable HTML, its plain text, the original file). Article
 * files are always written before `library.json` refers to them. Opened for writing, it holds
 * `library.lock` until closed and keeps rotating snapshots in `backups/`.
 */
export class Archive {
  readonly dir: string;
  readonly mode: OpenMode;
  /** Written by a newer Margin: readable, never written. */
  readonly newer: boolean;
  #closed = false;
  #lastBackupAt: number;
  readonly #messages: string[];
  readonly #db: Low<LibraryDocument>;
  readonly #file: LibraryFile;
  readonly #lock: LibraryLock | null;
  readonly #now: () => Date;
  readonly #unwritable: string | null;

  private constructor(parts: ArchiveParts) {
    this.dir = parts.dir;
    this.mode = parts.mode;
    this.newer = parts.loaded.newer;
    this.#messages = [...parts.loaded.messages];
    this.#lastBackupAt = parts.lastBackupAt;
    this.#lock = parts.lock;
    this.#now = parts.now;
    this.#unwritable = parts.unwritable;
    this.#file = new LibraryFile(path.join(parts.dir, LIBRARY_FILE), {
      minIntervalMs: parts.minWriteIntervalMs,
      durableText: parts.loaded.diskText,
      afterWrite: (text) => this.backupIfDue(text),
    });
    this.#db = new Low<LibraryDocument>(this.#file, emptyLibrary());
    this.#db.data = parts.loaded.doc;
  }

  static async open(dir: string, options: ArchiveOptions = {}): Promise<Archive> {
    const mode = options.mode ?? 'write';
    const now = options.now ?? (() => new Date());
    const parts = { dir, now, minWriteIntervalMs: options.minWriteIntervalMs, lastBackupAt: 0 };
    if (mode === 'read') {
      const loaded = await loadLibrary(dir, 'read', now());
      return new Archive({ ...parts, mode, loaded, lock: null, unwritable: null });
    }
    let lock: LibraryLock;
    try {
      await mkdirDurable(dir);
      lock = await LibraryLock.acquire(dir, {
        owner: options.owner ?? 'Margin',
        waitMs: options.lockWaitMs,
      });
    } catch (error) {
      // A folder Margin may not write to (read-only medium, permissions) can still be read.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EROFS' && code !== 'EACCES' && code !== 'EPERM') throw error;
      const loaded = await loadLibrary(dir, 'read', now());
      const why = code === 'EROFS' ? 'it is on a read-only disk' : 'permission denied';
      const unwritable = `Margin cannot write to ${dir} (${why}); the library is open read-only and nothing will be changed.`;
      loaded.messages.unshift(unwritable);
      return new Archive({ ...parts, mode: 'read', loaded, lock: null, unwritable });
    }
    try {
      await mkdirDurable(path.join(dir, ARTICLES_DIR));
      const loaded = await loadLibrary(dir, 'write', now());
      const newest = (await listBackups(dir))[0];
      const archive = new Archive({
        ...parts,
        mode,
        loaded,
        lock,
        lastBackupAt: newest?.takenAt.getTime() ?? 0,
        unwritable: null,
      });
      if (loaded.diskText !== null && !loaded.newer) await archive.backupIfDue(loaded.diskText);
      return archive;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  get data(): LibraryDocument {
    return this.#db.data;
  }

  /** False when opened to read, written by a newer Margin, or closed. */
  get writable(): boolean {
    return this.mode === 'write' && !this.newer && !this.#closed;
  }

  /** Plain-language notices about this library (recovered, upgraded, read-only…). */
  get messages(): readonly string[] {
    return this.#messages;
  }

  assertWritable(): void {
    if (this.writable) return;
    if (this.#unwritable) throw new MarginError('read-only', this.#unwritable);
    const why = this.#closed
      ? 'The library has been closed'
      : this.newer
        ? 'This library was written by a newer version of Margin and is open read-only'
        : 'This library is open read-only';
    throw new MarginError('read-only', `${why}; nothing was changed.`);
  }

  /**
   * Applies `change` to the document and writes it. If the change throws, or the document it
   * leaves is invalid, memory is put back as it was; if the disk refuses the write, memory is
   * put back to what the disk holds. Memory never claims something the disk does not hold.
   */
  async transact<T>(change: (doc: LibraryDocument) => T): Promise<T> {
    this.assertWritable();
    const before = structuredClone(this.#db.data);
    let result: T;
    try {
      result = change(this.#db.data);
      await this.#db.write();
    } catch (error) {
      this.#db.data =
        error instanceof LibraryWriteError
          ? (this.#file.durableDocument() ?? emptyLibrary())
          : before;
      throw error;
    }
    return result;
  }

  /** Resolves when every write issued so far (and the backup it may trigger) is on disk. */
  async flush(): Promise<void> {
    await this.#file.flush();
  }

  /** Flushes, then lets another process write the library. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.flush();
    } finally {
      this.#closed = true;
      await this.#lock?.release();
    }
  }

  articleDir(id: string): string {
    return path.join(this.dir, ARTICLES_DIR, id);
  }

  /** Writes an article's files durably; returns their SHA-256 by name, for `ArticleMeta.files`. */
  async writeArticleFiles(
    id: string,
    files: Record<string, string | Uint8Array>,
  ): Promise<Record<string, string>> {
    this.assertWritable();
    const dir = this.articleDir(id);
    await mkdirDurable(dir);
    const hashes: Record<string, string> = {};
    for (const [name, data] of Object.entries(files)) {
      await writeFileAtomic(path.join(dir, name), data);
      hashes[name] = sha256(data);
    }
    return hashes;
  }

  readArticleFile(id: string, name: string): Promise<string> {
    return archiveFs.readFile(path.join(this.articleDir(id), name), 'utf8');
  }

  async removeArticleFiles(id: string): Promise<void> {
    this.assertWritable();
    await archiveFs.rm(this.articleDir(id), { recursive: true, force: true });
  }

  /** Takes a snapshot now, whatever the interval: before a restore or a repair. */
  async backupNow(): Promise<void> {
    this.assertWritable();
    const doc = this.#file.durableDocument();
    if (doc) await this.snapshot(JSON.stringify(doc, null, 2) + '\n');
  }

  /** Takes a snapshot of `text` (valid: just read and checked, or just written) if one is due. */
  private async backupIfDue(text: string): Promise<void> {
    if (this.#now().getTime() - this.#lastBackupAt < BACKUP_INTERVAL_MS) return;
    await this.snapshot(text);
  }

  private async snapshot(text: string): Promise<void> {
    const now = this.#now();
    try {
      await takeBackup(this.dir, text, now);
      this.#lastBackupAt = now.getTime();
      await pruneBackups(this.dir, now);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
      const notice = `A backup of your library could not be written (${reason}).`;
      if (!this.#messages.includes(notice)) this.#messages.push(notice);
    }
  }
}

/** Short random ids: 12 characters from [a-z0-9], safe in file names, URLs and Markdown block ids. */
export function newId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += alphabet[b % alphabet.length];
  return id;
}
