import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { MarkdownFile } from '../../common/api';
import { writeFileAtomic } from '../archive/atomic-write';

/** Writes each file into `dir` atomically; file names must already be safe and unique. */
export async function writeMarkdownFolder(dir: string, files: MarkdownFile[]): Promise<number> {
  await mkdir(dir, { recursive: true });
  for (const file of files) {
    if (path.basename(file.fileName) !== file.fileName) {
      throw new Error(`Refusing an unsafe export file name: ${file.fileName}`);
    }
    await writeFileAtomic(path.join(dir, file.fileName), file.markdown);
  }
  return files.length;
}
