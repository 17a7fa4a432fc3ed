import { API_METHODS, type ApiMethod } from '../common/api-methods';
import { apiArgs, type ApiResponse, type MarginApi } from '../common/api';
import { MarginError, serializeError } from '../common/errors';
import { Archive, type ArchiveOptions } from './archive/archive';
import { combinedApi, ImportJobs } from './import-jobs';
import { LibraryService } from './library-service';

/** The one entry point that Electron IPC, the browser host and the CLI share. */
export interface MarginServices {
  readonly libraryDir: string;
  readonly library: LibraryService;
  readonly archive: Archive;
  /** URL and bulk imports, and the URLs waiting for the network. */
  readonly jobs: ImportJobs;
  /** Validates the method name and its arguments, runs it, and never throws. */
  dispatch(method: string, args: unknown): Promise<ApiResponse<unknown>>;
  /** Resolves when everything pending is on disk. */
  flush(): Promise<void>;
  /** Flushes and releases the library's lock; call on quit, SIGTERM, or when done. */
  close(): Promise<void>;
}

export type OpenServicesOptions = ArchiveOptions & {
  /** Fetch the URLs waiting for the network now and every few minutes (the app and the host). */
  retryPendingUrls?: boolean;
  /** When the search index is opened; default 'background' (see LibraryService.open). */
  search?: 'background' | 'on-demand';
};

/**
 * Opens the library. `mode: 'write'` (the default; the app, the host and changing CLI commands)
 * takes the library's lock, so two processes never interleave writes; a second writer waits a
 * few seconds, then gets a one-line 'library-in-use' error. `mode: 'read'` takes no lock and
 * writes nothing at all, so reading commands work while the app is open.
 */
export async function openServices(
  libraryDir: string,
  options: OpenServicesOptions = {},
): Promise<MarginServices> {
  const archive = await Archive.open(libraryDir, options);
  let library: LibraryService;
  try {
    library = await LibraryService.open(archive, { search: options.search });
  } catch (error) {
    await archive.close();
    throw error;
  }
  const jobs = new ImportJobs(library);
  if (options.retryPendingUrls) jobs.startAutoRetry();
  const api = combinedApi(library, jobs);
  return {
    libraryDir,
    library,
    archive,
    jobs,
    dispatch: (method, args) => dispatch(api, method, args),
    flush: async () => {
      await archive.flush();
      await library.searchIndex.flush().catch(() => undefined);
    },
    // Jobs stop first; the search index is written before the lock is let go.
    close: async () => {
      await jobs.close();
      await library.close().finally(() => archive.close());
    },
  };
}

const methods = new Set<string>(API_METHODS);

export async function dispatch(
  api: MarginApi,
  method: string,
  args: unknown,
): Promise<ApiResponse<unknown>> {
  try {
    if (!methods.has(method)) throw new MarginError('invalid-argument', `Unknown call: ${method}`);
    const name = method as ApiMethod;
    const parsed = apiArgs[name].safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      throw new MarginError(
        'invalid-argument',
        `Invalid ${method} call${where}: ${issue?.message}`,
      );
    }
    const call = api[name] as (...a: unknown[]) => Promise<unknown>;
    const value = await call.apply(api, parsed.data as unknown[]);
    return { ok: true, value: value ?? null };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
