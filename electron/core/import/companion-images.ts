/**
 * Images of a "Web page, complete" save, looked up among the files of its `page_files/` folder.
 * The page refers to them relatively (`page_files/photo.jpg`, `./page_files/photo.jpg`); by the
 * time the importer asks, that was resolved against the page's address, whatever it is
 * (`https://site/a/page_files/photo.jpg`), so a file is found by the end of the URL's path.
 */
import type { FetchedImage, ImageSource } from './page-input';

/** Media types by extension; bytes are checked again when the image is stored. */
const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
};

/** The media type a file's extension says; '' when it says nothing (the bytes will tell). */
export function imageTypeOf(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? '';
}

function decodedPath(url: string): string | null {
  try {
    const pathname = new URL(url).pathname;
    try {
      return decodeURIComponent(pathname);
    } catch {
      return pathname;
    }
  } catch {
    return null;
  }
}

/** An image source over `files`, keyed by path relative to the page (`page_files/a.png`). */
export function companionImageSource(files: ReadonlyMap<string, Uint8Array>): ImageSource {
  // Longest paths first: `x/page_files/a.png` is a better match than `page_files/a.png`.
  const entries = [...files].sort(([a], [b]) => b.length - a.length);
  return async (url) => {
    const path = decodedPath(url);
    if (path === null) return null;
    const match = entries.find(([name]) => path === `/${name}` || path.endsWith(`/${name}`));
    if (match === undefined) return null;
    const image: FetchedImage = { bytes: match[1], type: imageTypeOf(match[0]) };
    return image;
  };
}
