import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { MarginError } from '../../common/errors';
import { SCHEMA_VERSION, type LibraryDocument } from '../../common/model';
import { writeFileAtomic } from './atomic-write';
import { parseLibraryDocument } from './library-schema';

/**
 * lowdb adapter for `library.json`. Unlike lowdb's JSONFile it refuses to hand back a document
 * it cannot parse (so nothing ever overwrites a user's damaged file with an empty library), and
 * it writes atomically and durably. Concurrent writes are coalesced: only the newest pending
 * document is written once the current write finishes (as steno does).
 */
export class LibraryFile implements Adapter<LibraryDocument> {
  #writing: Promise<void> | null = null;
  #next: { data: string; waiters: { resolve(): void; reject(e: unknown): void }[] } | null = null;

  constructor(readonly file: string) {}

  async read(): Promise<LibraryDocument | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseLibraryDocument(text, this.file);
  }

  write(data: LibraryDocument): Promise<void> {
    if (data.schemaVersion > SCHEMA_VERSION) {
      return Promise.reject(
        new MarginError(
          'corrupt-library',
          'This library was written by a newer Margin; it is left unchanged.',
        ),
      );
    }
    const text = JSON.stringify(data, null, 2) + '\n';
    return new Promise((resolve, reject) => {
      if (this.#next) {
        this.#next.data = text;
        this.#next.waiters.push({ resolve, reject });
      } else {
        this.#next = { data: text, waiters: [{ resolve, reject }] };
      }
      if (!this.#writing) this.#writing = this.#drain();
    });
  }

  async #drain(): Promise<void> {
    while (this.#next) {
      const { data, waiters } = this.#next;
      this.#next = null;
      try {
        await writeFileAtomic(this.file, data);
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    }
    this.#writing = null;
  }
}
