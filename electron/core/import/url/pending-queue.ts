import type { PendingUrl } from '../../../common/import-jobs-api';
import type { LibraryDocument } from '../../../common/model';
import type { Archive } from '../../archive/archive';
import { newId } from '../../archive/archive';
import type { ImportExtras } from '../page-input';

/** `library.json` with the URLs waiting for the network (a field older readers keep as is). */
type WithPending = LibraryDocument & { pending?: unknown };

function isPendingUrl(value: unknown): value is PendingUrl {
  const v = value as Partial<PendingUrl> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.url === 'string' &&
    typeof v.addedAt === 'string'
  );
}

/**
 * URLs saved while offline, kept in `library.json` (field `pending`) so they survive a restart,
 * a backup and a restore, until they are fetched or the user removes them. Entries this version
 * cannot read are left untouched.
 */
export class PendingQueue {
  constructor(private readonly archive: Archive) {}

  list(): PendingUrl[] {
    const raw = (this.archive.data as WithPending).pending;
    return Array.isArray(raw) ? raw.filter(isPendingUrl).map((p) => ({ ...p })) : [];
  }

  find(url: string): PendingUrl | undefined {
    return this.list().find((p) => p.url === url);
  }

  /** Keeps `url` to fetch later; an address already waiting is not added twice. */
  async add(
    url: string,
    details: { title: string | null; source: string; extras?: ImportExtras; error: string },
  ): Promise<{ item: PendingUrl; added: boolean }> {
    const existing = this.find(url);
    if (existing) return { item: existing, added: false };
    const now = new Date().toISOString();
    const item: PendingUrl = {
      id: newId(),
      url,
      title: details.title,
      source: details.source,
      addedAt: now,
      attempts: 1,
      lastTriedAt: now,
      lastError: details.error,
      retry: true,
      extras: details.extras ?? {},
    };
    await this.change((list) => list.push(item));
    return { item, added: true };
  }

  /** Records a failed try. */
  async failed(id: string, error: string, retry: boolean): Promise<void> {
    await this.change((list) => {
      const item = list.find((p) => isPendingUrl(p) && p.id === id) as PendingUrl | undefined;
      if (!item) return;
      item.attempts = (item.attempts ?? 0) + 1;
      item.lastTriedAt = new Date().toISOString();
      item.lastError = error;
      item.retry = retry;
    });
  }

  async remove(id: string): Promise<boolean> {
    let removed = false;
    await this.change((list) => {
      const index = list.findIndex((p) => isPendingUrl(p) && p.id === id);
      if (index >= 0) {
        list.splice(index, 1);
        removed = true;
      }
    });
    return removed;
  }

  private async change(edit: (list: unknown[]) => void): Promise<void> {
    await this.archive.transact((doc) => {
      const withPending = doc as WithPending;
      const list = Array.isArray(withPending.pending) ? withPending.pending : [];
      edit(list);
      withPending.pending = list;
    });
  }
}
