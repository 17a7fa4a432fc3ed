import path from 'node:path';
import { fsyncDir, mkdirDurable } from './atomic-write';
import { archiveFs } from './fs-facade';
import { LOST_AND_FOUND_DIR, fileStamp } from './layout';

/**
 * Moves files or folders (paths relative to the library) into `lost+found/<time>/`, keeping
 * their relative paths. Nothing is deleted: the user can look, and move things back.
 * Returns where each one went, relative to the library.
 */
export async function moveToLostAndFound(
  libraryDir: string,
  relativePaths: readonly string[],
  now: Date,
): Promise<string[]> {
  const moved: string[] = [];
  const base = path.join(LOST_AND_FOUND_DIR, fileStamp(now));
  for (const rel of relativePaths) {
    const from = path.join(libraryDir, rel);
    const to = path.join(libraryDir, base, rel);
    await mkdirDurable(path.dirname(to));
    await archiveFs.rename(from, to);
    await fsyncDir(path.dirname(from));
    await fsyncDir(path.dirname(to));
    moved.push(path.join(base, rel));
  }
  return moved;
}
