import type { MarginApi, MarginShell } from '../../../electron/common/api';
import type { DeepLinkTarget } from '../../../electron/common/ipc-channels';
import { createHttpApi } from './http-client';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser host. */
    margin?: MarginApi;
    marginShell?: MarginShell & {
      onMenu(callback: (action: string) => void): () => void;
      onOpen?(callback: (target: DeepLinkTarget) => void): () => void;
    };
  }
}

const TOKEN_KEY = 'margin.token';

/** Electron's preload API when present, else the browser host's, authenticated by its token. */
export function connectApi(): MarginApi {
  if (window.margin) return window.margin;
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

export const shell = (): Window['marginShell'] => window.marginShell;
