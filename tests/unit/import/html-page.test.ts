import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/core/import/index';
import { bytesOf, fragment } from './corpus';

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the article, long enough for Readability to take it as real body ` +
    `text rather than page furniture: it goes on about one thing and another, at length.</p>`,
).join('\n');

function page(head: string, body: string, before = ''): Uint8Array {
  return bytesOf(
    `${before}<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`,
  );
}

function importPage(bytes: Uint8Array) {
  return parseImport({ name: 'page.html', bytes });
}

describe('saved page import', () => {
  it('runs none of the page scripts', () => {
    const globals = globalThis as { marginScriptRan?: boolean };
    importPage(
      page(
        '<title>Scripted</title><script>globalThis.marginScriptRan = true</script>',
        `<article><h1>Scripted</h1>${PARAGRAPHS}<img src="x" onerror="globalThis.marginScriptRan = true">` +
          '<iframe srcdoc="<script>parent.marginScriptRan = true</script>"></iframe></article>',
      ),
    );
    expect(globals.marginScriptRan).toBeUndefined();
  });

  it('takes the URL from the canonical link, og:url or the save comment, http(s) only', () => {
    const canonical = importPage(
      page(
        '<title>T</title><link rel="canonical" href="https://example.com/a">',
        `<article>${PARAGRAPHS}</article>`,
      ),
    );
    expect(canonical.url).toBe('https://example.com/a');
    const og = importPage(
      page(
        '<title>T</title><meta property="og:url" content="https://example.com/og">',
        `<article>${PARAGRAPHS}</article>`,
      ),
    );
    expect(og.url).toBe('https://example.com/og');
    const saved = importPage(
      page(
        '<title>T</title><link rel="canonical" href="/relative">',
        `<article>${PARAGRAPHS}</article>`,
        '<!-- saved from url=(0030)https://saved.example/post -->\n',
      ),
    );
    expect(saved.url).toBe('https://saved.example/relative');
    const unsafe = importPage(
      page(
        '<title>T</title><link rel="canonical" href="javascript:alert(1)">',
        `<article>${PARAGRAPHS}</article>`,
      ),
    );
    expect(unsafe.url).toBeNull();
  });

  it('makes links and images absolute against the page URL, and drops them without one', () => {
    const body = `<article>${PARAGRAPHS}<p><a href="/other">relative link</a> <img src="pic.png" alt="pic"></p></article>`;
    const withUrl = importPage(
      page('<title>T</title><link rel="canonical" href="https://example.com/dir/post">', body),
    );
    const links = fragment(withUrl.html);
    expect(links.querySelector('a')?.getAttribute('href')).toBe('https://example.com/other');
    expect(links.querySelector('img')?.getAttribute('data-margin-remote-src')).toBe(
      'https://example.com/dir/pic.png',
    );
    const withoutUrl = fragment(importPage(page('<title>T</title>', body)).html);
    expect(withoutUrl.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(withoutUrl.querySelector('img')?.attributes).toHaveLength(1); // alt only
  });

  it('does not repeat the title as a heading at the top of the body', () => {
    const article = importPage(
      page('<title>The Title | Site</title>', `<article><h1>The Title</h1>${PARAGRAPHS}</article>`),
    );
    expect(article.title).toBe('The Title | Site');
    expect(fragment(article.html).querySelector('h1')).toBeNull();
    expect(article.text).toContain('Paragraph 1 of the article');
  });

  it('keeps content after a commented-out, unclosed <script>', () => {
    const article = importPage(
      page(
        '<title>Comment</title>',
        `<!-- <script> -->\n<article>${PARAGRAPHS}</article><script>var x = 1;</script>`,
      ),
    );
    expect(article.text).toContain('Paragraph 6 of the article');
    expect(article.html).not.toContain('var x');
  });

  it('falls back to the whole body when there is no article to find', () => {
    const article = importPage(
      page('<title>Tiny</title>', '<nav>Menu</nav><div>Just a line.</div>'),
    );
    expect(article.title).toBe('Tiny');
    expect(article.text).toContain('Just a line.');
  });

  it('uses the file name when the page has no title', () => {
    const article = parseImport({
      name: 'My saved page.htm',
      bytes: page('', `<div>${PARAGRAPHS}</div>`),
    });
    expect(article.title).toBe('My saved page');
    expect(article.kind).toBe('html');
    expect(article.sourceExtension).toBe('html');
  });

  it('reports language and direction', () => {
    const article = importPage(
      bytesOf(
        `<html lang="ar" dir="rtl"><head><title>عنوان</title></head><body><article>${PARAGRAPHS}</article></body></html>`,
      ),
    );
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
  });
});
