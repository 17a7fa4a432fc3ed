import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { LibraryDocument } from '../../common/model';
import { writeFileAtomic } from './atomic-write';
import { LibraryFile } from './library-file';
import { emptyLibrary } from './library-schema';

export const LIBRARY_FILE = 'library.json';
export const ARTICLES_DIR = 'articles';
export const CONTENT_FILE = 'content.html';
export const TEXT_FILE = 'text.txt';

/**
 * The library folder: `library.json` (lowdb; metadata, highlights, notes) and one folder per
 * article under `articles/<id>/` (readable HTML, its plain text, the original file). Article
 * files are always written before `library.json` refers to them.
 */
export class Archive {
  private constructor(
    readonly dir: string,
    private readonly db: Low<LibraryDocument>,
  ) {}

  static async open(dir: string): Promise<Archive> {
    await mkdir(path.join(dir, ARTICLES_DIR), { recursive: true });
    const db = new Low<LibraryDocument>(
      new LibraryFile(path.join(dir, LIBRARY_FILE)),
      emptyLibrary(),
    );
    // LibraryFile.read throws on a damaged file, so lowdb never falls back to the default over it.
    await db.read();
    return new Archive(dir, db);
  }

  get data(): LibraryDocument {
    return this.db.data;
  }

  /**
   * Applies `change` to the document and writes it. If the write fails the in-memory document is
   * put back as it was, so memory never claims something the disk does not hold.
   */
  async transact<T>(change: (doc: LibraryDocument) => T): Promise<T> {
    const before = structuredClone(this.db.data);
    try {
      const result = change(this.db.data);
      await this.db.write();
      return result;
    } catch (error) {
      this.db.data = before;
      throw error;
    }
  }

  /** Resolves when every write issued so far is on disk. */
  async flush(): Promise<void> {
    await this.db.write();
  }

  articleDir(id: string): string {
    return path.join(this.dir, ARTICLES_DIR, id);
  }

  async writeArticleFiles(id: string, files: Record<string, string | Uint8Array>): Promise<void> {
    const dir = this.articleDir(id);
    await mkdir(dir, { recursive: true });
    for (const [name, data] of Object.entries(files)) {
      await writeFileAtomic(path.join(dir, name), data);
    }
  }

  readArticleFile(id: string, name: string): Promise<string> {
    return readFile(path.join(this.articleDir(id), name), 'utf8');
  }

  async removeArticleFiles(id: string): Promise<void> {
    await rm(this.articleDir(id), { recursive: true, force: true });
  }

  /** Article folders that `library.json` does not mention (left by an import that failed midway). */
  async strayArticleDirs(): Promise<string[]> {
    const known = new Set(this.data.articles.map((a) => a.id));
    const entries = await readdir(path.join(this.dir, ARTICLES_DIR), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !known.has(e.name)).map((e) => e.name);
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

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
