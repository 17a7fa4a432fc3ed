import { API_METHODS } from '../../../electron/common/api-methods';
import type { EnvelopeApi, MarginApi, MarginShell } from '../../../electron/common/api';
import { unwrapResponse } from '../../../electron/common/errors';
import type { DeepLinkTarget } from '../../../electron/common/ipc-channels';
import { createHttpApi } from './http-client';

declare global {
  interface Window {
    /** Set by Electron's preload (replies as envelopes); absent in the browser host. */
    margin?: EnvelopeApi;
    marginShell?: MarginShell & {
      onMenu(callback: (action: string) => void): () => void;
      onOpen?(callback: (target: DeepLinkTarget) => void): () => void;
    };
  }
}

const TOKEN_KEY = 'margin.token';

/**
 * Electron's preload API when present, else the browser host's, authenticated by its token.
 * Either way a failed call throws an ApiCallError carrying the error's code.
 */
export function connectApi(): MarginApi {
  if (window.margin) return unwrapped(window.margin);
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar, history and any screenshot.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  return createHttpApi(token);
}

export function unwrapped(bridge: EnvelopeApi): MarginApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  const calls = bridge as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of API_METHODS) {
    api[method] = async (...args: unknown[]) => unwrapResponse(await calls[method]!(...args));
  }
  return api as unknown as MarginApi;
}

export const shell = (): Window['marginShell'] => window.marginShell;
