import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, SHELL_METHODS } from '../../../electron/common/api-methods';
import { ApiCallError, unwrapResponse } from '../../../electron/common/errors';

// The preload runs against a fake `electron`: what it exposes and what it sends is all we check.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    listeners,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
});
vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

type Fn = (...args: unknown[]) => unknown;
let margin: Record<string, Fn>;
let marginShell: Record<string, Fn>;

beforeAll(async () => {
  await import('../../../electron/preload/preload');
  margin = electron.exposed.get('margin') as Record<string, Fn>;
  marginShell = electron.exposed.get('marginShell') as Record<string, Fn>;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});

describe('what the preload exposes', () => {
  it('is window.margin and window.marginShell, nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['margin', 'marginShell']);
  });

  it('hands over plain functions only, never ipcRenderer or any of its methods', () => {
    const ipc = electron.ipcRenderer as unknown as Record<string, unknown>;
    const ipcParts = new Set<unknown>([ipc, ...Object.values(ipc)]);
    for (const api of [margin, marginShell]) {
      expect(ipcParts.has(api)).toBe(false);
      for (const [key, value] of Object.entries(api)) {
        expect([key, typeof value]).toEqual([key, 'function']);
        expect(ipcParts.has(value)).toBe(false);
        expect(Object.keys(value as object)).toEqual([]);
      }
      for (const name of ['invoke', 'send', 'sendSync', 'on', 'postMessage', 'ipcRenderer']) {
        expect(api).not.toHaveProperty(name);
      }
    }
  });
});

describe('window.margin', () => {
  it('exposes exactly the API methods, in order', () => {
    expect(Object.keys(margin)).toEqual([...API_METHODS]);
    for (const method of API_METHODS) expect(typeof margin[method]).toBe('function');
  });

  it('forwards the arguments to margin:<method> and resolves to the reply envelope', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: [{ id: 'a' }] });
    await expect(margin.search?.('needle')).resolves.toEqual({ ok: true, value: [{ id: 'a' }] });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('margin:search', 'needle');
  });

  it('defect 9: a failed call keeps its error code for the UI', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'not-found', message: 'That article is gone.' },
    });
    const reply = await margin.getArticle?.('x');
    expect(reply).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That article is gone.' },
    });
    // What the renderer makes of it (renderer/src/api/bridge.ts): an error with its code.
    const error = await Promise.resolve()
      .then(() => unwrapResponse(reply))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'not-found', message: 'That article is gone.' });
  });

  it('turns a reply that is not an envelope into an internal error', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue(undefined);
    await expect(margin.listArticles?.()).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/unexpected reply/) },
    });
  });
});

describe('window.marginShell', () => {
  it('exposes the shell methods, onMenu and onOpen', () => {
    expect(Object.keys(marginShell)).toEqual([...SHELL_METHODS, 'onMenu', 'onOpen']);
  });

  it('forwards to margin-shell:<method>', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: true });
    const file = { fileName: 'a.md', markdown: '# A' };
    await expect(marginShell.saveMarkdownFile?.(file)).resolves.toBe(true);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('margin-shell:saveMarkdownFile', file);
  });

  it('passes only known menu actions, never the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = marginShell.onMenu?.((...args: unknown[]) => received.push(args)) as () => void;
    const fire = (payload: unknown) =>
      electron.listeners.get('margin:menu')?.forEach((l) => l({ sender: 'secret' }, payload));

    fire('import');
    fire('rm -rf');
    fire('toggle-theme');
    expect(received).toEqual([['import'], ['toggle-theme']]);

    off();
    fire('export-all');
    expect(received).toHaveLength(2);
  });

  it('rejects a non-function menu callback', () => {
    expect(() => marginShell.onMenu?.('nope')).toThrow(TypeError);
  });

  it('passes only valid margin:// targets, holding one that came before any subscriber', () => {
    const fire = (payload: unknown) =>
      electron.listeners.get('margin:open')?.forEach((l) => l({ sender: 'secret' }, payload));
    fire({ articleId: 'early1', highlightId: null });
    const received: unknown[][] = [];
    const off = marginShell.onOpen?.((...args: unknown[]) => received.push(args)) as () => void;
    fire({ articleId: 'a1', highlightId: 'h1', extra: 'dropped' });
    fire({ articleId: '../etc', highlightId: null });
    fire({ articleId: 'a1', highlightId: 'bad id' });
    fire('margin://article/a1');
    expect(received).toEqual([
      [{ articleId: 'early1', highlightId: null }],
      [{ articleId: 'a1', highlightId: 'h1' }],
    ]);
    off();
    fire({ articleId: 'a2', highlightId: null });
    expect(received).toHaveLength(2);
    expect(() => marginShell.onOpen?.('nope')).toThrow(TypeError);
  });
});
