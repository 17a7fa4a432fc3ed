import path from 'node:path';
import type { MarkdownFile } from '../../common/api';
import { exportItemOf, type ExportItem } from '../../common/export/folder-plan';
import { writeFileAtomic } from '../archive/atomic-write';
import { exportRendered } from './folder-export';

/**
 * Writes export files (as `exportAll` returns them) into `dir` with the same care as
 * exportToFolder: each file goes to the article's existing file if there is one (found by id),
 * only its managed region and Margin's front matter keys change, unchanged files are not
 * touched, and a name taken by a file that is not Margin's gets a number. Files that are not
 * Margin exports (no markers) are simply written, atomically. Returns how many files now hold
 * their article's notes (written or already up to date).
 */
export async function writeMarkdownFolder(dir: string, files: MarkdownFile[]): Promise<number> {
  const items: ExportItem[] = [];
  const others: MarkdownFile[] = [];
  for (const file of files) {
    if (path.basename(file.fileName) !== file.fileName) {
      throw new Error(`Refusing an unsafe export file name: ${file.fileName}`);
    }
    const item = exportItemOf(file);
    if (item === null) others.push(file);
    else items.push(item);
  }
  const result = await exportRendered({ dir, items, total: items.length });
  for (const file of others) await writeFileAtomic(path.join(dir, file.fileName), file.markdown);
  return result.written + result.unchanged + others.length;
}
