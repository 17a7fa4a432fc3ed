/**
 * Entry of an import worker thread (bundled as dist/main/import-worker.mjs for Electron): runs
 * the parse tasks parse-pool.ts sends, one at a time, and answers each with its result or the
 * error that a parse in place would have thrown.
 */
import { parentPort } from 'node:worker_threads';
import { MarginError } from '../../common/errors';
import { runParseTask, type ParseTask } from './parse-task';
import type { WorkerReply } from './parse-pool';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs as a worker thread only');

port.on('message', ({ id, task }: { id: number; task: ParseTask }) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: runParseTask(task) };
  } catch (error) {
    const failure =
      error instanceof MarginError
        ? { code: error.code, name: error.name, message: error.message }
        : error instanceof Error
          ? { name: error.name, message: error.message }
          : { name: 'Error', message: String(error) };
    reply = { id, ok: false, error: failure };
  }
  port.postMessage(reply);
});
