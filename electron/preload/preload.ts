/**
 * Sandboxed preload: the only bridge between the UI and the main process. It exposes exactly the
 * API methods (`window.margin`), the shell methods and menu events (`window.marginShell`), each
 * forwarding to one IPC channel. Bundled to one CommonJS file that requires only `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResponse, EnvelopeApi, MarginShell } from '../common/api';
import { API_METHODS, SHELL_METHODS } from '../common/api-methods';
import { unwrapResponse } from '../common/errors';
import {
  API_CHANNEL_PREFIX,
  isDeepLinkTarget,
  isMenuAction,
  MENU_CHANNEL,
  OPEN_CHANNEL,
  SHELL_CHANNEL_PREFIX,
  type DeepLinkTarget,
  type MenuAction,
} from '../common/ipc-channels';

export interface MarginShellBridge extends MarginShell {
  /** Subscribes to application-menu actions; returns the unsubscribe function. */
  onMenu(callback: (action: MenuAction) => void): () => void;
  /**
   * Subscribes to `margin://` links (open an article, scrolled to a highlight); returns the
   * unsubscribe function. A link that arrived before the first subscriber is delivered to it.
   */
  onOpen(callback: (target: DeepLinkTarget) => void): () => void;
}

/**
 * API calls resolve to their reply envelope, unwrapped in the renderer (renderer/src/api/bridge.ts):
 * an Error crossing the context bridge keeps only its message, and the UI needs the error's code.
 */
function envelopeOf(response: unknown): ApiResponse<unknown> {
  const envelope = response as ApiResponse<unknown> | null;
  if (envelope && (envelope.ok === true || envelope.ok === false)) return envelope;
  return {
    ok: false,
    error: { code: 'internal', message: 'Margin received an unexpected reply from the app.' },
  };
}

function forwarders<M extends string>(
  methods: readonly M[],
  prefix: string,
  settle: (response: unknown) => unknown,
): Record<M, (...args: unknown[]) => Promise<unknown>> {
  const entries = methods.map((method) => {
    const channel = prefix + method;
    const call = async (...args: unknown[]): Promise<unknown> =>
      settle(await ipcRenderer.invoke(channel, ...args));
    return [method, call] as const;
  });
  return Object.fromEntries(entries) as Record<M, (...args: unknown[]) => Promise<unknown>>;
}

/** Shell calls (open a link, save a file…) have no error the UI acts on: the message is enough. */
function shellValue(response: unknown): unknown {
  return unwrapResponse(envelopeOf(response));
}

const margin = forwarders(API_METHODS, API_CHANNEL_PREFIX, envelopeOf) as unknown as EnvelopeApi;

// Links can come in before the UI has subscribed (Margin launched by a link): the latest waits.
const openListeners = new Set<(target: DeepLinkTarget) => void>();
let waitingOpen: DeepLinkTarget | null = null;
ipcRenderer.on(OPEN_CHANNEL, (_event: IpcRendererEvent, target: unknown) => {
  if (!isDeepLinkTarget(target)) return;
  const copy = { articleId: target.articleId, highlightId: target.highlightId };
  if (openListeners.size === 0) waitingOpen = copy;
  for (const listener of openListeners) listener(copy);
});

const marginShell: MarginShellBridge = {
  ...(forwarders(SHELL_METHODS, SHELL_CHANNEL_PREFIX, shellValue) as unknown as MarginShell),
  onMenu(callback) {
    if (typeof callback !== 'function') throw new TypeError('onMenu needs a function');
    // The IpcRendererEvent stays here: handing it to the page would leak `sender`.
    const listener = (_event: IpcRendererEvent, action: unknown): void => {
      if (isMenuAction(action)) callback(action);
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
  onOpen(callback) {
    if (typeof callback !== 'function') throw new TypeError('onOpen needs a function');
    const listener = (target: DeepLinkTarget): void => callback(target);
    openListeners.add(listener);
    if (waitingOpen !== null) {
      const target = waitingOpen;
      waitingOpen = null;
      listener(target);
    }
    return () => {
      openListeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('margin', margin);
contextBridge.exposeInMainWorld('marginShell', marginShell);
