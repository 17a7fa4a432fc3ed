/** The names of everything in a library folder (see README, "Where your library lives"). */
export const LIBRARY_FILE = 'library.json';
export const ARTICLES_DIR = 'articles';
export const CONTENT_FILE = 'content.html';
export const TEXT_FILE = 'text.txt';
/** Rotating snapshots of `library.json` (see backups.ts). */
export const BACKUPS_DIR = 'backups';
/** Who is writing this library right now (see library-lock.ts). */
export const LOCK_FILE = 'library.lock';
/** Where `verify --repair` and restores put things aside instead of deleting them. */
export const LOST_AND_FOUND_DIR = 'lost+found';
/** A damaged `library.json` is renamed to this plus a time stamp, byte for byte. */
export const CORRUPT_PREFIX = `${LIBRARY_FILE}.corrupt-`;

/** A file-name-safe UTC time stamp that sorts in time order: 20261125T140000123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/** The inverse of `fileStamp`; null if `stamp` is not one. */
export function parseFileStamp(stamp: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "25 Nov 2026, 14:00" in the user's time zone: how notices name a moment. */
export function plainDate(date: Date): string {
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
