import { useEffect, useRef, useState } from 'react';
import type { MarginApi } from '../../../electron/common/api';
import type { JobSnapshot } from '../../../electron/common/import-jobs-api';

const POLL_MS = 300;

/**
 * Follows an import job by polling `getJob` until it ends. `onProgress` is called whenever the
 * number of items done changes, and once at the end, so the library list can follow along.
 */
export function useJob(
  api: MarginApi,
  started: JobSnapshot | null,
  onProgress: (job: JobSnapshot) => void,
): JobSnapshot | null {
  const [polled, setPolled] = useState<JobSnapshot | null>(null);
  const progress = useRef(onProgress);
  useEffect(() => {
    progress.current = onProgress;
  }, [onProgress]);

  useEffect(() => {
    if (!started || started.state !== 'running') return;
    let stopped = false;
    let done = -1;
    const poll = async () => {
      if (stopped) return;
      try {
        const next = await api.getJob(started.id);
        if (stopped) return;
        setPolled(next);
        if (next.done !== done || next.state !== 'running') progress.current(next);
        done = next.done;
        if (next.state !== 'running') return;
      } catch {
        // The host went away for a moment: try again on the next tick.
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    let timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, started]);
  // The latest poll of this job; until the first one, the job as it was started.
  return polled && started && polled.id === started.id ? polled : started;
}
