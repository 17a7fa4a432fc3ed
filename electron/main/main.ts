/**
 * Electron entry point. Kept thin: the library, import, search and export all live in core and
 * are reached through `services.dispatch`; this file only wires windows, security and IPC.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { resolveLibraryDir } from '../core/library-location';
import { openServices, type MarginServices } from '../core/services';
import { MENU_CHANNEL } from '../common/ipc-channels';
import { appPaths } from './app-paths';
import { importableFilesFromArgv } from './argv-files';
import { createDeepLinks, registerProtocolClient } from './deep-links';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { serveAssets } from './asset-protocol';
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

  // Files a launch was given are imported once the library is open (see importLaunchFiles).
  let importLaunchFiles: ((argv: readonly string[], cwd: string) => void) | null = null;
  const pendingLaunches: [readonly string[], string][] = [];
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    deepLinks.openArgv(argv);
    const cwd = workingDirectory || process.cwd();
    if (importLaunchFiles) importLaunchFiles(argv, cwd);
    else pendingLaunches.push([argv, cwd]);
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
    // URLs saved while offline are fetched when the network is back.
    services = await openServices(libraryDir, { retryPendingUrls: true });
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
  serveAssets(session.defaultSession, libraryDir);
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

  // A second launch with files (`margin page.html`) hands them to this one, the library's only writer.
  importLaunchFiles = (argv, cwd) => {
    const files = importableFilesFromArgv(argv, cwd);
    if (files.length === 0) return;
    void importFilesFromDisk(services, files).then((summary) => {
      currentWindow()?.webContents.send(MENU_CHANNEL, 'library-changed');
      if (summary) console.log(summary);
    });
  };
  pendingLaunches.push([process.argv, process.cwd()]);
  for (const [argv, cwd] of pendingLaunches.splice(0)) importLaunchFiles(argv, cwd);

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

/** Reads the files (main may read paths; the renderer never sends any) and imports them. */
async function importFilesFromDisk(services: MarginServices, files: string[]): Promise<string> {
  const inputs = [];
  for (const file of files) {
    try {
      inputs.push({ name: path.basename(file), base64: (await readFile(file)).toString('base64') });
    } catch (error) {
      console.error(`Margin could not read ${file}:`, error);
    }
  }
  if (inputs.length === 0) return '';
  const result = await services.dispatch('importFiles', [inputs]);
  return result.ok ? `Imported ${files.length} file(s) from a second launch` : result.error.message;
}

async function flushQuietly(services: MarginServices): Promise<void> {
  try {
    await services.flush();
  } catch (error) {
    console.error('Margin could not save:', error);
  }
}
