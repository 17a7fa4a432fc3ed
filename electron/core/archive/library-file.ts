import type { Adapter } from 'lowdb';
import { MarginError } from '../../common/errors';
import type { LibraryDocument } from '../../common/model';
import { writeFileAtomic } from './atomic-write';
import { archiveFs } from './fs-facade';
import { invalidReason, parseLibraryDocument } from './library-schema';

/** lowdb rewrites the whole file on every change; at most one write starts per this interval. */
export const MIN_WRITE_INTERVAL_MS = 100;

/** `library.json` could not be written; the document on disk is the last one that was. */
export class LibraryWriteError extends MarginError {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message.split('\n', 1)[0] : String(cause);
    super('io', `The library could not be saved: ${reason}`);
  }
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export interface LibraryFileOptions {
  minIntervalMs?: number;
  /** Runs after each successful write, before it is acknowledged, with the text now on disk. */
  afterWrite?: (text: string) => Promise<void>;
  /** The text on disk when the archive was opened, if any. */
  durableText?: string | null;
}

/**
 * lowdb adapter for `library.json`. Unlike lowdb's JSONFile it refuses to hand back a document
 * it cannot parse, refuses to write one that does not match the schema, and writes atomically
 * and durably. Writes are coalesced: an edit is written at once, but while a write is under way
 * (or one started less than `minIntervalMs` ago) further edits wait and go out together as the
 * newest document. Every `write()` resolves only once its document (or a newer one) is on disk.
 */
export class LibraryFile implements Adapter<LibraryDocument> {
  #writing: Promise<void> | null = null;
  #next: { text: string; waiters: Waiter[] } | null = null;
  #lastStart = 0;
  #urgent = false;
  #wake: (() => void) | null = null;
  #durableText: string | null;
  readonly #minIntervalMs: number;
  readonly #afterWrite: ((text: string) => Promise<void>) | undefined;

  constructor(
    readonly file: string,
    options: LibraryFileOptions = {},
  ) {
    this.#minIntervalMs = options.minIntervalMs ?? MIN_WRITE_INTERVAL_MS;
    this.#afterWrite = options.afterWrite;
    this.#durableText = options.durableText ?? null;
  }

  async read(): Promise<LibraryDocument | null> {
    let text: string;
    try {
      text = await archiveFs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const doc = parseLibraryDocument(text, this.file);
    this.#durableText = text;
    return doc;
  }

  /** The document as it is on disk now (null before the first write of a new library). */
  durableDocument(): LibraryDocument | null {
    return this.#durableText === null ? null : (JSON.parse(this.#durableText) as LibraryDocument);
  }

  write(data: LibraryDocument): Promise<void> {
    // Checked here, per call, so an invalid document never joins a batch and the file stays as it was.
    const invalid = invalidReason(data);
    if (invalid !== null) {
      return Promise.reject(
        new Error(`Margin refused to save an invalid library (${invalid}); nothing was changed.`),
      );
    }
    const text = JSON.stringify(data, null, 2) + '\n';
    return new Promise((resolve, reject) => {
      if (this.#next) {
        this.#next.text = text;
        this.#next.waiters.push({ resolve, reject });
      } else {
        this.#next = { text, waiters: [{ resolve, reject }] };
      }
      this.#writing ??= this.#drain();
    });
  }

  /** Writes whatever is pending now, without waiting out the interval; resolves when done. */
  async flush(): Promise<void> {
    if (!this.#writing) return;
    this.#urgent = true;
    this.#wake?.();
    await this.#writing;
  }

  async #drain(): Promise<void> {
    while (this.#next) {
      const wait = this.#lastStart + this.#minIntervalMs - Date.now();
      if (wait > 0 && !this.#urgent) await this.#sleep(wait);
      const batch = this.#next;
      if (!batch) break;
      this.#next = null;
      this.#lastStart = Date.now();
      try {
        await writeFileAtomic(this.file, batch.text);
      } catch (cause) {
        // Documents still waiting were built on top of this one: they fail with it.
        const failed = [...batch.waiters, ...this.#takePending()];
        const error = new LibraryWriteError(cause);
        for (const w of failed) w.reject(error);
        break;
      }
      this.#durableText = batch.text;
      // The hourly snapshot is taken before the save is acknowledged, so a caller that awaited
      // its change sees the folder settled. A backup that fails does not fail the save.
      await this.#afterWrite?.(batch.text).catch(() => undefined);
      for (const w of batch.waiters) w.resolve();
    }
    this.#urgent = false;
    this.#writing = null;
  }

  #takePending(): Waiter[] {
    const pending = this.#next?.waiters ?? [];
    this.#next = null;
    return pending;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }
}
