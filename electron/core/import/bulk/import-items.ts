import type { JobControl } from '../../job-runner';
import { FetchError } from '../url/fetch-error';
import type { FetchLimits } from '../url/http-fetch';
import type { IMAGE_LIMITS } from '../url/http-images';
import { importUrl, type UrlImportDeps, type UrlOutcome } from '../url/import-url';
import type { BulkItem, ParsedExport } from './bulk-item';

export interface BulkOptions {
  /** Items worked on at once (their fetches overlap; the library takes one page at a time). */
  concurrency?: number;
  pageLimits?: Partial<FetchLimits>;
  imageLimits?: Partial<typeof IMAGE_LIMITS>;
  /** Cuts image downloads short (closing the library); cancelling a job does not. */
  imageSignal?: AbortSignal;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An export's article HTML as a page: its title, and its address as the canonical link. */
export function contentPage(item: BulkItem): string {
  const title = item.title ? `<title>${escapeHtml(item.title)}</title>` : '';
  const canonical = item.url ? `<link rel="canonical" href="${escapeHtml(item.url)}">` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${title}${canonical}</head><body><article>${item.content ?? ''}</article></body></html>`;
}

/**
 * Imports another app's items: those with content from it, without the network; the others by
 * fetching their URL (kept waiting when offline). Each item is imported whole or not at all;
 * cancelling stops after the items in progress.
 */
export async function importItems(
  parsed: ParsedExport,
  source: string,
  deps: UrlImportDeps,
  control: JobControl,
  options: BulkOptions = {},
): Promise<void> {
  control.setTotal(parsed.items.length + parsed.unreadable.length);
  for (const bad of parsed.unreadable)
    control.report('failed', { name: bad.label, reason: bad.reason });
  let next = 0;
  const worker = async () => {
    while (next < parsed.items.length && !control.signal.aborted) {
      const item = parsed.items[next++]!;
      control.setCurrent(item.label);
      let outcome: UrlOutcome;
      try {
        outcome = await importItem(item, source, deps, control.signal, options);
      } catch (error) {
        if (error instanceof FetchError && error.failure === 'cancelled') return;
        const reason = error instanceof Error ? error.message.split('\n', 1)[0]! : String(error);
        outcome = { status: 'failed', reason, retry: false };
      }
      reportOutcome(control, item.label, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 3) }, worker));
}

async function importItem(
  item: BulkItem,
  source: string,
  deps: UrlImportDeps,
  signal: AbortSignal,
  options: BulkOptions,
): Promise<UrlOutcome> {
  if (item.content === null) {
    return importUrl(deps, item.url!, {
      title: item.title,
      extras: item.extras,
      source,
      signal,
      pageLimits: options.pageLimits,
      imageLimits: options.imageLimits,
      imageSignal: options.imageSignal,
    });
  }
  const existing = item.url ? deps.library.articleWithUrl(item.url) : null;
  if (existing) {
    return {
      status: 'duplicate',
      ...existing,
      reason: `already in your library as "${existing.title}"`,
    };
  }
  const result = await deps.library.importPage(
    { html: contentPage(item), url: item.url, fileName: item.label, images: null },
    item.extras,
  );
  const imported = result.imported[0];
  if (imported) return { status: 'imported', id: imported.id, title: imported.title };
  const duplicate = result.duplicates[0];
  if (duplicate) {
    return {
      status: 'duplicate',
      id: duplicate.id,
      title: duplicate.title,
      reason: `already in your library as "${duplicate.title}"`,
    };
  }
  return { status: 'failed', reason: result.failed[0]?.reason ?? 'not imported', retry: false };
}

export function reportOutcome(control: JobControl, name: string, outcome: UrlOutcome): void {
  switch (outcome.status) {
    case 'imported':
      return control.report('imported', {
        name,
        article: { id: outcome.id, title: outcome.title },
      });
    case 'duplicate':
      return control.report('skipped', { name, reason: outcome.reason });
    case 'queued':
      return control.report(outcome.alreadyWaiting ? 'skipped' : 'queued', {
        name,
        reason: outcome.reason,
      });
    case 'failed':
      return control.report('failed', { name, reason: outcome.reason });
  }
}
