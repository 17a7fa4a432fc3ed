import path from 'node:path';
import { MarginError } from '../../common/errors';
import type { LibraryDocument } from '../../common/model';
import { fsyncDir, writeFileAtomic } from './atomic-write';
import { newestUsableBackup, takeBackup, type UsableBackup } from './backups';
import { sha256 } from './hash';
import { archiveFs } from './fs-facade';
import { ARTICLES_DIR, CORRUPT_PREFIX, LIBRARY_FILE, fileStamp, plainDate } from './layout';
import { emptyLibrary, inspectLibraryText } from './library-schema';
import { migrateLibrary, type MigrationContext } from './migrations';

/** 'write' holds the library's lock and may change files; 'read' changes nothing on disk. */
export type OpenMode = 'write' | 'read';

export interface LoadedLibrary {
  doc: LibraryDocument;
  /** Written by a newer Margin: shown, never written. */
  newer: boolean;
  /** What happened on the way in, in plain words for the user. */
  messages: string[];
  /** The valid `library.json` text now on disk that `doc` came from; null if there is none. */
  diskText: string | null;
}

export function serializeLibrary(doc: LibraryDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * Reads `library.json` and makes it usable: migrates an older format forward, and replaces a
 * damaged file with the newest valid backup after moving it aside byte for byte. In 'read'
 * mode the same happens in memory only. Never starts an empty library over a user's file: with
 * a damaged file and no usable backup it throws 'corrupt-library' and leaves everything as is.
 */
export async function loadLibrary(dir: string, mode: OpenMode, now: Date): Promise<LoadedLibrary> {
  const file = path.join(dir, LIBRARY_FILE);
  const ctx = migrationContext(dir);
  const text = await readIfExists(file);

  if (text === null) {
    // No catalog at all but snapshots exist: the file was lost, not never written.
    const backup = await newestUsableBackup(dir);
    if (!backup) return { doc: emptyLibrary(), newer: false, messages: [], diskText: null };
    return restoreFromBackup(dir, mode, backup, ctx, (when) =>
      mode === 'write'
        ? `library.json was missing; your library was restored from the backup of ${when}. Changes made after that time are not in it.`
        : `library.json is missing. Showing your library as it was at ${when}; nothing was changed. Open Margin (or run margin verify --repair) to restore it.`,
    );
  }

  const inspected = inspectLibraryText(text);
  switch (inspected.kind) {
    case 'current':
      return { doc: inspected.doc, newer: false, messages: [], diskText: text };

    case 'older': {
      const { doc, from } = await migrateLibrary(inspected.json, ctx);
      if (mode === 'read') return { doc, newer: false, messages: [], diskText: null };
      // The old file is kept as a snapshot before anything replaces it.
      await takeBackup(dir, text, now);
      const migrated = serializeLibrary(doc);
      await writeFileAtomic(file, migrated);
      return {
        doc,
        newer: false,
        messages: [
          `Your library was upgraded from format ${from} to format ${doc.schemaVersion}; a copy of the previous library.json is in the backups folder.`,
        ],
        diskText: migrated,
      };
    }

    case 'newer':
      if (!inspected.doc) {
        throw new MarginError(
          'read-only',
          `${file} was written by a newer version of Margin (format ${inspected.version}) that this version cannot read. Update Margin; nothing was changed.`,
        );
      }
      return {
        doc: inspected.doc,
        newer: true,
        messages: [
          `This library was written by a newer version of Margin (format ${inspected.version}). It is open read-only and will not be changed; update Margin to make changes.`,
        ],
        diskText: text,
      };

    case 'damaged': {
      const backup = await newestUsableBackup(dir);
      if (!backup) {
        throw new MarginError(
          'corrupt-library',
          `${file} is damaged (${inspected.reason}) and there is no usable backup of it. Margin has not changed it; restore it from a copy of your own, or move it away to start a new library.`,
        );
      }
      if (mode === 'read') {
        return restoreFromBackup(
          dir,
          mode,
          backup,
          ctx,
          (when) =>
            `library.json is damaged (${inspected.reason}). Showing your library as it was at ${when}; nothing was changed. Open Margin (or run margin verify --repair) to restore it.`,
        );
      }
      const aside = `${CORRUPT_PREFIX}${fileStamp(now)}`;
      await archiveFs.rename(file, path.join(dir, aside));
      await fsyncDir(dir);
      return restoreFromBackup(
        dir,
        mode,
        backup,
        ctx,
        (when) =>
          `library.json was damaged (${inspected.reason}); it was moved aside as ${aside} and your library was restored from the backup of ${when}. Changes made after that time are not in it.`,
      );
    }
  }
}

async function restoreFromBackup(
  dir: string,
  mode: OpenMode,
  backup: UsableBackup,
  ctx: MigrationContext,
  message: (when: string) => string,
): Promise<LoadedLibrary> {
  const { doc } =
    backup.inspected.kind === 'current'
      ? { doc: backup.inspected.doc }
      : await migrateLibrary(backup.inspected.json, ctx);
  const messages = [message(plainDate(backup.takenAt))];
  if (mode === 'read') return { doc, newer: false, messages, diskText: null };
  const text = serializeLibrary(doc);
  await writeFileAtomic(path.join(dir, LIBRARY_FILE), text);
  return { doc, newer: false, messages, diskText: text };
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await archiveFs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function migrationContext(dir: string): MigrationContext {
  return {
    async hashArticleFiles(id, names) {
      const hashes: Record<string, string> = {};
      for (const name of names) {
        try {
          hashes[name] = sha256(await archiveFs.readFile(path.join(dir, ARTICLES_DIR, id, name)));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      return hashes;
    },
  };
}
