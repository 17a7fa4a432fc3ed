import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../../electron/common/api';
import { API_METHODS, SHELL_METHODS } from '../../../electron/common/api-methods';
import type { MarginServices } from '../../../electron/core/services';
import type { ShellActions } from '../../../electron/main/shell-actions';

type Handler = (event: unknown, ...args: unknown[]) => Promise<ApiResponse<unknown>>;
const handlers = vi.hoisted(() => new Map<string, Handler>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerIpc } = await import('../../../electron/main/ipc');

const WINDOW_ID = 7;
const fakeWindow = { isDestroyed: () => false, webContents: { id: WINDOW_ID } };
const topFrame = { parent: null, url: 'app://bundle/index.html' };
const trustedEvent = { sender: { id: WINDOW_ID }, senderFrame: topFrame };

function setup() {
  const dispatch = vi.fn<MarginServices['dispatch']>(async (method, args) => ({
    ok: true,
    value: { method, args },
  }));
  const services = { libraryDir: '/lib', dispatch } as unknown as MarginServices;
  const shell: ShellActions = {
    saveMarkdownFile: vi.fn(async () => true),
    saveMarkdownFolder: vi.fn(async (files) => ({ written: files.length })),
    openExternal: vi.fn(async () => undefined),
  };
  const unregister = registerIpc({
    services,
    shell,
    window: () => fakeWindow as unknown as Electron.BrowserWindow,
  });
  const call = (channel: string, event: unknown, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { dispatch, shell, call, unregister };
}

describe('registerIpc', () => {
  it('registers one channel per API and shell method, and removes them again', () => {
    const { unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      [
        ...API_METHODS.map((m) => `margin:${m}`),
        ...SHELL_METHODS.map((m) => `margin-shell:${m}`),
      ].sort(),
    );
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('passes the argument list to services.dispatch', async () => {
    const { call, dispatch, unregister } = setup();
    const patch = { read: true };
    await expect(call('margin:updateArticle', trustedEvent, 'a1', patch)).resolves.toEqual({
      ok: true,
      value: { method: 'updateArticle', args: ['a1', patch] },
    });
    expect(dispatch).toHaveBeenCalledWith('updateArticle', ['a1', patch]);
    unregister();
  });

  it('turns a throwing dispatch into an error envelope', async () => {
    const { call, dispatch, unregister } = setup();
    dispatch.mockRejectedValueOnce(new Error('boom\nstack'));
    await expect(call('margin:listArticles', trustedEvent)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
    unregister();
  });

  it.each([
    ['another webContents', { sender: { id: 99 }, senderFrame: topFrame }],
    [
      'a subframe',
      { sender: { id: WINDOW_ID }, senderFrame: { parent: topFrame, url: topFrame.url } },
    ],
    [
      'a foreign page',
      { sender: { id: WINDOW_ID }, senderFrame: { parent: null, url: 'https://x.test/' } },
    ],
    ['a vanished frame', { sender: { id: WINDOW_ID }, senderFrame: null }],
    [
      'a stored image opened as a page',
      {
        sender: { id: WINDOW_ID },
        senderFrame: { parent: null, url: `margin-asset://abc/${'a'.repeat(64)}.svg` },
      },
    ],
  ])('refuses calls from %s', async (_label, event) => {
    const { call, dispatch, shell, unregister } = setup();
    const api = await call('margin:listArticles', event);
    const external = await call('margin-shell:openExternal', event, 'https://example.com/');
    expect(api).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(external).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
    unregister();
  });

  it('validates shell arguments before acting', async () => {
    const { call, shell, unregister } = setup();
    const bad = await call('margin-shell:saveMarkdownFile', trustedEvent, { fileName: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const notUrl = await call('margin-shell:openExternal', trustedEvent, 'not a url');
    expect(notUrl).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(shell.saveMarkdownFile).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
    unregister();
  });

  it('runs valid shell calls', async () => {
    const { call, shell, unregister } = setup();
    const file = { fileName: 'a.md', markdown: '# A' };
    await expect(call('margin-shell:saveMarkdownFile', trustedEvent, file)).resolves.toEqual({
      ok: true,
      value: true,
    });
    await expect(
      call('margin-shell:saveMarkdownFolder', trustedEvent, [file, { ...file, fileName: 'b.md' }]),
    ).resolves.toEqual({ ok: true, value: { written: 2 } });
    await expect(
      call('margin-shell:openExternal', trustedEvent, 'https://example.com/'),
    ).resolves.toEqual({ ok: true, value: null });
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
    unregister();
  });
});
