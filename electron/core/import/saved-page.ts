/**
 * Saved web pages as importable pages: an `.html` file with the files of its `page_files/`
 * folder (or data: URIs, which the importer decodes itself), or an `.mhtml`/`.mht` archive. The
 * page's address is left for the importer to find (canonical link, og:url, the browser's
 * "saved from" comment), except in MHTML, which records it.
 */
import type { PageWithFiles } from './companion-files';
import { companionImageSource } from './companion-images';
import { decodeImportBytes } from './decode';
import { mhtmlImageSource, parseMhtml } from './mhtml';
import type { PageInput } from './page-input';

export const MHTML = /\.mht(?:ml)?$/i;

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** A saved `.html`/`.htm` page and the files of its companion folder. */
export function savedHtmlPage({ page, companions }: PageWithFiles): PageInput {
  const fileName = baseName(page.name);
  return {
    html: decodeImportBytes(fileName, page.bytes, true),
    url: null,
    fileName,
    images: companions.size > 0 ? companionImageSource(companions) : null,
  };
}

/** A saved `.mhtml`/`.mht` archive: its page, in the part's charset, and its images. */
export function savedMhtmlPage(name: string, bytes: Uint8Array): PageInput {
  const fileName = baseName(name);
  const doc = parseMhtml(fileName, bytes);
  const contentType = doc.root.headers.get('content-type') ?? null;
  const html = decodeImportBytes(fileName, doc.root.body, true, contentType);
  return { html, url: doc.url, fileName, images: mhtmlImageSource(doc) };
}
