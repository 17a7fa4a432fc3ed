/**
 * Long-running imports (a URL, another app's export, the URLs waiting for the network) as jobs
 * the UI can watch and cancel: each call that starts one returns at once with the job's state,
 * and `getJob` is polled for progress.
 */
import { z } from 'zod';

export const BULK_SOURCES = [
  'auto',
  'pocket',
  'instapaper',
  'omnivore',
  'wallabag',
  'urls',
] as const;
export type BulkSource = (typeof BULK_SOURCES)[number];

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

/** What became of one item of a job. */
export type ItemOutcome = 'imported' | 'skipped' | 'failed' | 'queued';

export interface JobSnapshot {
  id: string;
  kind: 'url' | 'bulk' | 'pending';
  /** What the job does, in words: "Importing Pocket export (ril_export.html)". */
  title: string;
  state: JobState;
  /** Items to do; null until known. */
  total: number | null;
  /** Items finished so far, whatever their outcome. */
  done: number;
  imported: number;
  /** Already in the library, or already waiting to be fetched. */
  skipped: number;
  failed: number;
  /** Kept to be fetched when the network is back. */
  queued: number;
  /** The item being worked on. */
  current: string | null;
  /** One line per item that failed or was skipped (the first few hundred). */
  problems: { name: string; reason: string; outcome: ItemOutcome }[];
  /** Articles this job added (the first few hundred), to open one. */
  articles: { id: string; title: string }[];
  /** Why the whole job stopped, when it did not finish. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** A URL kept until the network is back (persisted in `library.json` as `pending`). */
export interface PendingUrl {
  id: string;
  url: string;
  /** The title the source knew, shown until the page is fetched. */
  title: string | null;
  /** Where it came from: "Pasted URL", "Pocket export"… */
  source: string;
  addedAt: string;
  attempts: number;
  lastTriedAt: string | null;
  /** Why the last try failed. */
  lastError: string | null;
  /** False once the server answered with an error that waiting will not fix (a 404, say). */
  retry: boolean;
  /** Tags, dates, states and highlights to apply when it is fetched. */
  extras: {
    tags?: string[];
    savedAt?: string;
    read?: boolean;
    archived?: boolean;
    favorite?: boolean;
    highlights?: { quote: string; note?: string; color?: string; createdAt?: string }[];
  };
}

export interface ImportJobsApi {
  /** Fetches a web page and imports it (queued if offline). Returns the started job. */
  importUrl(url: string): Promise<JobSnapshot>;
  /** Imports another app's export (Pocket, Instapaper, Omnivore, Wallabag, a list of URLs). */
  importExport(file: { name: string; base64: string }, source: BulkSource): Promise<JobSnapshot>;
  getJob(id: string): Promise<JobSnapshot>;
  /** Stops a job after the item in progress; what it imported stays. */
  cancelJob(id: string): Promise<JobSnapshot>;
  /** The running job, if any, else the latest: how the UI finds one after a reload. */
  listJobs(): Promise<JobSnapshot[]>;
  /** URLs waiting to be fetched. */
  listPending(): Promise<PendingUrl[]>;
  /** Tries every waiting URL now. Returns the started job. */
  fetchPending(): Promise<JobSnapshot>;
  removePending(id: string): Promise<void>;
}

const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a job id');
/** Within the browser host's 80 MB request limit once base64-encoded. */
const MAX_EXPORT_BYTES = 50 * 1024 * 1024;

export const importJobsArgs = {
  importUrl: z.tuple([z.string().min(1).max(8192)]),
  importExport: z.tuple([
    z.object({
      name: z.string().min(1).max(1024),
      base64: z.string().max(Math.ceil((MAX_EXPORT_BYTES * 4) / 3) + 4),
    }),
    z.enum(BULK_SOURCES),
  ]),
  getJob: z.tuple([jobId]),
  cancelJob: z.tuple([jobId]),
  listJobs: z.tuple([]),
  listPending: z.tuple([]),
  fetchPending: z.tuple([]),
  removePending: z.tuple([jobId]),
} satisfies Record<keyof ImportJobsApi, z.ZodType>;

export const IMPORT_JOB_METHODS = Object.keys(importJobsArgs) as (keyof ImportJobsApi)[];
