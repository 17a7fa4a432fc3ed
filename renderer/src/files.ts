import type { ImportFile, MarkdownFile } from '../../electron/common/api';
import { shell } from './api/bridge';
import type { PathedFile } from './dropped-files';

export const IMPORT_ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.mhtml,.mht,text/plain,text/markdown,text/html,multipart/related';

/** Files for the import API; a dropped folder's files are named by their path in it. */
export async function toImportFiles(files: Iterable<File | PathedFile>): Promise<ImportFile[]> {
  return Promise.all(
    Array.from(files).map(async (item) => {
      const { file, path } = item instanceof File ? { file: item, path: item.name } : item;
      return { name: path, base64: await toBase64(file) };
    }),
  );
}

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Electron: a native save dialog. Browser: a download. Resolves false if the user cancelled. */
export async function saveMarkdownFile(file: MarkdownFile): Promise<boolean> {
  const native = shell();
  if (native) return native.saveMarkdownFile(file);
  const url = URL.createObjectURL(new Blob([file.markdown], { type: 'text/markdown' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
