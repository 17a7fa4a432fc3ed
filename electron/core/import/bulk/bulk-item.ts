import type { ImportExtras } from '../page-input';

/** The apps Margin imports from, and a plain list of URLs. */
export const BULK_FORMATS = ['pocket', 'instapaper', 'omnivore', 'wallabag', 'urls'] as const;
export type BulkFormat = (typeof BULK_FORMATS)[number];

/** One saved item from another app's export. */
export interface BulkItem {
  /** How the item is named in progress and messages: its title, else its address. */
  label: string;
  url: string | null;
  /** The title the app knew, used if the page has none. */
  title: string | null;
  extras: ImportExtras;
  /** The article's HTML when the export carries it: imported as is, without the network. */
  content: string | null;
}

export interface ParsedExport {
  format: BulkFormat;
  items: BulkItem[];
  /** Entries that could not be read at all (no address, no content), with the reason. */
  unreadable: { label: string; reason: string }[];
}

/** A Unix time in seconds (as text or number) as ISO 8601, or undefined if it is not one. */
export function fromUnixSeconds(value: string | number | undefined | null): string | undefined {
  const seconds = typeof value === 'number' ? value : Number((value ?? '').trim());
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return new Date(seconds * 1000).toISOString();
}

/** A date string as ISO 8601, or undefined if it does not parse. */
export function fromDateText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Tags trimmed, without empties or repeats, in their first order. */
export function cleanTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    if (typeof tag !== 'string') continue;
    const clean = tag.trim().slice(0, 100);
    if (clean) seen.add(clean);
  }
  return [...seen];
}

export function itemLabel(title: string | null | undefined, url: string | null): string {
  return title?.trim() || url || 'Untitled';
}

/** An http(s) address, or null. */
export function webAddress(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
