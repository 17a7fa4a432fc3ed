import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, isHtmlFile, resolveBundleFile } from '../../../electron/main/bundle-files';

const root = path.resolve('/srv/margin/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveBundleFile', () => {
  it.each([
    ['app://bundle/', inRoot('index.html')],
    ['app://bundle/index.html', inRoot('index.html')],
    ['app://bundle/assets/index-3f2a.js', inRoot('assets', 'index-3f2a.js')],
    ['app://bundle/assets/a%20b.css', inRoot('assets', 'a b.css')],
    ['app://bundle/index.html?x=1#top', inRoot('index.html')],
    // The URL parser folds dot segments before we see them; they cannot climb above the root.
    ['app://bundle/../../etc/passwd', inRoot('etc', 'passwd')],
    ['app://bundle/assets/../index.html', inRoot('index.html')],
  ])('maps %s inside the bundle', (url, expected) => {
    expect(resolveBundleFile(root, url)).toBe(expected);
  });

  it.each([
    'app://bundle/..%2F..%2Fetc%2Fpasswd',
    'app://bundle/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://bundle/assets/..%2F..%2F..%2Fsecret',
    'app://bundle/..%5C..%5Cwindows%5Cwin.ini',
    'app://bundle/a%00.html',
    'app://bundle/%E0%A4%A', // malformed escape
    'app://other/index.html',
    'https://bundle/index.html',
    'file:///srv/margin/dist/renderer/index.html',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveBundleFile(root, url)).toBeNull();
  });
});

describe('contentTypeFor / isHtmlFile', () => {
  it('knows the types a Vite build emits', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('i.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('unknown.bin')).toBe('application/octet-stream');
  });

  it('recognises HTML for the CSP header', () => {
    expect(isHtmlFile('/x/index.html')).toBe(true);
    expect(isHtmlFile('/x/page.HTM')).toBe(true);
    expect(isHtmlFile('/x/app.js')).toBe(false);
  });
});
