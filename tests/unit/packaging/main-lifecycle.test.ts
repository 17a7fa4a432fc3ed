import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarginError } from '../../../electron/common/errors';

/**
 * Runs the real main.ts against a fake `electron` and fake services: the lifecycle (startup,
 * the corrupt-library stop, window creation, flush before quit, second launch) is checked
 * here because no Electron binary is available to run it for real.
 */
type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    appListeners: new Map<string, Listener[]>(),
    windows: [] as FakeWindowShape[],
    gotLock: true,
    openServices: (async () => {
      throw new Error('set per test');
    }) as (dir: string) => Promise<unknown>,
    calls: [] as string[],
  };
  interface FakeWindowShape {
    options: Record<string, unknown>;
    listeners: Map<string, Listener[]>;
    loadedUrl: string | null;
    focused: number;
    webContents: { id: number; send: Listener; on: (event: string, l: Listener) => void };
    contentsListeners: Map<string, Listener[]>;
  }
  const emit = (map: Map<string, Listener[]>, event: string, ...args: unknown[]) =>
    (map.get(event) ?? []).forEach((listener) => listener(...args));
  const on = (map: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    map.set(event, [...(map.get(event) ?? []), listener]);
  };

  class BrowserWindow implements FakeWindowShape {
    listeners = new Map<string, Listener[]>();
    loadedUrl: string | null = null;
    focused = 0;
    contentsListeners = new Map<string, Listener[]>();
    webContents = {
      id: 40 + state.windows.length,
      send: vi.fn(),
      on: on(this.contentsListeners),
    };
    constructor(public options: Record<string, unknown>) {
      state.windows.push(this);
    }
    on = on(this.listeners);
    once = on(this.listeners);
    loadURL = async (url: string) => {
      this.loadedUrl = url;
    };
    isDestroyed = () => false;
    isMinimized = () => true;
    restore = () => state.calls.push('restore');
    isVisible = () => true;
    show = () => state.calls.push('show');
    focus = () => {
      this.focused++;
    };
  }

  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
    protocol: { handle: vi.fn() },
  };

  const electron = {
    app: {
      isPackaged: false,
      setAsDefaultProtocolClient: vi.fn(),
      setName: vi.fn(),
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: () => state.gotLock,
      quit: vi.fn(() => {
        state.calls.push('quit');
        // Electron emits before-quit; a listener may cancel it with preventDefault.
        let prevented = false;
        emit(state.appListeners, 'before-quit', { preventDefault: () => (prevented = true) });
        if (!prevented) state.calls.push('quit:done');
      }),
      exit: vi.fn((code: number) => state.calls.push(`exit:${code}`)),
      on: on(state.appListeners),
      whenReady: async () => undefined,
      getPath: (name: string) => `/fake/${name}`,
      getVersion: () => '0.1.0',
      setAboutPanelOptions: vi.fn(),
    },
    dialog: { showErrorBox: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    session: { defaultSession: session },
    BrowserWindow,
    nativeTheme: { shouldUseDarkColors: false },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    shell: { openExternal: vi.fn() },
  };
  return { state, electron, session, emit };
});

vi.mock('electron', () => fake.electron);
vi.mock('../../../electron/core/services', () => ({
  openServices: (dir: string) => fake.state.openServices(dir),
}));

const signalListeners = () => [...process.listeners('SIGTERM'), ...process.listeners('SIGINT')];
let signalsBefore: ReturnType<typeof signalListeners>;

async function launch(argv: string[]): Promise<void> {
  process.argv = ['/usr/bin/electron', '.', ...argv];
  vi.resetModules();
  await import('../../../electron/main/main');
  // Let start() run through its awaits.
  await vi.waitFor(() =>
    expect(fake.state.calls.length + fake.state.windows.length).toBeGreaterThan(0),
  );
}

function fakeServices() {
  return {
    libraryDir: '/lib',
    dispatch: vi.fn(),
    flush: vi.fn(async () => void fake.state.calls.push('flush')),
    close: vi.fn(async () => void fake.state.calls.push('close')),
  };
}

const argv = process.argv;
beforeEach(() => {
  signalsBefore = signalListeners();
  fake.state.appListeners.clear();
  fake.state.windows.length = 0;
  fake.state.calls.length = 0;
  fake.state.gotLock = true;
  vi.clearAllMocks();
});
afterEach(() => {
  process.argv = argv;
  for (const listener of signalListeners()) {
    if (!signalsBefore.includes(listener)) {
      process.removeListener('SIGTERM', listener);
      process.removeListener('SIGINT', listener);
    }
  }
});

describe('main process lifecycle', () => {
  it('opens the library from --library and shows one secure window on app://bundle', async () => {
    const services = fakeServices();
    const opened: string[] = [];
    fake.state.openServices = async (dir) => {
      opened.push(dir);
      return services;
    };
    await launch(['--library', '/tmp/my-library']);

    expect(opened).toEqual(['/tmp/my-library']);
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(fake.session.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(fake.electron.ipcMain.handle).toHaveBeenCalledWith(
      'margin:listArticles',
      expect.any(Function),
    );
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();

    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0]!;
    expect(win.loadedUrl).toBe('app://bundle/index.html');
    expect(win.options.title).toBe('Margin');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(
      /dist[/\\]preload[/\\]preload\.cjs$/,
    );
  });

  it('stops with a plain error box, without saving, when the library is corrupt', async () => {
    fake.state.openServices = async () => {
      throw new MarginError('corrupt-library', 'library.json is not valid JSON.');
    };
    await launch(['--library', '/tmp/broken']);

    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Margin cannot open your library',
      expect.stringContaining('left as it was'),
    );
    expect(fake.state.calls).toEqual(['exit:1']);
    expect(fake.state.windows).toHaveLength(0);
  });

  it('writes everything before quitting, then quits once', async () => {
    const services = fakeServices();
    fake.state.openServices = async () => services;
    await launch([]);

    fake.electron.app.quit();
    await vi.waitFor(() => expect(fake.state.calls).toContain('quit:done'));
    expect(fake.state.calls).toEqual(['quit', 'close', 'quit', 'quit:done']);
    expect(services.close).toHaveBeenCalledTimes(1);
  });

  it('flushes when the window closes', async () => {
    const services = fakeServices();
    fake.state.openServices = async () => services;
    await launch([]);
    fake.emit(fake.state.windows[0]!.listeners, 'close');
    await vi.waitFor(() => expect(services.flush).toHaveBeenCalled());
  });

  it('focuses the existing window on a second launch', async () => {
    fake.state.openServices = async () => fakeServices();
    await launch([]);
    fake.emit(fake.state.appListeners, 'second-instance', {}, ['margin']);
    expect(fake.state.windows[0]!.focused).toBe(1);
    expect(fake.state.calls).toContain('restore');
  });

  it('opens a new window on a second launch when the last one was closed (macOS)', async () => {
    fake.state.openServices = async () => fakeServices();
    await launch([]);
    fake.emit(fake.state.windows[0]!.listeners, 'closed');
    fake.emit(fake.state.appListeners, 'second-instance', {}, ['margin']);
    expect(fake.state.windows).toHaveLength(2);
    expect(fake.state.windows[1]!.loadedUrl).toBe('app://bundle/index.html');
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.gotLock = false;
    let opened = false;
    fake.state.openServices = async () => {
      opened = true;
      return fakeServices();
    };
    await launch([]);
    expect(fake.state.calls).toContain('quit');
    expect(opened).toBe(false);
    expect(fake.state.windows).toHaveLength(0);
  });

  it('does not claim margin:// links from a development build', async () => {
    fake.state.openServices = async () => fakeServices();
    await launch([]);
    expect(fake.electron.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });
});

describe('margin:// links', () => {
  const loaded = (win: (typeof fake.state.windows)[number]) =>
    fake.emit(win.contentsListeners, 'did-finish-load');

  it('registers the scheme when packaged', async () => {
    fake.electron.app.isPackaged = true;
    try {
      fake.state.openServices = async () => fakeServices();
      await launch([]);
      expect(fake.electron.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('margin');
    } finally {
      fake.electron.app.isPackaged = false;
    }
  });

  it('sends the link Margin was launched with once the page has loaded', async () => {
    fake.state.openServices = async () => fakeServices();
    await launch(['margin://article/a1#hl-h2']);
    const win = fake.state.windows[0]!;
    expect(win.webContents.send).not.toHaveBeenCalled();
    loaded(win);
    expect(win.webContents.send).toHaveBeenCalledWith('margin:open', {
      articleId: 'a1',
      highlightId: 'h2',
    });
    loaded(win);
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('sends a link from a second launch (Windows, Linux) and focuses the window', async () => {
    fake.state.openServices = async () => fakeServices();
    await launch([]);
    const win = fake.state.windows[0]!;
    loaded(win);
    fake.emit(fake.state.appListeners, 'second-instance', {}, ['margin', 'margin://article/b7']);
    expect(win.webContents.send).toHaveBeenCalledWith('margin:open', {
      articleId: 'b7',
      highlightId: null,
    });
    expect(win.focused).toBeGreaterThan(0);
  });

  it('sends a link from open-url (macOS), opening a window if none is open', async () => {
    fake.state.openServices = async () => fakeServices();
    await launch([]);
    fake.emit(fake.state.windows[0]!.listeners, 'closed');
    const event = { preventDefault: vi.fn() };
    fake.emit(fake.state.appListeners, 'open-url', event, 'margin://article/c3#hl-d4');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(2);
    loaded(fake.state.windows[1]!);
    expect(fake.state.windows[1]!.webContents.send).toHaveBeenCalledWith('margin:open', {
      articleId: 'c3',
      highlightId: 'd4',
    });
  });

  it('ignores links that are not valid margin:// links', async () => {
    fake.state.openServices = async () => fakeServices();
    await launch(['margin://article/../../etc#hl-<x>']);
    const win = fake.state.windows[0]!;
    loaded(win);
    fake.emit(fake.state.appListeners, 'open-url', { preventDefault: vi.fn() }, 'https://evil');
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});
