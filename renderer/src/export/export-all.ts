import type { MarginApi, MarkdownFile } from '../../../electron/common/api';
import { shell } from '../api/bridge';
import { openFolderSession, type DirectoryHandleLike, type FolderCounts } from './browser-folder';

/** Articles rendered per API call: small enough for steady progress and a prompt cancel. */
const PAGE = 200;

export interface Progress {
  done: number;
  total: number;
}

/** Where the files go: the app's folder dialog, or a folder the browser lets the page write. */
export type FolderResult =
  | { kind: 'browser'; counts: FolderCounts }
  | { kind: 'app'; written: number }
  | { kind: 'cancelled' }
  | { kind: 'unsupported' };

type Picker = (options: { mode: 'readwrite' }) => Promise<DirectoryHandleLike>;

export function canExportToFolder(): boolean {
  return Boolean(
    shell() || (window as unknown as { showDirectoryPicker?: Picker }).showDirectoryPicker,
  );
}

/** Every article with notes, one page at a time. */
async function* pages(
  api: MarginApi,
  signal: AbortSignal,
): AsyncGenerator<{ files: MarkdownFile[]; total: number }> {
  for (let start = 0; ; start += PAGE) {
    signal.throwIfAborted();
    const page = await api.exportAllPage(start, PAGE);
    yield page;
    if (start + PAGE >= page.total) return;
  }
}

/**
 * "Export all to folder": asks for the folder, then renders and writes page by page, reporting
 * progress. Aborting `signal` stops between files; files already written are complete.
 */
export async function exportAllToFolder(
  api: MarginApi,
  options: { signal: AbortSignal; onProgress(progress: Progress): void },
): Promise<FolderResult> {
  const { signal, onProgress } = options;
  const native = shell();
  if (native) {
    // The app's main process writes the folder; here the files are gathered with progress.
    const files: MarkdownFile[] = [];
    for await (const page of pages(api, signal)) {
      files.push(...page.files);
      onProgress({ done: files.length, total: page.total });
    }
    const saved = await native.saveMarkdownFolder(files);
    return saved ? { kind: 'app', written: saved.written } : { kind: 'cancelled' };
  }
  const picker = (window as unknown as { showDirectoryPicker?: Picker }).showDirectoryPicker;
  if (!picker) return { kind: 'unsupported' };
  let dir: DirectoryHandleLike;
  try {
    dir = await picker({ mode: 'readwrite' });
  } catch {
    return { kind: 'cancelled' }; // The user closed the picker.
  }
  const session = await openFolderSession(dir);
  let done = 0;
  for await (const page of pages(api, signal)) {
    onProgress({ done, total: page.total });
    for (const file of page.files) {
      await session.write([file], signal);
      done += 1;
      if (done % 20 === 0 || done === page.total) onProgress({ done, total: page.total });
    }
  }
  return { kind: 'browser', counts: session.counts };
}
