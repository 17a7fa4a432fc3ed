import { useCallback, useEffect, useState } from 'react';
import type { MarginApi } from '../../../electron/common/api';
import type { JobSnapshot, PendingUrl } from '../../../electron/common/import-jobs-api';
import { useJob } from './use-job';
import './web-import.css';

/**
 * URLs saved while offline, shown at the top of the library as "waiting to be fetched", with
 * Fetch now and Remove. Reloaded whenever the library changes.
 */
export function PendingList({
  api,
  libraryVersion,
  notify,
  onLibraryChanged,
}: {
  api: MarginApi;
  /** Changes whenever the library was reloaded. */
  libraryVersion: unknown;
  notify: (text: string, tone?: 'info' | 'error') => void;
  onLibraryChanged: () => void;
}) {
  const [pending, setPending] = useState<PendingUrl[]>([]);
  const [started, setStarted] = useState<JobSnapshot | null>(null);

  const load = useCallback(() => {
    api.listPending().then(setPending, () => undefined);
  }, [api]);
  useEffect(load, [load, libraryVersion]);

  const onProgress = useCallback(
    (job: JobSnapshot) => {
      onLibraryChanged();
      load();
      if (job.state === 'running') return;
      if (job.imported > 0)
        notify(`Fetched ${job.imported} waiting ${job.imported === 1 ? 'page' : 'pages'}`);
      else if (job.queued > 0) notify('Still no network: the URLs keep waiting.');
    },
    [load, notify, onLibraryChanged],
  );
  const job = useJob(api, started, onProgress);
  const fetching = job?.state === 'running';

  if (pending.length === 0) return null;
  return (
    <section className="pending" aria-label="Waiting to be fetched">
      <div className="pending-head">
        <h2>Waiting to be fetched ({pending.length})</h2>
        <button
          type="button"
          disabled={fetching}
          onClick={() =>
            void api.fetchPending().then(setStarted, (e: Error) => notify(e.message, 'error'))
          }
        >
          {fetching ? `Fetching ${job.done}/${job.total ?? '…'}` : 'Fetch now'}
        </button>
      </div>
      <ul>
        {pending.map((p) => (
          <li key={p.id} title={p.lastError ?? undefined}>
            <span className="pending-title">{p.title ?? p.url}</span>
            <span className="pending-why">
              {p.retry ? 'waiting for the network' : p.lastError} · {p.source}
            </span>
            <button
              type="button"
              aria-label={`Remove ${p.title ?? p.url}`}
              onClick={() =>
                void api.removePending(p.id).then(load, (e: Error) => notify(e.message, 'error'))
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
