import type { WebPreferences } from 'electron';

/**
 * The one place the window's web preferences are decided. Pure (types only from `electron`) so
 * a unit test can pin every value without launching Electron.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
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
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}
