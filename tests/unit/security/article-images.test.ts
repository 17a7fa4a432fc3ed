import { describe, expect, it } from 'vitest';
import { displayedImageSrc } from '../../../electron/common/article-html-policy';
import { sanitizeArticleHtml } from '../../../electron/core/import/sanitize';

const FILE = `${'a'.repeat(64)}.png`;
const ASSET = `margin-asset://abc123def456/${FILE}`;

describe('stored images in article HTML', () => {
  it('keeps a stored image through import sanitizing, unchanged and idempotent', () => {
    const html = `<p>x</p><img src="${ASSET}" alt="figure">`;
    const once = sanitizeArticleHtml(html);
    expect(once).toContain(`<img src="${ASSET}" alt="figure">`);
    expect(sanitizeArticleHtml(once)).toBe(once);
  });

  it.each([
    `margin-asset://abc123def456/../../library.json`,
    `margin-asset://abc123def456/${FILE}?x`,
    `margin-asset://abc123def456/page.html`,
    'https://tracker.example/pixel.png',
    '//tracker.example/pixel.png',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '/asset/abc123def456/' + FILE,
  ])('drops the image source %s (remote ones are kept aside only as text)', (src) => {
    const out = sanitizeArticleHtml(`<img src="${src}" alt="x">`);
    expect(out).not.toMatch(/ src=/);
  });

  it('a stored link is not a link: margin-asset: is for images only', () => {
    expect(sanitizeArticleHtml(`<a href="${ASSET}">x</a>`)).toBe('<a>x</a>');
  });

  it('shows a stored image from Electron’s protocol or from the host’s route', () => {
    expect(displayedImageSrc(ASSET, 'electron')).toBe(ASSET);
    expect(displayedImageSrc(ASSET, 'browser-host')).toBe(`./asset/abc123def456/${FILE}`);
    expect(displayedImageSrc('data:image/png;base64,AAAA', 'browser-host')).toBe(
      'data:image/png;base64,AAAA',
    );
    for (const src of ['https://e.com/a.png', 'http://127.0.0.1:9/x.png', 'blob:x', '']) {
      expect(displayedImageSrc(src, 'electron')).toBeNull();
      expect(displayedImageSrc(src, 'browser-host')).toBeNull();
    }
  });
});
