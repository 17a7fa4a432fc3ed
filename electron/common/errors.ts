/** Errors the user can act on. `message` is one line, written for the user. */
export type MarginErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'import-failed'
  | 'quote-not-found'
  | 'corrupt-library'
  | 'io'
  /** The library was opened read-only (written by a newer Margin, or opened just to read). */
  | 'read-only'
  /** Another process is writing this library (see `library.lock`). */
  | 'library-in-use';

export class MarginError extends Error {
  constructor(
    readonly code: MarginErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MarginError';
  }
}

export interface SerializedError {
  code: MarginErrorCode | 'internal' | 'unauthorized';
  message: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof MarginError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: firstLine(message) };
}

export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/**
 * A failed API call as the UI sees it: the user's one-line message and the code it can act on
 * (`not-found`, `read-only`, `library-in-use`…). Both clients (Electron's preload and the browser
 * host's HTTP client) unwrap replies into this, so the UI cannot tell them apart.
 */
export class ApiCallError extends Error {
  constructor(
    readonly code: SerializedError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** The value of an API reply envelope (`{ ok, value }` / `{ ok, error }`), or its error thrown. */
export function unwrapResponse(response: unknown): unknown {
  const envelope = response as
    { ok: true; value: unknown } | { ok: false; error: SerializedError } | null | undefined;
  if (envelope?.ok === true) return envelope.value;
  if (envelope?.ok === false) {
    const { code, message } = envelope.error ?? {};
    throw new ApiCallError(
      typeof code === 'string' ? code : 'internal',
      typeof message === 'string' ? message : 'The call failed.',
    );
  }
  throw new ApiCallError('internal', 'Margin received an unexpected reply from the app.');
}
