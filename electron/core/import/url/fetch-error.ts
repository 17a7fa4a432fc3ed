import { MarginError } from '../../../common/errors';

/** Why a URL could not be fetched, in terms a user can act on. */
export type FetchFailure =
  | 'invalid-url'
  | 'offline'
  | 'not-found'
  | 'http-error'
  | 'not-html'
  | 'too-large'
  | 'timeout'
  | 'too-many-redirects'
  | 'cancelled';

/** A failed fetch: `failure` says which kind, `message` is one line for the user. */
export class FetchError extends MarginError {
  constructor(
    readonly failure: FetchFailure,
    message: string,
  ) {
    super('import-failed', message);
    this.name = 'FetchError';
  }

  /** A network failure (not an answer from the server): worth trying again later. */
  get retryLater(): boolean {
    return this.failure === 'offline';
  }
}

/** Node's socket-level error codes that mean "the network or the host is unreachable right now". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The socket error code behind a fetch() failure (undici wraps it in `cause`). */
export function networkErrorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
