import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { shellArgs, type ApiResponse } from '../common/api';
import { API_METHODS, SHELL_METHODS, type ShellMethod } from '../common/api-methods';
import type { MarginServices } from '../core/services';
import { API_CHANNEL_PREFIX, SHELL_CHANNEL_PREFIX } from '../common/ipc-channels';
import { errorResponse, okResponse, responseFromError, UNTRUSTED_SENDER } from './responses';
import { isTrustedSender } from './sender-policy';
import type { ShellActions } from './shell-actions';

export interface IpcDeps {
  services: MarginServices;
  shell: ShellActions;
  /** The one window allowed to call in; null while none is open. */
  window: () => BrowserWindow | null;
}

/**
 * One `ipcMain.handle` per API and shell method. Handlers always resolve to an ApiResponse:
 * errors are data, so the preload decides how to surface them.
 */
export function registerIpc(deps: IpcDeps): () => void {
  const channels: string[] = [];
  const trusted = (event: IpcMainInvokeEvent): boolean => senderIsTrusted(event, deps.window());

  for (const method of API_METHODS) {
    const channel = API_CHANNEL_PREFIX + method;
    channels.push(channel);
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<ApiResponse<unknown>> => {
      if (!trusted(event)) return UNTRUSTED_SENDER;
      try {
        return await deps.services.dispatch(method, args);
      } catch (error) {
        // dispatch promises never to throw; this keeps a broken promise from crossing IPC.
        return responseFromError(error);
      }
    });
  }

  for (const method of SHELL_METHODS) {
    const channel = SHELL_CHANNEL_PREFIX + method;
    channels.push(channel);
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<ApiResponse<unknown>> => {
      if (!trusted(event)) return UNTRUSTED_SENDER;
      try {
        return await runShellMethod(deps.shell, method, args);
      } catch (error) {
        return responseFromError(error);
      }
    });
  }

  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

async function runShellMethod(
  shell: ShellActions,
  method: ShellMethod,
  args: unknown[],
): Promise<ApiResponse<unknown>> {
  switch (method) {
    case 'saveMarkdownFile': {
      const parsed = shellArgs.saveMarkdownFile.safeParse(args);
      if (!parsed.success) return invalid(method, parsed.error.issues[0]?.message);
      return okResponse(await shell.saveMarkdownFile(parsed.data[0]));
    }
    case 'saveMarkdownFolder': {
      const parsed = shellArgs.saveMarkdownFolder.safeParse(args);
      if (!parsed.success) return invalid(method, parsed.error.issues[0]?.message);
      return okResponse(await shell.saveMarkdownFolder(parsed.data[0]));
    }
    case 'openExternal': {
      const parsed = shellArgs.openExternal.safeParse(args);
      if (!parsed.success) return invalid(method, parsed.error.issues[0]?.message);
      await shell.openExternal(parsed.data[0]);
      return okResponse(null);
    }
  }
}

function invalid(method: string, detail: string | undefined): ApiResponse<never> {
  return errorResponse('invalid-argument', `Invalid ${method} call: ${detail ?? 'bad arguments'}`);
}

function senderIsTrusted(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  const live = window !== null && !window.isDestroyed() ? window : null;
  return isTrustedSender({
    senderId: event.sender.id,
    windowContentsId: live ? live.webContents.id : null,
    isMainFrame: frame !== null && frame.parent === null,
    frameUrl: frame?.url ?? null,
  });
}
