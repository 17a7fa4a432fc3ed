import { FetchError, networkErrorCode } from './fetch-error';

/** Limits on one HTTP fetch. */
export interface FetchLimits {
  /** The whole fetch, redirects and body included. */
  timeoutMs: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
}

export interface FetchedResource {
  /** The address after redirects. */
  url: string;
  contentType: string | null;
  bytes: Uint8Array;
}

const USER_AGENT = 'Mozilla/5.0 (compatible; Margin/0.1; +offline reader)';

/** `text` as an absolute http(s) URL; a bare "example.com/a" is taken as https. */
export function parseWebUrl(text: string): URL {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new FetchError('invalid-url', `"${shorten(trimmed)}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      'invalid-url',
      `${shorten(trimmed)}: only http and https addresses can be fetched`,
    );
  }
  if (!url.hostname) throw new FetchError('invalid-url', `"${shorten(trimmed)}" has no host name`);
  url.hash = '';
  return url;
}

/**
 * GETs `address`, following at most `maxRedirects` redirects, within `timeoutMs`, reading at
 * most `maxBytes`. Every failure is a FetchError whose message names the address and the cause.
 * `accept` checks the final response's Content-Type before its body is read.
 */
export async function fetchLimited(
  address: string,
  limits: FetchLimits,
  options: {
    signal?: AbortSignal;
    accept?: (contentType: string | null, url: string) => void;
    headers?: Record<string, string>;
  } = {},
): Promise<FetchedResource> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const why = (error: unknown, url: string): FetchError => {
    if (error instanceof FetchError) return error;
    if (options.signal?.aborted) return new FetchError('cancelled', `${shorten(url)}: cancelled`);
    if (timeout.aborted) {
      return new FetchError(
        'timeout',
        `${shorten(url)} did not answer within ${seconds(limits.timeoutMs)}`,
      );
    }
    const code = networkErrorCode(error);
    if (code) {
      return new FetchError(
        'offline',
        `${shorten(url)} could not be reached (${code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'no network, or no such host' : 'no network, or the server is down'})`,
      );
    }
    const detail = error instanceof Error ? (error.cause ?? error) : error;
    const message = detail instanceof Error ? detail.message : String(detail);
    return new FetchError('offline', `${shorten(url)} could not be reached (${message})`);
  };

  let url = address;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: {
          'User-Agent': USER_AGENT,
          Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
          ...options.headers,
        },
      });
    } catch (error) {
      throw why(error, url);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel().catch(() => undefined);
      if (redirects >= limits.maxRedirects) {
        throw new FetchError(
          'too-many-redirects',
          `${shorten(address)} redirected more than ${limits.maxRedirects} times`,
        );
      }
      const next = new URL(response.headers.get('location') ?? '', url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new FetchError('http-error', `${shorten(url)} redirected to a non-web address`);
      }
      url = next.href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw statusError(url, response.status, response.statusText);
    }
    const contentType = response.headers.get('content-type');
    try {
      options.accept?.(contentType, url);
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooLarge(url, limits);
      const bytes = await readLimited(response, limits, url);
      return { url, contentType, bytes };
    } catch (error) {
      await response.body?.cancel().catch(() => undefined);
      throw why(error, url);
    }
  }
}

async function readLimited(
  response: Response,
  limits: FetchLimits,
  url: string,
): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, limits);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function statusError(url: string, status: number, text: string): FetchError {
  if (status === 404 || status === 410) {
    return new FetchError('not-found', `${shorten(url)} was not found (HTTP ${status})`);
  }
  const label = text ? ` ${text}` : '';
  return new FetchError(
    'http-error',
    `${shorten(url)}: the server answered HTTP ${status}${label}`,
  );
}

function tooLarge(url: string, limits: FetchLimits): FetchError {
  return new FetchError(
    'too-large',
    `${shorten(url)} is larger than ${megabytes(limits.maxBytes)}; Margin does not fetch it`,
  );
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Long addresses are cut in messages so the line stays readable. */
export function shorten(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}…` : url;
}
