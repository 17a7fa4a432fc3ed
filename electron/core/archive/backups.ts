import path from 'node:path';
import { mkdirDurable, writeFileAtomic } from './atomic-write';
import { archiveFs } from './fs-facade';
import { BACKUPS_DIR, fileStamp, parseFileStamp } from './layout';
import { inspectLibraryText, type InspectedLibrary } from './library-schema';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** A new snapshot is due when the newest is this old. */
export const BACKUP_INTERVAL_MS = HOUR;
/** One snapshot per hour is kept for this long… */
const KEEP_HOURLY_FOR = DAY;
/** …and one per day for this long. The newest is always kept, however old. */
const KEEP_DAILY_FOR = 30 * DAY;

const BACKUP_NAME = /^library-(\d{8}T\d{9}Z)\.json$/;

export interface Backup {
  file: string;
  takenAt: Date;
}

/** The snapshots in `<library>/backups/`, newest first. */
export async function listBackups(libraryDir: string): Promise<Backup[]> {
  const dir = path.join(libraryDir, BACKUPS_DIR);
  let names: string[];
  try {
    names = await archiveFs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: Backup[] = [];
  for (const name of names) {
    const takenAt = parseFileStamp(BACKUP_NAME.exec(name)?.[1] ?? '');
    if (takenAt) backups.push({ file: path.join(dir, name), takenAt });
  }
  return backups.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/**
 * Saves `text` as a snapshot. Callers pass only text that parsed and validated (what was just
 * read and checked, or just written after validation), so every snapshot is a usable library.
 */
export async function takeBackup(libraryDir: string, text: string, now: Date): Promise<Backup> {
  const dir = path.join(libraryDir, BACKUPS_DIR);
  await mkdirDurable(dir);
  const file = path.join(dir, `library-${fileStamp(now)}.json`);
  await writeFileAtomic(file, text);
  return { file, takenAt: now };
}

/** Which snapshots the rotation keeps: the newest per hour for a day, per day for a month. */
export function backupsToKeep(backups: readonly Backup[], now: Date): Set<string> {
  const keep = new Set<string>();
  const hours = new Set<number>();
  const days = new Set<number>();
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  if (newestFirst[0]) keep.add(newestFirst[0].file);
  for (const backup of newestFirst) {
    const t = backup.takenAt.getTime();
    const age = now.getTime() - t;
    const hour = Math.floor(t / HOUR);
    const day = Math.floor(t / DAY);
    if (age < KEEP_HOURLY_FOR && !hours.has(hour)) {
      hours.add(hour);
      keep.add(backup.file);
    }
    if (age < KEEP_DAILY_FOR && !days.has(day)) {
      days.add(day);
      keep.add(backup.file);
    }
  }
  return keep;
}

/** Deletes the snapshots the rotation no longer keeps (only Margin's own snapshot files). */
export async function pruneBackups(libraryDir: string, now: Date): Promise<void> {
  const backups = await listBackups(libraryDir);
  const keep = backupsToKeep(backups, now);
  for (const backup of backups) {
    if (!keep.has(backup.file)) await archiveFs.unlink(backup.file).catch(() => undefined);
  }
}

export interface UsableBackup extends Backup {
  text: string;
  inspected: Extract<InspectedLibrary, { kind: 'current' | 'older' }>;
}

/** The newest snapshot that parses and validates, skipping damaged ones; null if none does. */
export async function newestUsableBackup(libraryDir: string): Promise<UsableBackup | null> {
  for (const backup of await listBackups(libraryDir)) {
    const text = await archiveFs.readFile(backup.file, 'utf8').catch(() => null);
    if (text === null) continue;
    const inspected = inspectLibraryText(text);
    if (inspected.kind === 'current' || inspected.kind === 'older') {
      return { ...backup, text, inspected };
    }
  }
  return null;
}
