/**
 * What the user dropped, folders included: a saved page is `page.html` plus its `page_files/`
 * folder, and both must reach the importer together. Each file keeps its path relative to the
 * drop (`page_files/photo.jpg`); the renderer never learns, or sends, where it is on disk.
 */

/** A file and its path relative to what was dropped or picked. */
export interface PathedFile {
  file: File;
  path: string;
}

/** Past this, the rest of a dropped folder is left out (the import API takes 1000 files). */
const MAX_FILES = 1000;

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** All entries of a folder (the browser hands them out in batches). */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function collect(entry: FileSystemEntry, prefix: string, out: PathedFile[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), path });
  } else if (entry.isDirectory) {
    for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) {
      await collect(child, path, out);
    }
  }
}

/**
 * The dropped files, with the contents of dropped folders. Entries must be taken while the drop
 * event is being handled, so call this synchronously from the handler.
 */
export function droppedFiles(data: DataTransfer): Promise<PathedFile[]> {
  const entries = Array.from(data.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) {
    return Promise.resolve(Array.from(data.files).map((file) => ({ file, path: file.name })));
  }
  return (async () => {
    const out: PathedFile[] = [];
    for (const entry of entries) await collect(entry, '', out);
    return out;
  })();
}

/** Picked files: with a folder picker, each carries its path inside the picked folder. */
export function pickedFiles(files: Iterable<File>): PathedFile[] {
  return Array.from(files).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}
