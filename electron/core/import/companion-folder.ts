/**
 * Reads the `<name>_files/` folder a browser saved next to `<name>.html`, so the CLI (and the
 * app, for files handed to it by path) imports a saved page with its images, as a drop of the
 * page and its folder would. Names come back relative to the page's folder, the way
 * `groupCompanionFiles` expects them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { COMPANION_SUFFIX } from './companion-files';

/** A saved page's folder holds a few hundred files at most; past this, the rest is ignored. */
const MAX_FILES = 900;
/** Larger files are not images worth keeping (writeAsset refuses them too). */
const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** The files of `page.html`'s `page_files/` folder, named `page_files/…`; none if it has none. */
export async function readCompanionFolder(
  pagePath: string,
): Promise<{ name: string; bytes: Uint8Array }[]> {
  if (!/\.html?$/i.test(pagePath)) return [];
  const folderName = path.basename(pagePath).replace(/\.html?$/i, '') + COMPANION_SUFFIX;
  const folder = path.join(path.dirname(pagePath), folderName);
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return []; // no folder (the usual case), or one that cannot be read: the page still imports
  }
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const entry of entries) {
    if (files.length >= MAX_FILES) break;
    if (!entry.isFile()) continue; // symlinks and devices are not followed
    const full = path.join(entry.parentPath, entry.name);
    try {
      const bytes = await readFile(full);
      if (bytes.length > MAX_FILE_BYTES) continue;
      const relative = path.relative(path.dirname(pagePath), full).split(path.sep).join('/');
      files.push({ name: relative, bytes });
    } catch {
      // unreadable: that image becomes a placeholder
    }
  }
  return files;
}
