import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BULK_SOURCES, type BulkSource, type JobSnapshot } from '../../common/import-jobs-api';
import { MarginError } from '../../common/errors';
import { printable } from '../../core/library-service';
import type { MarginServices } from '../../core/services';
import { usage, userPath, type CliContext, type Command } from '../context';
import { importCommand } from './import';

/** The largest export file read (an Omnivore zip with every article's content can be big). */
const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;

const isUrl = (arg: string) => /^https?:\/\//i.test(arg.trim());

/**
 * `margin import` for the web: `margin import <url>...` fetches pages (kept waiting when
 * offline), `margin import --from pocket|instapaper|omnivore|wallabag|urls|auto <file>` imports
 * another app's export. Files go to the file importer as before.
 */
export const importAnyCommand: Command = {
  async run(ctx) {
    if (ctx.opts.from !== undefined) return importExport(ctx);
    const urls = ctx.args.filter(isUrl);
    if (urls.length === 0) return importCommand.run(ctx);
    if (urls.length !== ctx.args.length) {
      throw usage('import files and URLs with separate commands');
    }
    const { jobs } = await ctx.open('write');
    const imported: { id: string; title: string }[] = [];
    let failed = false;
    for (const url of urls) {
      const job = await runToEnd(jobs, await jobs.importUrl(url), ctx.opts.json);
      imported.push(...job.articles);
      reportProblems(job);
      failed ||= job.failed > 0;
    }
    ctx.print(imported, () =>
      imported.length ? imported.map((a) => `${a.id}  ${a.title}`).join('\n') : 'Nothing imported.',
    );
    if (failed) process.exitCode = 1;
  },
};

async function importExport(ctx: CliContext): Promise<void> {
  const source = ctx.opts.from as BulkSource;
  if (!BULK_SOURCES.includes(source)) {
    throw usage(`--from takes one of ${BULK_SOURCES.join(', ')}`);
  }
  if (ctx.args.length !== 1) throw usage('import --from needs exactly one export file');
  const file = ctx.args[0]!;
  const info = await stat(userPath(file)).catch(() => {
    throw new MarginError('import-failed', `${printable(file)}: no such file`);
  });
  if (!info.isFile()) throw new MarginError('import-failed', `${printable(file)}: not a file`);
  if (info.size > MAX_EXPORT_BYTES) {
    throw new MarginError('import-failed', `${printable(file)} is larger than 1 GB`);
  }
  const bytes = await readFile(userPath(file));
  const { jobs } = await ctx.open('write');
  const started = await jobs.importExport(
    { name: path.basename(file), base64: bytes.toString('base64') },
    source,
  );
  const job = await runToEnd(jobs, started, ctx.opts.json);
  reportProblems(job);
  ctx.print(
    {
      imported: job.imported,
      skipped: job.skipped,
      failed: job.failed,
      queued: job.queued,
      articles: job.articles,
      problems: job.problems,
    },
    () => summary(job),
  );
  if (job.failed > 0 || job.state !== 'done') process.exitCode = 1;
}

/** `margin fetch-pending`: tries every URL waiting for the network. */
export const fetchPendingCommand: Command = {
  async run(ctx) {
    const { jobs } = await ctx.open('write');
    const waiting = jobs.pending.list();
    if (waiting.length === 0) {
      ctx.print({ imported: 0, queued: 0, failed: 0, articles: [] }, () => 'No URL is waiting.');
      return;
    }
    const job = await runToEnd(jobs, await jobs.fetchPending(), ctx.opts.json);
    reportProblems(job);
    ctx.print(
      { imported: job.imported, queued: job.queued, failed: job.failed, articles: job.articles },
      () => summary(job),
    );
    if (job.failed > 0) process.exitCode = 1;
  },
};

/** Waits for a job, drawing a progress line on a terminal. */
async function runToEnd(
  jobs: MarginServices['jobs'],
  started: JobSnapshot,
  quiet: boolean,
): Promise<JobSnapshot> {
  const live = process.stderr.isTTY && !quiet;
  const stop = jobs.runner.onChange((job) => {
    if (live && job.id === started.id && job.state === 'running') {
      process.stderr.write(`\r\x1b[K${progressLine(job)}`);
    }
  });
  try {
    await jobs.runner.idle();
  } finally {
    stop();
    if (live) process.stderr.write('\r\x1b[K');
  }
  const job = jobs.runner.get(started.id);
  if (job.state === 'failed' && job.error) throw new MarginError('import-failed', job.error);
  return job;
}

function progressLine(job: JobSnapshot): string {
  const of = job.total === null ? '' : `/${job.total}`;
  const current = job.current ? `  ${printable(job.current).slice(0, 60)}` : '';
  return `${job.done}${of}  imported ${job.imported}, skipped ${job.skipped}, failed ${job.failed}, waiting ${job.queued}${current}`;
}

function summary(job: JobSnapshot): string {
  const lines = job.articles.map((a) => `${a.id}  ${a.title}`);
  lines.push(
    `Imported ${job.imported}, skipped ${job.skipped}, failed ${job.failed}, waiting for the network ${job.queued}${job.state === 'cancelled' ? ' (cancelled)' : ''}.`,
  );
  if (job.queued > 0) lines.push('Waiting URLs are fetched by `margin fetch-pending` or the app.');
  return lines.join('\n');
}

function reportProblems(job: JobSnapshot): void {
  for (const p of job.problems) {
    const what = p.outcome === 'queued' ? 'waiting' : p.outcome;
    console.error(`margin: ${what}: ${printable(p.name)}: ${printable(p.reason)}`);
  }
}
