import path from 'node:path';
import { dialog, shell, type BrowserWindow } from 'electron';
import type { MarkdownFile } from '../common/api';
import { writeFileAtomic } from '../core/archive/atomic-write';
import { writeMarkdownFolder } from '../core/export/write-folder';
import { safeFileName } from './file-names';
import { isAllowedExternalUrl } from './navigation-policy';

/**
 * What `window.marginShell` does in the main process. The renderer only ever supplies names and
 * contents; every path comes from a dialog the user answered.
 */
export interface ShellActions {
  saveMarkdownFile(file: MarkdownFile): Promise<boolean>;
  saveMarkdownFolder(files: MarkdownFile[]): Promise<{ written: number } | null>;
  openExternal(url: string): Promise<void>;
}

export function createShellActions(opts: {
  window: () => BrowserWindow | null;
  documentsDir: () => string;
}): ShellActions {
  return {
    async saveMarkdownFile(file) {
      const dialogOptions = {
        title: 'Save notes as Markdown',
        defaultPath: path.join(opts.documentsDir(), safeFileName(file.fileName)),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      };
      const win = opts.window();
      const result = win
        ? await dialog.showSaveDialog(win, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      if (result.canceled || !result.filePath) return false;
      await writeFileAtomic(result.filePath, file.markdown);
      return true;
    },

    async saveMarkdownFolder(files) {
      const dialogOptions = {
        title: 'Choose a folder for the exported notes',
        buttonLabel: 'Export here',
        properties: ['openDirectory', 'createDirectory'] as Array<
          'openDirectory' | 'createDirectory'
        >,
      };
      const win = opts.window();
      const result = win
        ? await dialog.showOpenDialog(win, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions);
      const dir = result.filePaths[0];
      if (result.canceled || dir === undefined) return null;
      return { written: await writeMarkdownFolder(dir, files) };
    },

    async openExternal(url) {
      // Anything but plain http(s) is ignored, as the contract says: the OS would otherwise
      // launch whatever handles file:, smb:, or a custom scheme.
      if (!isAllowedExternalUrl(url)) return;
      await shell.openExternal(url);
    },
  };
}
