import type { FetchedImage, ImageSource } from '../page-input';
import { fetchLimited, type FetchLimits } from './http-fetch';

/** Defaults for the images of a fetched page. */
export const IMAGE_LIMITS: FetchLimits & { concurrency: number; maxTotalBytes: number } = {
  timeoutMs: 15_000,
  maxRedirects: 5,
  maxBytes: 8 * 1024 * 1024,
  /** Images fetched at once for one page. */
  concurrency: 4,
  /** All the images of one page together. */
  maxTotalBytes: 40 * 1024 * 1024,
};

/** Media types stored as images; anything else (an HTML error page, a script) is not. */
const IMAGE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
]);

/** The image type the bytes' signature says, for servers that send a generic Content-Type. */
function sniffImageType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  return null;
}

/** Runs at most `limit` tasks at once. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export interface HttpImageSource extends ImageSource {
  /** How many images were asked for and how many came back, for reports and tests. */
  readonly stats: { requested: number; fetched: number; failed: number };
}

/**
 * Images over HTTP(S), at most `concurrency` at a time, each within size, type and time limits,
 * all of one page within `maxTotalBytes`. `data:` image URIs are decoded without the network.
 * An image that cannot be had resolves to `null`, never an error: the article shows a placeholder
 * with its alt text instead.
 */
export function httpImageSource(
  options: { limits?: Partial<typeof IMAGE_LIMITS>; signal?: AbortSignal } = {},
): HttpImageSource {
  const limits = { ...IMAGE_LIMITS, ...options.limits };
  const run = limiter(limits.concurrency);
  const stats = { requested: 0, fetched: 0, failed: 0 };
  let total = 0;

  const fetchOne = async (absoluteUrl: string): Promise<FetchedImage | null> => {
    if (absoluteUrl.startsWith('data:')) return dataUriImage(absoluteUrl, limits.maxBytes);
    const protocol = absoluteUrl.slice(0, absoluteUrl.indexOf(':')).toLowerCase();
    if (protocol !== 'http' && protocol !== 'https') return null;
    if (options.signal?.aborted || total >= limits.maxTotalBytes) return null;
    const resource = await run(() =>
      fetchLimited(absoluteUrl, limits, {
        signal: options.signal,
        headers: { Accept: 'image/avif,image/webp,image/png,image/*;q=0.8' },
      }),
    );
    const declared = resource.contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
    const type = IMAGE_TYPES.has(declared) ? declared : sniffImageType(resource.bytes);
    if (!type || resource.bytes.length === 0) return null;
    total += resource.bytes.length;
    if (total > limits.maxTotalBytes) return null;
    return { bytes: resource.bytes, type };
  };

  const source = async (absoluteUrl: string): Promise<FetchedImage | null> => {
    stats.requested++;
    const image = await fetchOne(absoluteUrl).catch(() => null);
    if (image) stats.fetched++;
    else stats.failed++;
    return image;
  };
  return Object.assign(source, { stats });
}

function dataUriImage(uri: string, maxBytes: number): FetchedImage | null {
  const match = /^data:([^;,]+)((?:;[^;,]*)*?)(;base64)?,(.*)$/is.exec(uri);
  if (!match) return null;
  const type = match[1]!.toLowerCase();
  if (!IMAGE_TYPES.has(type)) return null;
  const payload = match[4] ?? '';
  const bytes = match[3]
    ? Buffer.from(payload, 'base64')
    : Buffer.from(decodeURIComponent(payload), 'utf8');
  if (bytes.length === 0 || bytes.length > maxBytes) return null;
  return { bytes: new Uint8Array(bytes), type };
}
