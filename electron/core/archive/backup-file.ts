import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { MarginError } from '../../common/errors';
import { assetExtension } from '../../common/asset-url';
import { ASSETS_DIR } from './assets';
import { isTempFile, writeStreamAtomic } from './atomic-write';
import { archiveFs } from './fs-facade';
import { ARTICLES_DIR, LIBRARY_FILE } from './layout';
import { SAFE_ID, inspectLibraryText } from './library-schema';
import { readTar, tarStream, type TarEntry } from './tar';

/** Everything in a backup file sits under this folder, so `tar xzf` makes a library folder. */
export const BACKUP_ROOT = 'margin-library';

const ATTEMPTS = 3;

/** An article folder vanished while it was being read (the app purged the trash): start over. */
class VanishedWhileReading extends Error {}

export interface BackupSummary {
  file: string;
  articles: number;
  highlights: number;
  files: number;
  bytes: number;
}

/**
 * Writes the whole library (catalog and every file of every article) into one .tar.gz that any
 * tar can read. Changes nothing in the library and takes no lock, so it works while Margin runs:
 * article files never change once written, and if one disappears mid-way the backup starts over.
 */
export async function writeBackupFile(
  libraryDir: string,
  outFile: string,
  now = new Date(),
): Promise<BackupSummary> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(libraryDir, outFile, now);
    } catch (error) {
      if (!(error instanceof VanishedWhileReading) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function writeOnce(libraryDir: string, outFile: string, now: Date): Promise<BackupSummary> {
  let text: string;
  try {
    text = await archiveFs.readFile(path.join(libraryDir, LIBRARY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new MarginError(
      'not-found',
      `There is no library.json in ${libraryDir}; no backup was written.`,
    );
  }
  const inspected = inspectLibraryText(text);
  if (inspected.kind === 'damaged') {
    throw new MarginError(
      'corrupt-library',
      `library.json is damaged (${inspected.reason}); run margin verify --repair first. No backup was written.`,
    );
  }
  const doc = inspected.kind === 'older' ? inspected.json : (inspected.doc ?? JSON.parse(text));
  const ids = ((doc as { articles?: { id: string }[] }).articles ?? []).map((a) => a.id);
  const highlights = ((doc as { highlights?: unknown[] }).highlights ?? []).length;
  let files = 0;

  async function* entries(): AsyncGenerator<TarEntry> {
    const dir = (name: string): TarEntry => ({
      name,
      type: 'dir',
      data: new Uint8Array(),
      mtime: now,
    });
    yield dir(`${BACKUP_ROOT}/`);
    yield {
      name: `${BACKUP_ROOT}/${LIBRARY_FILE}`,
      type: 'file',
      data: Buffer.from(text),
      mtime: now,
    };
    yield dir(`${BACKUP_ROOT}/${ARTICLES_DIR}/`);
    for (const id of ids) {
      const articleDir = path.join(libraryDir, ARTICLES_DIR, id);
      yield dir(`${BACKUP_ROOT}/${ARTICLES_DIR}/${id}/`);
      for (const name of (await readdirOrVanish(articleDir)).sort()) {
        if (isTempFile(name)) continue;
        if (name === ASSETS_DIR) {
          // Stored images: one level down, images only (see assets.ts).
          yield dir(`${BACKUP_ROOT}/${ARTICLES_DIR}/${id}/${ASSETS_DIR}/`);
          const assetsDir = path.join(articleDir, ASSETS_DIR);
          for (const file of (await readdirOrVanish(assetsDir)).sort()) {
            if (assetExtension(file) === null) continue;
            const data = await archiveFs.readFile(path.join(assetsDir, file)).catch(vanish);
            files++;
            yield {
              name: `${BACKUP_ROOT}/${ARTICLES_DIR}/${id}/${ASSETS_DIR}/${file}`,
              type: 'file',
              data,
              mtime: now,
            };
          }
          continue;
        }
        const data = await archiveFs.readFile(path.join(articleDir, name)).catch(vanish);
        files++;
        yield {
          name: `${BACKUP_ROOT}/${ARTICLES_DIR}/${id}/${name}`,
          type: 'file',
          data,
          mtime: now,
        };
      }
    }
  }

  const gzip = createGzip();
  const feeding = pipeline(Readable.from(tarStream(entries())), gzip).catch((error: unknown) => {
    gzip.destroy(error as Error);
    return error;
  });
  await writeStreamAtomic(outFile, gzip);
  const failed = await feeding;
  if (failed) throw failed;
  const bytes = (await archiveFs.stat(outFile)).size;
  return { file: outFile, articles: ids.length, highlights, files, bytes };
}

async function readdirOrVanish(dir: string): Promise<string[]> {
  return archiveFs.readdir(dir).catch(vanish);
}

function vanish(error: NodeJS.ErrnoException): never {
  if (error.code === 'ENOENT') throw new VanishedWhileReading(error.message);
  throw error;
}

/**
 * What a backup file holds, checked: only `library.json`, `articles/<id>/<file>` and
 * `articles/<id>/assets/<image>` paths.
 */
export interface BackupContents {
  file: string;
  /** When the backup was written (the time stamp of its library.json entry). */
  takenAt: Date | null;
  libraryText: string;
  /** Article files by path relative to the library: `articles/<id>/<name>`. */
  files: Map<string, Buffer>;
  /** Entries that are not part of a library, left out. */
  ignored: string[];
}

export async function readBackupFile(file: string): Promise<BackupContents> {
  const entries: TarEntry[] = [];
  try {
    const gunzip = createGunzip();
    const reading = pipeline(createReadStream(file), gunzip).catch((error: unknown) => {
      gunzip.destroy(error as Error);
    });
    for await (const entry of readTar(gunzip)) entries.push(entry);
    await reading;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MarginError('not-found', `${file}: no such file`);
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    throw new MarginError(
      'invalid-argument',
      `${file} is not a readable Margin backup (${reason}).`,
    );
  }
  const root = rootOf(entries);
  const contents: BackupContents = {
    file,
    takenAt: null,
    libraryText: '',
    files: new Map(),
    ignored: [],
  };
  let sawLibrary = false;
  for (const entry of entries) {
    if (entry.type !== 'file') continue;
    const rel = root && entry.name.startsWith(root) ? entry.name.slice(root.length) : entry.name;
    const parts = rel.split('/');
    if (rel === LIBRARY_FILE) {
      contents.libraryText = Buffer.from(entry.data).toString('utf8');
      contents.takenAt = entry.mtime;
      sawLibrary = true;
    } else if (
      parts.length === 3 &&
      parts[0] === ARTICLES_DIR &&
      SAFE_ID.test(parts[1]!) &&
      isPlainName(parts[2]!)
    ) {
      contents.files.set(rel, Buffer.from(entry.data));
    } else if (
      parts.length === 4 &&
      parts[0] === ARTICLES_DIR &&
      SAFE_ID.test(parts[1]!) &&
      parts[2] === ASSETS_DIR &&
      assetExtension(parts[3]!) !== null
    ) {
      contents.files.set(rel, Buffer.from(entry.data));
    } else {
      contents.ignored.push(entry.name);
    }
  }
  if (!sawLibrary) {
    throw new MarginError(
      'invalid-argument',
      `${file} is not a Margin backup (it has no library.json).`,
    );
  }
  return contents;
}

/** `margin-library/` when every entry is under one folder holding library.json; else ''. */
function rootOf(entries: TarEntry[]): string {
  const library = entries.find((e) => e.type === 'file' && e.name.endsWith(`/${LIBRARY_FILE}`));
  if (!library || entries.some((e) => e.name === LIBRARY_FILE)) return '';
  const root = library.name.slice(0, -LIBRARY_FILE.length);
  return root.split('/').length === 2 ? root : '';
}

function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[\\\0]/.test(name) && !isTempFile(name);
}
