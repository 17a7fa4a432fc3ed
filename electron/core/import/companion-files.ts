/**
 * "Save page as… Web page, complete" writes `page.html` and a `page_files/` folder holding its
 * images. The renderer never sends paths, only names relative to what the user picked or
 * dropped (`page.html`, `page_files/photo.jpg`), and this module pairs each page with the files
 * of its folder, so they become one article instead of an article and a pile of refused images.
 */

export interface NamedBytes {
  /** A file name, or a path relative to what was picked, with `/` (or `\`) separators. */
  name: string;
  bytes: Uint8Array;
}

export interface PageWithFiles {
  page: NamedBytes;
  /** The page's companions, by path relative to the page's own folder (`page_files/a.png`). */
  companions: Map<string, Uint8Array>;
}

export interface GroupedFiles {
  /** Files to import on their own, each with its companions (none for most). */
  items: PageWithFiles[];
  /** Companion folders given without their page: `{ folder: 'x/page_files', page: 'page.html' }`. */
  orphanFolders: { folder: string; page: string }[];
}

/** The folder a saved page's resources go in, by the browsers' naming. */
export const COMPANION_SUFFIX = '_files';

const PAGE = /\.html?$/i;

/** `a\b/./c` → `a/b/c`; leading `./` and `/` dropped. */
export function normalizePath(name: string): string {
  return name
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function join(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** `dir/page.html` → `dir/page_files`. */
function companionFolderOf(pagePath: string): string {
  const folder = folderOf(pagePath);
  const file = pagePath.slice(folder === '' ? 0 : folder.length + 1);
  return join(folder, file.replace(PAGE, '') + COMPANION_SUFFIX);
}

/** The innermost `…/<stem>_files` folder `path` lies in, or null. */
function enclosingCompanionFolder(path: string): string | null {
  const parts = path.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i]!.endsWith(COMPANION_SUFFIX) && parts[i]!.length > COMPANION_SUFFIX.length) {
      return parts.slice(0, i + 1).join('/');
    }
  }
  return null;
}

/**
 * Pairs pages with their companion folders. A file inside `<stem>_files/` belongs to
 * `<stem>.html` or `<stem>.htm` beside that folder; everything else is an item of its own.
 */
export function groupCompanionFiles(files: readonly NamedBytes[]): GroupedFiles {
  const paths = files.map((f) => normalizePath(f.name));
  const pageItems = new Map<number, PageWithFiles>();
  const pagesByFolder = new Map<string, PageWithFiles>();
  paths.forEach((path, i) => {
    if (!PAGE.test(path) || enclosingCompanionFolder(path) !== null) return;
    const item = { page: files[i]!, companions: new Map<string, Uint8Array>() };
    pageItems.set(i, item);
    if (!pagesByFolder.has(companionFolderOf(path)))
      pagesByFolder.set(companionFolderOf(path), item);
  });
  const items: PageWithFiles[] = [];
  const orphans = new Map<string, string>();
  paths.forEach((path, i) => {
    const page = pageItems.get(i);
    if (page !== undefined) {
      items.push(page);
      return;
    }
    // The innermost folder whose page was given owns the file (`a_files/b_files/x` may be a's).
    let folder = enclosingCompanionFolder(path);
    while (folder !== null && !pagesByFolder.has(folder)) folder = enclosingCompanionFolder(folder);
    if (folder !== null) {
      const relative = path.slice(folderOf(folder).length).replace(/^\//, '');
      pagesByFolder.get(folder)!.companions.set(relative, files[i]!.bytes);
      return;
    }
    const outer = enclosingCompanionFolder(path);
    if (outer !== null && !PAGE.test(path)) {
      const name = outer.split('/').pop()!;
      orphans.set(outer, `${name.slice(0, -COMPANION_SUFFIX.length)}.html`);
      return;
    }
    items.push({ page: files[i]!, companions: new Map() });
  });
  const orphanFolders = [...orphans].map(([folder, page]) => ({ folder, page }));
  return { items, orphanFolders };
}
