/**
 * Electron entry point. Kept thin: the library, import, search and export all live in core and
 * are reached through `services.dispatch`; this file only wires windows, security and IPC.
 */
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { resolveLibraryDir } from '../core/library-location';
import { openServices, type MarginServices } from '../core/services';
import { appPaths } from './app-paths';
import { createDeepLinks, registerProtocolClient } from './deep-links';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveBundle } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createShellActions } from './shell-actions';
import { startupErrorMessage } from './startup-errors';
import { createMainWindow, focusWindow, loadUi } from './window';

const APP_NAME = 'Margin';
// dist/main/main.mjs → the app root (the project folder, or app.asar once packaged).
const paths = appPaths(fileURLToPath(new URL('../..', import.meta.url)));

app.setName(APP_NAME);
// Both must happen before `ready`: sandbox every renderer, and give app:// its privileges.
app.enableSandbox();
registerAppScheme();
registerProtocolClient(app);

if (!app.requestSingleInstanceLock()) {
  // Another Margin is running on this profile; it focuses itself on 'second-instance'.
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error('Margin failed to start:', error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  // Set once the library is open; until then there is nothing to show.
  let openWindow: (() => void) | null = null;
  const currentWindow = (): BrowserWindow | null =>
    mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;

  const showWindow = (): void => {
    const win = currentWindow();
    if (win) focusWindow(win);
    else openWindow?.();
  };
  // margin:// links: macOS hands them over by event (possibly before `ready`), Windows and Linux
  // on the command line of the first launch or of a second one.
  const deepLinks = createDeepLinks({ window: currentWindow, show: showWindow });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.openUrl(url);
  });
  deepLinks.openArgv(process.argv);

  app.on('second-instance', (_event, argv) => {
    showWindow();
    deepLinks.openArgv(argv);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();

  const libraryDir = resolveLibraryDir({
    argv: process.argv,
    env: process.env,
    userDataDir: app.getPath('userData'),
  });
  let services: MarginServices;
  try {
    services = await openServices(libraryDir);
  } catch (error) {
    // Nothing has been written yet; exit without the before-quit flush so the file stays as is.
    const { title, content } = startupErrorMessage(error, libraryDir);
    dialog.showErrorBox(title, content);
    app.exit(1);
    return;
  }

  const isDev = !app.isPackaged;
  hardenSession(session.defaultSession);
  serveBundle(session.defaultSession, paths.rendererDir);
  registerIpc({
    services,
    window: currentWindow,
    shell: createShellActions({
      window: currentWindow,
      documentsDir: () => app.getPath('documents'),
    }),
  });
  installMenu({ platform: process.platform, isDev, window: currentWindow });
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });

  openWindow = (): void => {
    const win = createMainWindow(paths, process.platform);
    deepLinks.attach(win);
    // Closing the window is a natural save point, even if the app keeps running (macOS).
    win.on('close', () => void flushQuietly(services));
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
    loadUi(win);
  };
  openWindow();

  app.on('activate', () => {
    if (currentWindow() === null) openWindow?.();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Hold the quit until everything pending is on disk, then quit for real.
  let shutdown: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    services
      .close()
      .catch((error: unknown) => console.error('Margin could not save before quitting:', error))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });
  // A session logout or `kill` sends SIGTERM: take the same path as File > Quit.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => app.quit());
  }
}

async function flushQuietly(services: MarginServices): Promise<void> {
  try {
    await services.flush();
  } catch (error) {
    console.error('Margin could not save:', error);
  }
}
