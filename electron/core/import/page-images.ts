/**
 * Makes an extracted article body self-contained before it is sanitized: every image it shows
 * is looked up (a data: URI is decoded; anything else is asked of the page's `ImageSource`) and
 * stored with the article, its `src` becoming the stored copy's address. An image that cannot be
 * had keeps no `src` at all, so the reader shows its alt text in a placeholder box and never
 * fetches it.
 */
import { parseHTML } from 'linkedom';
import { REMOTE_SRC } from '../../common/article-html-policy';
import type { FetchedImage, ImageSource } from './page-input';

/**
 * Relative addresses in a page whose own address is unknown resolve against this, so the image
 * source still sees which file was meant (`margin-page:/page_files/photo.jpg`).
 */
export const UNKNOWN_PAGE_BASE = 'margin-page:/';

/** How many images are looked up at once (each may be a network request). */
const CONCURRENCY = 6;

/** Shown in place of an image that could not be stored and had no alt text of its own. */
export const MISSING_IMAGE_ALT = 'Image not available offline';

/** Stores an image's bytes with the article; returns the address to show it by, or null. */
export type StoreImage = (image: FetchedImage) => Promise<string | null>;

export interface LocalizeOptions {
  /** The page's own address, which relative sources resolve against. */
  pageUrl: string | null;
  images: ImageSource | null;
  store: StoreImage;
}

/** The address an `<img>` displays: its `src`, else the first `srcset` candidate. */
function sourceOf(img: Element): string | null {
  const src = img.getAttribute('src')?.trim();
  if (src) return src;
  const first = img.getAttribute('srcset')?.trim().split(/\s+/, 1)[0];
  return first ? first.replace(/,$/, '') : null;
}

function absolute(src: string, pageUrl: string | null): string | null {
  try {
    return new URL(src, pageUrl ?? UNKNOWN_PAGE_BASE).href;
  } catch {
    return null;
  }
}

/** The bytes of a `data:image/…` URI, base64 or percent-encoded; null for anything else. */
export function decodeDataImage(uri: string): FetchedImage | null {
  const match = /^data:(image\/[\w.+-]+)((?:;[^,;]*)*?)(;base64)?,(.*)$/is.exec(uri.trim());
  if (!match) return null;
  const [, type = '', , base64, payload = ''] = match;
  try {
    const bytes = base64
      ? Buffer.from(payload.replace(/\s+/g, ''), 'base64')
      : Buffer.from(decodeURIComponent(payload), 'utf8');
    return bytes.length > 0 ? { bytes: new Uint8Array(bytes), type: type.toLowerCase() } : null;
  } catch {
    return null; // a malformed percent escape
  }
}

async function lookUp(url: string, images: ImageSource | null): Promise<FetchedImage | null> {
  if (url.startsWith('data:')) return decodeDataImage(url);
  if (images === null) return null;
  try {
    return await images(url);
  } catch {
    return null; // the source's failure is the image's: it becomes a placeholder
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function placeholder(img: Element, url: string | null): void {
  img.removeAttribute('src');
  img.removeAttribute('srcset');
  if (!img.getAttribute('alt')?.trim()) img.setAttribute('alt', MISSING_IMAGE_ALT);
  // Where it came from is kept (the sanitizer keeps only http(s) addresses there).
  if (url !== null && /^https?:/i.test(url)) img.setAttribute(REMOTE_SRC, url);
}

/** `html` with its images stored through `store`; the others become placeholders. */
export async function localizeImages(html: string, options: LocalizeOptions): Promise<string> {
  if (!/<img\b/i.test(html)) return html;
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const imgs = Array.from(document.body.querySelectorAll('img'));
  const byUrl = new Map<string, Element[]>();
  for (const img of imgs) {
    const src = sourceOf(img);
    const url = src === null ? null : absolute(src, options.pageUrl);
    if (url === null) {
      placeholder(img, null);
      continue;
    }
    byUrl.set(url, [...(byUrl.get(url) ?? []), img]);
  }
  const stored = new Map<string, string | null>();
  await eachLimited([...byUrl.keys()], CONCURRENCY, async (url) => {
    const image = await lookUp(url, options.images);
    stored.set(url, image === null ? null : await options.store(image));
  });
  for (const [url, elements] of byUrl) {
    const local = stored.get(url) ?? null;
    for (const img of elements) {
      if (local === null) {
        placeholder(img, url);
      } else {
        img.setAttribute('src', local);
        img.removeAttribute('srcset');
      }
    }
  }
  return document.body.innerHTML;
}
