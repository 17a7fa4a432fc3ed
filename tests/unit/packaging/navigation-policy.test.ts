import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isBundleUrl } from '../../../electron/main/app-url';
import {
  isAllowedExternalUrl,
  isAllowedNavigation,
  isBlockedRequest,
} from '../../../electron/main/navigation-policy';
import { isTrustedSender, type SenderInfo } from '../../../electron/main/sender-policy';

describe('isBundleUrl / isAllowedNavigation', () => {
  it.each([APP_ENTRY_URL, 'app://bundle/', 'app://bundle/assets/index-abc.js', 'app://bundle/#/a'])(
    'allows %s',
    (url) => {
      expect(isBundleUrl(url)).toBe(true);
      expect(isAllowedNavigation(url)).toBe(true);
    },
  );

  it.each([
    'app://other/index.html',
    'app://bundle.evil.com/index.html',
    'app://user:pw@bundle/index.html',
    'app://bundle:8080/index.html',
    'APP://bundle', // no path: not a URL we ever load
    'https://example.com/',
    'http://bundle/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    'data:text/html,<p>x</p>',
    'not a url',
    '',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com/a?b=c#d', 'http://example.org', 'https://xn--bcher-kva.example/'])(
    'allows %s',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'file:///home/user/.ssh/id_rsa',
    'javascript:alert(1)',
    'smb://host/share',
    'mailto:someone@example.com',
    'app://bundle/index.html',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:secret@example.com/',
    'https://',
    'example.com',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('isBlockedRequest', () => {
  it.each([
    'http://example.com/pixel.gif',
    'https://example.com/',
    'ws://localhost:1234/',
    'wss://example.com/socket',
    '::::',
  ])('cancels %s', (url) => expect(isBlockedRequest(url)).toBe(true));

  it.each([
    'app://bundle/index.html',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://bundle/1234',
    'devtools://devtools/bundled/inspector.html',
  ])('lets %s through', (url) => expect(isBlockedRequest(url)).toBe(false));
});

describe('isTrustedSender', () => {
  const good: SenderInfo = {
    senderId: 3,
    windowContentsId: 3,
    isMainFrame: true,
    frameUrl: 'app://bundle/index.html',
  };

  it('trusts the main frame of our window showing the bundle', () => {
    expect(isTrustedSender(good)).toBe(true);
  });

  it.each<[string, Partial<SenderInfo>]>([
    ['another webContents', { senderId: 4 }],
    ['no window', { windowContentsId: null }],
    ['a subframe', { isMainFrame: false }],
    ['a destroyed frame', { frameUrl: null }],
    ['a page navigated away', { frameUrl: 'https://evil.example/' }],
    ['a lookalike origin', { frameUrl: 'app://bundlex/index.html' }],
  ])('rejects %s', (_label, change) => {
    expect(isTrustedSender({ ...good, ...change })).toBe(false);
  });
});
