/**
 * "Export all to folder" in a browser: the folder the user picked (File System Access API),
 * updated with the same rules as the app and the CLI (see electron/common/export/folder-plan.ts):
 * files found again by id, only Margin's region rewritten, unchanged files not touched. Each
 * file is written through a writable stream, which Chromium commits in one step on close.
 */
import type { MarkdownFile } from '../../../electron/common/api';
import {
  claimFile,
  emptyFolderIndex,
  exportItemOf,
  indexExistingFile,
  planFile,
} from '../../../electron/common/export/folder-plan';

interface FileHandleLike {
  kind: 'file';
  getFile(): Promise<Blob>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}
export interface DirectoryHandleLike {
  entries(): AsyncIterable<[string, FileHandleLike | { kind: 'directory' }]>;
  getFileHandle(name: string, options: { create: boolean }): Promise<FileHandleLike>;
}

export interface FolderCounts {
  written: number;
  unchanged: number;
  skipped: number;
  skippedFiles: { file: string; reason: string }[];
}

export interface FolderSession {
  write(files: readonly MarkdownFile[], signal?: AbortSignal): Promise<void>;
  readonly counts: FolderCounts;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

async function readText(handle: FileHandleLike): Promise<string | null> {
  try {
    return decoder.decode(await (await handle.getFile()).arrayBuffer());
  } catch {
    return null;
  }
}

/** Reads what the folder holds, then writes files into it as they come. */
export async function openFolderSession(dir: DirectoryHandleLike): Promise<FolderSession> {
  const files: [string, FileHandleLike][] = [];
  const names: string[] = [];
  for await (const [name, handle] of dir.entries()) {
    names.push(name);
    if (handle.kind === 'file' && /\.md$/i.test(name)) files.push([name, handle]);
  }
  const index = emptyFolderIndex(names);
  const contents = new Map<string, string>();
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, handle] of files) {
    const text = await readText(handle);
    if (text !== null && indexExistingFile(index, name, text) !== null) contents.set(name, text);
  }
  const counts: FolderCounts = { written: 0, unchanged: 0, skipped: 0, skippedFiles: [] };

  async function writeOne(file: MarkdownFile): Promise<void> {
    const item = exportItemOf(file);
    if (item === null) {
      counts.skipped += 1;
      counts.skippedFiles.push({ file: file.fileName, reason: 'not a Margin export' });
      return;
    }
    const target = claimFile(index, item.article.articleId, item.fileName);
    const before = target.existing ? (contents.get(target.file) ?? null) : null;
    contents.delete(target.file);
    const plan = planFile(before, item);
    if (plan.kind === 'unchanged') counts.unchanged += 1;
    else if (plan.kind === 'skipped') {
      counts.skipped += 1;
      counts.skippedFiles.push({ file: target.file, reason: plan.reason });
    } else {
      const writable = await (
        await dir.getFileHandle(target.file, { create: true })
      ).createWritable();
      await writable.write(plan.text);
      await writable.close();
      counts.written += 1;
    }
  }

  return {
    counts,
    async write(batch, signal) {
      for (const file of batch) {
        signal?.throwIfAborted();
        await writeOne(file);
      }
    },
  };
}
