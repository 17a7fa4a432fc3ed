import { useCallback, useEffect, useRef, useState } from 'react';
import type { MarginApi } from '../../../electron/common/api';
import type { BulkSource, JobSnapshot } from '../../../electron/common/import-jobs-api';
import { toImportFiles } from '../files';
import { JobProgress } from './JobProgress';
import { useJob } from './use-job';
import './web-import.css';

const SOURCES: { value: BulkSource; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'pocket', label: 'Pocket (ril_export.html or CSV)' },
  { value: 'instapaper', label: 'Instapaper (CSV)' },
  { value: 'omnivore', label: 'Omnivore (export zip)' },
  { value: 'wallabag', label: 'Wallabag (JSON)' },
  { value: 'urls', label: 'A list of URLs (one a line)' },
];

/** A single http(s) address, as pasted or typed. */
export function asSingleUrl(text: string): string | null {
  const trimmed = text.trim();
  return /^https?:\/\/\S+$/i.test(trimmed) ? trimmed : null;
}

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/**
 * Importing from the web: a URL (typed here, or pasted anywhere outside a text field) and other
 * apps' exports, each run as a job with a progress bar, counts and Cancel.
 */
export function WebImport({
  api,
  notify,
  onLibraryChanged,
}: {
  api: MarginApi;
  notify: (text: string, tone?: 'info' | 'error') => void;
  onLibraryChanged: () => void;
}) {
  const [panelOpen, setPanelOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [source, setSource] = useState<BulkSource>('auto');
  const [started, setStarted] = useState<JobSnapshot | null>(null);
  const [showJob, setShowJob] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const imported = useRef(0);
  const onProgress = useCallback(
    (job: JobSnapshot) => {
      if (job.imported !== imported.current || job.state !== 'running') onLibraryChanged();
      imported.current = job.imported;
      if (job.state !== 'running' && job.kind === 'url' && job.total === 1) {
        // One URL: a toast says how it went; the progress card is not needed any more.
        setShowJob(false);
        const problem = job.problems[0];
        if (job.imported === 1) notify(`Imported “${job.articles[0]?.title ?? 'the page'}”`);
        else if (problem) notify(problem.reason, problem.outcome === 'failed' ? 'error' : 'info');
      }
    },
    [notify, onLibraryChanged],
  );
  const job = useJob(api, started, onProgress);

  const start = useCallback(
    async (run: () => Promise<JobSnapshot>) => {
      try {
        imported.current = 0;
        const next = await run();
        setStarted(next);
        setShowJob(true);
        setPanelOpen(false);
      } catch (error) {
        notify((error as Error).message, 'error');
      }
    },
    [notify],
  );

  const importUrl = useCallback(
    (address: string) => start(() => api.importUrl(address)),
    [api, start],
  );

  // A job still running from before a reload is picked up again.
  useEffect(() => {
    void api.listJobs().then(
      (jobs) => {
        const running = jobs.find((j) => j.state === 'running');
        if (running) {
          setStarted(running);
          setShowJob(true);
        }
      },
      () => undefined,
    );
  }, [api]);

  // A URL pasted outside a text field is fetched, not imported as text. This listens on the
  // window in the capture phase, so it runs before the text paste handler and can claim the event.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target)) return;
      const address = asSingleUrl(e.clipboardData?.getData('text/plain') ?? '');
      if (!address) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      void importUrl(address);
    };
    window.addEventListener('paste', onPaste, true);
    return () => window.removeEventListener('paste', onPaste, true);
  }, [importUrl]);

  return (
    <>
      <button type="button" onClick={() => setPanelOpen((o) => !o)} aria-expanded={panelOpen}>
        Add from web…
      </button>
      {panelOpen && (
        <div className="web-import-panel" role="dialog" aria-label="Add from the web">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (url.trim()) void importUrl(url).then(() => setUrl(''));
            }}
          >
            <label htmlFor="web-import-url">Web address</label>
            <div className="row">
              <input
                id="web-import-url"
                type="text"
                inputMode="url"
                spellCheck={false}
                placeholder="https://…"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                autoFocus
              />
              <button type="submit" disabled={!url.trim()}>
                Fetch
              </button>
            </div>
          </form>
          <label htmlFor="web-import-source">From another app</label>
          <div className="row">
            <select
              id="web-import-source"
              value={source}
              onChange={(e) => setSource(e.target.value as BulkSource)}
            >
              {SOURCES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => fileInput.current?.click()}>
              Choose export file…
            </button>
          </div>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".html,.htm,.csv,.json,.zip,.txt"
            data-testid="export-input"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const [encoded] = await toImportFiles([file]);
              if (encoded) void start(() => api.importExport(encoded, source));
            }}
          />
          <p className="hint">
            Pages are fetched with their images, then read offline. Without a network they wait in
            your library and are fetched when it is back.
          </p>
        </div>
      )}
      {showJob && job && (
        <JobProgress
          job={job}
          onCancel={() => void api.cancelJob(job.id).catch(() => undefined)}
          onClose={() => setShowJob(false)}
        />
      )}
    </>
  );
}
