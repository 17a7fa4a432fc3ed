import { API_METHODS, type ApiMethod } from '../common/api-methods';
import { apiArgs, type ApiResponse, type MarginApi } from '../common/api';
import { MarginError, serializeError } from '../common/errors';
import { Archive } from './archive/archive';
import { LibraryService } from './library-service';

/** The one entry point that Electron IPC and the browser host share. */
export interface MarginServices {
  readonly libraryDir: string;
  readonly library: LibraryService;
  /** Validates the method name and its arguments, runs it, and never throws. */
  dispatch(method: string, args: unknown): Promise<ApiResponse<unknown>>;
  /** Resolves when everything pending is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function openServices(libraryDir: string): Promise<MarginServices> {
  const archive = await Archive.open(libraryDir);
  const library = await LibraryService.open(archive);
  return {
    libraryDir,
    library,
    dispatch: (method, args) => dispatch(library, method, args),
    flush: () => archive.flush(),
    close: () => archive.flush(),
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
