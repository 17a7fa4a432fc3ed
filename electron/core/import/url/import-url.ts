import type { ImportResult } from '../../../common/api';
import type { ImportExtras, PageInput } from '../page-input';
import { FetchError } from './fetch-error';
import { fetchPage } from './fetch-page';
import type { FetchLimits } from './http-fetch';
import { parseWebUrl } from './http-fetch';
import { httpImageSource, type IMAGE_LIMITS } from './http-images';
import type { PendingQueue } from './pending-queue';

/** What importing one URL came to. */
export type UrlOutcome =
  | { status: 'imported'; id: string; title: string }
  | { status: 'duplicate'; id: string; title: string; reason: string }
  | { status: 'queued'; reason: string; alreadyWaiting: boolean }
  | { status: 'failed'; reason: string; retry: boolean };

/** Where pages go: `LibraryService` is one. */
export interface PageImporter {
  importPage(input: PageInput, extras?: ImportExtras): Promise<ImportResult>;
  /** The live article saved from this address, if any. */
  articleWithUrl(url: string): { id: string; title: string } | null;
}

/** What importing a URL needs: a library that takes pages, and where offline URLs wait. */
export interface UrlImportDeps {
  library: PageImporter;
  pending: PendingQueue;
}

export interface UrlImportOptions {
  /** The title the source knew: the fallback if the page has none. */
  title?: string | null;
  extras?: ImportExtras;
  /** Named in the waiting list: "Pasted URL", "Pocket export"… */
  source?: string;
  signal?: AbortSignal;
  /**
   * Stops image downloads. Separate from `signal`: once its page is fetched, a cancelled item's
   * images are still fetched, so it is imported whole; only closing the library cuts them short.
   */
  imageSignal?: AbortSignal;
  /** False when retrying a waiting URL: a network failure is reported, not queued again. */
  queueIfOffline?: boolean;
  pageLimits?: Partial<FetchLimits>;
  imageLimits?: Partial<typeof IMAGE_LIMITS>;
}

/**
 * Fetches `address` and imports it with its images. Offline (the network or the host is
 * unreachable), the URL is kept in the waiting list instead; any other failure gets a one-line
 * reason and changes nothing. A cancelled import throws its FetchError('cancelled').
 */
export async function importUrl(
  deps: UrlImportDeps,
  address: string,
  options: UrlImportOptions = {},
): Promise<UrlOutcome> {
  let url: string;
  try {
    url = parseWebUrl(address).href;
  } catch (error) {
    return { status: 'failed', reason: (error as Error).message, retry: false };
  }
  const existing = deps.library.articleWithUrl(url);
  if (existing) return alreadyIn(existing);
  const waiting = deps.pending.find(url);
  if (waiting && options.queueIfOffline !== false) {
    return { status: 'queued', reason: 'already waiting to be fetched', alreadyWaiting: true };
  }

  let page;
  try {
    page = await fetchPage(url, { limits: options.pageLimits, signal: options.signal });
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (error.failure === 'cancelled') throw error;
    if (error.retryLater && options.queueIfOffline !== false) {
      await deps.pending.add(url, {
        title: options.title ?? null,
        source: options.source ?? 'Pasted URL',
        extras: options.extras,
        error: error.message,
      });
      return {
        status: 'queued',
        reason: `${error.message}; it will be fetched when the network is back`,
        alreadyWaiting: false,
      };
    }
    return { status: 'failed', reason: error.message, retry: error.retryLater };
  }
  const redirected = page.url !== url ? deps.library.articleWithUrl(page.url) : null;
  if (redirected) return alreadyIn(redirected);

  const images = httpImageSource({ limits: options.imageLimits, signal: options.imageSignal });
  const input: PageInput = {
    html: page.html,
    url: page.url,
    fileName: options.title?.trim() || page.url,
    images,
  };
  const result = await deps.library.importPage(input, options.extras);
  const imported = result.imported[0];
  if (imported) return { status: 'imported', id: imported.id, title: imported.title };
  const duplicate = result.duplicates[0];
  if (duplicate) return alreadyIn(duplicate);
  return {
    status: 'failed',
    reason: result.failed[0]?.reason ?? `${url} could not be imported`,
    retry: false,
  };
}

function alreadyIn(article: { id: string; title: string }): UrlOutcome {
  return {
    status: 'duplicate',
    id: article.id,
    title: article.title,
    reason: `already in your library as "${article.title}"`,
  };
}
