import type { App, BrowserWindow } from 'electron';
import { OPEN_CHANNEL, type DeepLinkTarget } from '../common/ipc-channels';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink } from './deep-link';

/**
 * Makes Margin the handler of `margin://` links. Only the installed app registers: a development
 * build would claim the scheme for a bare Electron binary that cannot open the app. The
 * installers declare the scheme too (electron-builder.yml, `protocols`).
 */
export function registerProtocolClient(
  app: Pick<App, 'isPackaged' | 'setAsDefaultProtocolClient'>,
): void {
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}

export interface DeepLinks {
  /** A URL the OS handed over (`open-url` on macOS). */
  openUrl(url: string): void;
  /** A command line (the first launch, or `second-instance`, on Windows and Linux). */
  openArgv(argv: readonly string[]): void;
  /** A new window: links wait until its page has loaded, then go to it. */
  attach(win: BrowserWindow): void;
}

/**
 * Delivers `margin://` links to the UI as `margin:open` messages. A link may arrive before the
 * library is open or the page has loaded: the latest one waits, and is sent once the window's
 * page is ready (the preload, loaded before the page, holds it until the UI subscribes).
 */
export function createDeepLinks(opts: {
  window: () => BrowserWindow | null;
  /** Brings the window forward, or opens one if there is none. */
  show: () => void;
}): DeepLinks {
  let pending: DeepLinkTarget | null = null;
  const loaded = new WeakSet<BrowserWindow>();

  const deliver = (): void => {
    const win = opts.window();
    if (pending === null || win === null || win.isDestroyed() || !loaded.has(win)) return;
    win.webContents.send(OPEN_CHANNEL, pending);
    pending = null;
  };
  const open = (target: DeepLinkTarget | null): void => {
    if (target === null) return;
    pending = target;
    opts.show();
    deliver();
  };

  return {
    openUrl: (url) => open(parseDeepLink(url)),
    openArgv: (argv) => open(deepLinkFromArgv(argv)),
    attach(win) {
      win.webContents.on('did-finish-load', () => {
        loaded.add(win);
        deliver();
      });
    },
  };
}
