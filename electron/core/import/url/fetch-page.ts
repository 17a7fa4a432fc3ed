import { decodePage } from './charset';
import { FetchError } from './fetch-error';
import { fetchLimited, parseWebUrl, shorten, type FetchLimits } from './http-fetch';

/** Defaults for fetching an article page. */
export const PAGE_LIMITS: FetchLimits = {
  timeoutMs: 20_000,
  maxRedirects: 5,
  maxBytes: 10 * 1024 * 1024,
};

export interface FetchedPage {
  /** The address after redirects: the page's own address. */
  url: string;
  /** The page's text, decoded in its declared (or sniffed) character set. */
  html: string;
  encoding: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

function mediaType(contentType: string | null): string | null {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return type ? type : null;
}

/** Fetches a web page and decodes it; anything but HTML is refused with a message saying what it was. */
export async function fetchPage(
  address: string,
  options: { limits?: Partial<FetchLimits>; signal?: AbortSignal } = {},
): Promise<FetchedPage> {
  const url = parseWebUrl(address).href;
  const limits = { ...PAGE_LIMITS, ...options.limits };
  const resource = await fetchLimited(url, limits, {
    signal: options.signal,
    accept: (contentType, finalUrl) => {
      const type = mediaType(contentType);
      if (type !== null && !HTML_TYPES.has(type)) {
        throw new FetchError(
          'not-html',
          `${shorten(finalUrl)} is not a web page (it is ${type}); Margin imports HTML pages`,
        );
      }
    },
  });
  if (mediaType(resource.contentType) === null && !looksLikeHtml(resource.bytes)) {
    throw new FetchError(
      'not-html',
      `${shorten(resource.url)} is not a web page (the server did not say what it is, and it does not look like HTML)`,
    );
  }
  if (resource.bytes.length === 0) {
    throw new FetchError('not-html', `${shorten(resource.url)} is an empty page`);
  }
  const { text, encoding } = decodePage(resource.bytes, resource.contentType);
  return { url: resource.url, html: text, encoding };
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 512)).trimStart();
  return /^(<!doctype html|<html|<head|<body|<!--|<meta|<title|<\?xml)/i.test(head);
}
