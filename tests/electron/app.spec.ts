import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { API_METHODS } from '../../electron/common/api-methods';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Where the Electron binary is, found the way `require('electron')` finds it but without
 * requiring it: that module downloads Electron when it is missing.
 */
function locateElectron(): { binary: string } | { reason: string } {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason: `${path.relative(root, pathFile)} is missing (Electron was never downloaded)`,
    };
  }
  const executable = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const binary = path.join(dist, executable);
  if (!existsSync(binary)) return { reason: `${binary} does not exist` };
  return { binary };
}

const located = locateElectron();
const hasElectronBinary = 'binary' in located;
const skipReason = 'reason' in located ? located.reason : '';
if (!hasElectronBinary)
  console.log(`[electron] skipping: Electron binary not available here: ${skipReason}`);

test.describe('Margin desktop app', () => {
  test.skip(!hasElectronBinary, `Electron binary not available here: ${skipReason}`);

  let app: ElectronApplication;
  let tempDir: string;

  test.beforeEach(async () => {
    expect(
      existsSync(path.join(root, 'dist', 'main', 'main.mjs')),
      'run `npm run build` before the Electron tests',
    ).toBe(true);
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'margin-electron-'));
    const chromiumArgs = [
      // A profile of its own, so a Margin the developer has open does not take the
      // single-instance lock from the test.
      `--user-data-dir=${path.join(tempDir, 'user-data')}`,
      // Chromium refuses to run as root with its OS sandbox (CI runs as root). The renderer
      // sandbox that `sandbox: true` asks for is still reported and enforced by Electron.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // No X server: let Chromium draw nowhere.
      ...(process.platform === 'linux' && !process.env.DISPLAY
        ? ['--ozone-platform=headless']
        : []),
    ];
    app = await electron.launch({
      executablePath: 'binary' in located ? located.binary : '',
      args: [...chromiumArgs, root, '--library', path.join(tempDir, 'library')],
      cwd: root,
    });
  });

  test.afterEach(async () => {
    await app?.close();
    await rm(tempDir, { recursive: true, force: true });
  });

  test('opens one secure window on app://bundle with the API bridge', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    const title = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getTitle(),
    );
    expect(title).toMatch(/Margin/);
    expect(page.url()).toMatch(/^app:\/\/bundle\//);

    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences exists at runtime but is missing from Electron's typings.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown> | null;
      };
      const last = contents.getLastWebPreferences();
      return {
        contextIsolation: last?.contextIsolation,
        sandbox: last?.sandbox,
        nodeIntegration: last?.nodeIntegration,
        nodeIntegrationInWorker: last?.nodeIntegrationInWorker,
        webSecurity: last?.webSecurity,
        allowRunningInsecureContent: last?.allowRunningInsecureContent,
        experimentalFeatures: last?.experimentalFeatures,
        enableBlinkFeatures: last?.enableBlinkFeatures ?? '',
      };
    });
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
    });

    const bridge = await page.evaluate(() => {
      const w = window as unknown as { margin: object; marginShell: object; require?: unknown };
      return {
        margin: Object.keys(w.margin),
        shell: Object.keys(w.marginShell),
        hasRequire: typeof w.require !== 'undefined',
      };
    });
    expect(bridge.margin).toEqual([...API_METHODS]);
    expect(bridge.shell).toEqual([
      'saveMarkdownFile',
      'saveMarkdownFolder',
      'openExternal',
      'onMenu',
      'onOpen',
    ]);
    expect(bridge.hasRequire).toBe(false);

    // A round trip through IPC and the services: a new library is empty.
    const articles = await page.evaluate(() =>
      (
        window as unknown as { margin: { listArticles(): Promise<unknown[]> } }
      ).margin.listArticles(),
    );
    expect(articles).toEqual([]);
  });

  test('serves the UI under the Content-Security-Policy and stays offline', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const result = await page.evaluate(async () => {
      const own = await fetch('app://bundle/index.html');
      let remote = 'allowed';
      try {
        await fetch('https://example.com/');
      } catch {
        remote = 'blocked';
      }
      return { csp: own.headers.get('content-security-policy'), remote };
    });
    expect(result.csp).toContain("default-src 'none'");
    expect(result.csp).toContain("frame-ancestors 'none'");
    expect(result.remote).toBe('blocked');
  });

  test('denies permissions, exposes no Node, and serves stored images only', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const result = await page.evaluate(async () => {
      const w = window as unknown as { require?: unknown; process?: unknown };
      const status = async (url: string) => {
        try {
          return (await fetch(url)).status;
        } catch {
          return 'refused';
        }
      };
      return {
        notification: await Notification.requestPermission(),
        require: typeof w.require,
        process: typeof w.process,
        traversal: await status('margin-asset://abc/..%2f..%2flibrary.json'),
        html: await status(`margin-asset://abc/${'a'.repeat(64)}.html`),
      };
    });
    expect(result.notification).toBe('denied');
    expect(result.require).toBe('undefined');
    expect(result.process).toBe('undefined');
    // margin-asset: has no fetch privilege: from the page it cannot even be fetched.
    expect(result.traversal).not.toBe(200);
    expect(result.html).not.toBe(200);
  });
});
