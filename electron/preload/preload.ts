/**
 * Sandboxed preload: the only bridge between the UI and the main process. It exposes exactly the
 * API methods (`window.margin`), the shell methods and menu events (`window.marginShell`), each
 * forwarding to one IPC channel. Bundled to one CommonJS file that requires only `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResponse, MarginApi, MarginShell } from '../common/api';
import { API_METHODS, SHELL_METHODS } from '../common/api-methods';
import {
  API_CHANNEL_PREFIX,
  isMenuAction,
  MENU_CHANNEL,
  SHELL_CHANNEL_PREFIX,
  type MenuAction,
} from '../common/ipc-channels';

export interface MarginShellBridge extends MarginShell {
  /** Subscribes to application-menu actions; returns the unsubscribe function. */
  onMenu(callback: (action: MenuAction) => void): () => void;
}

/** Turns an envelope into a value or a thrown Error the UI can show as is. */
function unwrap(response: unknown): unknown {
  const envelope = response as ApiResponse<unknown> | null;
  if (envelope && envelope.ok === true) return envelope.value;
  if (envelope && envelope.ok === false) throw new Error(envelope.error.message);
  throw new Error('Margin received an unexpected reply from the app.');
}

function forwarders<M extends string>(
  methods: readonly M[],
  prefix: string,
): Record<M, (...args: unknown[]) => Promise<unknown>> {
  const entries = methods.map((method) => {
    const channel = prefix + method;
    const call = async (...args: unknown[]): Promise<unknown> =>
      unwrap(await ipcRenderer.invoke(channel, ...args));
    return [method, call] as const;
  });
  return Object.fromEntries(entries) as Record<M, (...args: unknown[]) => Promise<unknown>>;
}

const margin = forwarders(API_METHODS, API_CHANNEL_PREFIX) as unknown as MarginApi;

const marginShell: MarginShellBridge = {
  ...(forwarders(SHELL_METHODS, SHELL_CHANNEL_PREFIX) as unknown as MarginShell),
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
};

contextBridge.exposeInMainWorld('margin', margin);
contextBridge.exposeInMainWorld('marginShell', marginShell);
