import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  emptyFolderIndex,
  indexExistingFile,
  type FolderIndex,
} from '../../common/export/folder-plan';
import { yieldToEventLoop } from './yield';

/** What an export folder already holds. */
export interface FolderState extends FolderIndex {
  /** Contents read while scanning, by file name, to spare reading them again (bounded). */
  contents: Map<string, string>;
}

/** Contents kept from the scan, at most: past it files are simply read again. */
const CONTENT_CACHE_CHARS = 64 * 1024 * 1024;
/** Files read between two turns of the event loop (reads are synchronous: see FolderWriter). */
const READ_BATCH = 64;

/**
 * Reads every `.md` file directly in `dir` to find which article each belongs to (its front
 * matter `id`, else its begin marker), so a file the user renamed is found again. Files that are
 * not UTF-8, or not Margin's, only reserve their names; empty files don't (a new file that a power
 * cut emptied is simply written again). Of two files claiming one article, the first by name
 * wins; the other is left alone.
 */
export async function scanExportFolder(dir: string, signal?: AbortSignal): Promise<FolderState> {
  const entries = await readdir(dir, { withFileTypes: true });
  const index = emptyFolderIndex(entries.map((entry) => entry.name));
  const markdown = entries
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const contents = new Map<string, string>();
  let cached = 0;
  for (let start = 0; start < markdown.length; start += READ_BATCH) {
    signal?.throwIfAborted();
    for (const name of markdown.slice(start, start + READ_BATCH)) {
      const text = readText(path.join(dir, name), decoder);
      if (text === null || indexExistingFile(index, name, text) === null) continue;
      if (cached + text.length <= CONTENT_CACHE_CHARS) {
        cached += text.length;
        contents.set(name, text);
      }
    }
    await yieldToEventLoop();
  }
  return { ...index, contents };
}

/** The file's text, or null if it can't be read or is not UTF-8: not a file Margin wrote. */
function readText(file: string, decoder: TextDecoder): string | null {
  try {
    return decoder.decode(readFileSync(file));
  } catch {
    return null;
  }
}
