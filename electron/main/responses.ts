import type { ApiResponse } from '../common/api';
import { serializeError } from '../common/errors';

/** Envelope helpers: nothing thrown in the main process crosses IPC as a raw Error. */
export function okResponse<T>(value: T): ApiResponse<T> {
  return { ok: true, value };
}

export function errorResponse(code: string, message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}

export function responseFromError(error: unknown): ApiResponse<never> {
  const { code, message } = serializeError(error);
  return errorResponse(code, message);
}

export const UNTRUSTED_SENDER = errorResponse(
  'forbidden',
  'This call is only accepted from the Margin window.',
);
