import type { JobSnapshot } from '../../../electron/common/import-jobs-api';

const STATE_WORDS: Record<JobSnapshot['state'], string> = {
  running: '',
  done: 'Done.',
  cancelled: 'Cancelled.',
  failed: 'Stopped.',
};

/** A job's progress bar, counts, current item and problems, with Cancel while it runs. */
export function JobProgress({
  job,
  onCancel,
  onClose,
}: {
  job: JobSnapshot;
  onCancel: () => void;
  onClose: () => void;
}) {
  const running = job.state === 'running';
  const total = job.total ?? 0;
  return (
    <section className="job-progress" role="region" aria-label="Import progress">
      <div className="job-head">
        <strong>{job.title}</strong>
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={onClose} aria-label="Close import progress">
            Close
          </button>
        )}
      </div>
      <progress
        aria-label="Items done"
        max={Math.max(total, 1)}
        value={running && job.total === null ? undefined : job.done}
      />
      <p className="job-counts" data-testid="job-counts">
        <span>
          {job.done} of {job.total ?? '…'}
        </span>
        <span>Imported {job.imported}</span>
        <span>Skipped {job.skipped}</span>
        <span>Failed {job.failed}</span>
        <span>Waiting for network {job.queued}</span>
      </p>
      <p className="job-status" role="status">
        {running
          ? job.current
            ? `Working on ${job.current}`
            : 'Starting…'
          : STATE_WORDS[job.state]}
        {job.error ? ` ${job.error}` : ''}
      </p>
      {job.problems.length > 0 && (
        <details className="job-problems">
          <summary>
            {job.problems.length} {job.problems.length === 1 ? 'item' : 'items'} not imported
          </summary>
          <ul>
            {job.problems.map((p, i) => (
              <li key={i} className={`outcome-${p.outcome}`}>
                <strong>{p.name}</strong>: {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
