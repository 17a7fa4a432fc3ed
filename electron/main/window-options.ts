import type { BrowserWindow as ElectronWindow, BrowserWindowConstructorOptions } from 'electron';

/** `BrowserWindow` itself in the app; a recording stand-in in the unit test. */
export type WindowClass = new (options: BrowserWindowConstructorOptions) => ElectronWindow;

/** Everything about a window except its web preferences, which are never the caller's choice. */
export type WindowLook = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/**
 * The one place a Margin window is made and its web preferences decided. They are written as a
 * literal right at `new BrowserWindow(...)` so electronegativity reads them (it cannot follow a
 * function call), and the function takes the class as an argument so a unit test can pin every
 * value without launching Electron (types only from `electron`).
 */
export function newSecureWindow(
  BrowserWindow: WindowClass,
  look: WindowLook,
  preloadPath: string,
): ElectronWindow {
  return new BrowserWindow({
    ...look,
    webPreferences: {
      preload: preloadPath,
      // The UI gets only what the preload hands over through contextBridge: no Node, no Electron.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise ask for a new window (denied anyway, see security.ts).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
}
