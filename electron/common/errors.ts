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
  code: MarginErrorCode | 'internal';
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
