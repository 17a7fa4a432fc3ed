import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import type { AppPaths } from './app-paths';
import { newSecureWindow } from './window-options';

/**
 * The single reader window. Shown once painted, so there is no white flash on start. The UI is
 * loaded separately (loadUi) so the caller can record the window first: IPC from the page is
 * only trusted once the window is known.
 */
export function createMainWindow(paths: AppPaths, platform: NodeJS.Platform): BrowserWindow {
  const win = newSecureWindow(
    BrowserWindow,
    {
      title: 'Margin',
      width: 1200,
      height: 820,
      minWidth: 560,
      minHeight: 420,
      show: false,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1b19' : '#faf8f3',
      ...(platform === 'linux' ? { icon: paths.iconPath } : {}),
    },
    paths.preloadPath,
  );
  win.once('ready-to-show', () => win.show());
  return win;
}

export function loadUi(win: BrowserWindow): void {
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Margin could not load its window:', error);
  });
}

/** Brings the window forward, e.g. when the user launches Margin a second time. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
