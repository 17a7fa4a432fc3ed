import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents } from '../../../electron/main/security';

type Listener = (...args: unknown[]) => void;

/** A WebContents that records its listeners, so each can be fired like Electron would. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
      openHandler = handler;
    },
  } as unknown as WebContents;
  hardenWebContents(contents);
  /** Fires `event` and says whether the listener prevented the default. */
  const fire = (event: string, ...args: unknown[]): boolean => {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), url: args[0] };
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener(e, ...args);
    return prevented;
  };
  return { fire, open: (url: string) => openHandler?.({ url }), listeners };
}

const FOREIGN = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'margin-asset://abc/' + 'a'.repeat(64) + '.svg',
  'app://other/index.html',
  'smb://host/share',
  'about:blank',
];

describe('hardenWebContents', () => {
  it('lets the window move inside the bundle only', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'app://bundle/index.html#/article/a1')).toBe(false);
    expect(fire('will-frame-navigate', 'app://bundle/index.html')).toBe(false);
    for (const url of FOREIGN) {
      expect(fire('will-navigate', url)).toBe(true);
      expect(fire('will-frame-navigate', url)).toBe(true);
      expect(fire('will-redirect', url)).toBe(true);
    }
  });

  it('denies every new window, whatever the URL', () => {
    const { open } = fakeContents();
    for (const url of ['https://example.com/', 'app://bundle/index.html', ...FOREIGN]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
  });

  it('prevents every <webview> from attaching', () => {
    const { fire } = fakeContents();
    expect(fire('will-attach-webview', {}, { src: 'https://example.com/' })).toBe(true);
  });
});

/** A Session that records its handlers. */
function fakeSession() {
  const handlers: {
    request?: (c: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (c: unknown, permission: string) => boolean;
    device?: () => boolean;
    beforeRequest?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: typeof handlers.request) => (handlers.request = h),
    setPermissionCheckHandler: (h: typeof handlers.check) => (handlers.check = h),
    setDevicePermissionHandler: (h: typeof handlers.device) => (handlers.device = h),
    webRequest: {
      onBeforeRequest: (h: typeof handlers.beforeRequest) => (handlers.beforeRequest = h),
    },
  } as unknown as Session;
  hardenSession(session);
  return handlers;
}

describe('hardenSession', () => {
  const PERMISSIONS = [
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'idle-detection',
    'hid',
    'serial',
    'usb',
    'window-management',
    'storage-access',
    'unknown',
  ];

  it('denies every permission request and check, except writing the clipboard', () => {
    const h = fakeSession();
    for (const permission of PERMISSIONS) {
      let granted: boolean | null = null;
      h.request!(null, permission, (g) => (granted = g));
      expect([permission, granted]).toEqual([permission, false]);
      expect([permission, h.check!(null, permission)]).toEqual([permission, false]);
    }
    let clipboard: boolean | null = null;
    h.request!(null, 'clipboard-sanitized-write', (g) => (clipboard = g));
    expect(clipboard).toBe(true);
    expect(h.device!()).toBe(false);
  });

  it('cancels every request that would leave the machine', () => {
    const h = fakeSession();
    const decide = (url: string) => {
      let cancel: boolean | null = null;
      h.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    for (const url of [
      'https://tracker.example/p.gif',
      'http://127.0.0.1:1/',
      'ws://x/',
      'wss://x/',
    ]) {
      expect([url, decide(url)]).toEqual([url, true]);
    }
    expect(decide('app://bundle/index.html')).toBe(false);
    expect(decide('margin-asset://abc/' + 'a'.repeat(64) + '.png')).toBe(false);
  });
});
