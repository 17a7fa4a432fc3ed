import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseImport,
  sanitizeArticleHtml,
  type ParsedArticle,
} from '../../../electron/core/import/index';
import { browserText, loadWebPages, type WebPage } from './corpus';

interface Imported {
  page: WebPage;
  article: ParsedArticle;
}

const pages = loadWebPages();
let imported: Imported[] = [];

beforeAll(() => {
  const started = performance.now();
  imported = pages.map((page) => ({
    page,
    article: parseImport({ name: `${page.name}.html`, bytes: page.bytes }),
  }));
  console.log(
    `imported ${pages.length} saved pages in ${Math.round(performance.now() - started)} ms`,
  );
}, 180_000);

/** How many pages agree with Readability's expected metadata on `field`; logs the others. */
function agreeing(field: 'title' | 'byline' | 'siteName' | 'dir' | 'lang'): number {
  const misses = imported.filter(({ page, article }) => {
    const expected = page.expected[field];
    if (field !== 'title' && (expected === undefined || expected === null)) return false;
    // The importer collapses the whitespace runs some pages put in bylines.
    return article[field] !== expected?.replace(/[ \t\n\f\r]+/g, ' ').trim();
  });
  for (const { page, article } of misses) {
    console.log(
      `${field} differs for ${page.name}: ${JSON.stringify(article[field])} vs expected ${JSON.stringify(page.expected[field])}`,
    );
  }
  return imported.length - misses.length;
}

describe('saved web pages (Readability test corpus)', () => {
  it('has all 32 pages', () => {
    expect(pages).toHaveLength(32);
  });

  // The acceptance bar of saved-page import (see README, "Importing"): titles for 31 of 32,
  // bylines for 90% of the pages that have one, the article's opening text for 30.
  it('extracts the expected title for at least 31 of 32 pages', () => {
    expect(agreeing('title')).toBeGreaterThanOrEqual(31);
  });

  it('extracts the expected byline for at least 90% of the pages that have one', () => {
    const expected = imported.filter(({ page }) => page.expected.byline).length;
    expect(agreeing('byline')).toBeGreaterThanOrEqual(Math.ceil(expected * 0.9));
  });

  it("keeps the first 200 characters of the expected article's text for at least 30 pages", () => {
    const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();
    const kept = imported.filter(({ page, article }) => {
      const opening = normalized(browserText(page.expectedHtml)).slice(0, 200);
      const found = normalized(article.text).includes(opening);
      if (!found) console.log(`opening text missing for ${page.name}: ${JSON.stringify(opening)}`);
      return found;
    });
    expect(kept.length).toBeGreaterThanOrEqual(30);
  });

  it('extracts site name, language and direction where the page has them', () => {
    expect(agreeing('siteName')).toBeGreaterThanOrEqual(30);
    expect(agreeing('lang')).toBeGreaterThanOrEqual(30);
    expect(agreeing('dir')).toBeGreaterThanOrEqual(30);
  });

  it('finds the page URL (canonical link or og:url), http(s) only', () => {
    const withUrl = imported.filter(({ article }) => article.url !== null);
    expect(withUrl.length).toBeGreaterThanOrEqual(20);
    for (const { article } of withUrl) expect(article.url).toMatch(/^https?:\/\//);
    const aclu = imported.find(({ page }) => page.name === 'aclu');
    expect(aclu?.article.url).toBe(
      'https://www.aclu.org/blog/privacy-technology/internet-privacy/facebook-tracking-me-even-though-im-not-facebook',
    );
  });

  it('gives every page a readable body and a word count', () => {
    for (const { page, article } of imported) {
      expect(article.title, page.name).not.toBe('');
      expect(article.wordCount, page.name).toBeGreaterThan(0);
      expect(article.kind).toBe('html');
      expect(article.sourceExtension).toBe('html');
    }
  });

  it('leaves nothing that could run or fetch in the output', () => {
    for (const { page, article } of imported) {
      expect(article.html, page.name).not.toMatch(/<script/i);
      expect(article.html, page.name).not.toMatch(/\son\w+=/i);
      expect(article.html, page.name).not.toMatch(/javascript:/i);
      expect(article.html, page.name).not.toMatch(/\ssrc="(?!data:image\/)/i);
      expect(article.html, page.name).not.toMatch(
        /<(iframe|object|embed|style|link|meta|svg|math|video|audio|form)\b/i,
      );
      expect(article.html, page.name).not.toMatch(/\s(style|srcset)=/i);
    }
  });

  it('keeps remote images as placeholders', () => {
    const verge = imported.find(({ page }) => page.name === 'theverge');
    expect(verge?.article.html).toMatch(/<img [^>]*data-margin-remote-src="https:\/\//);
  });

  it('is a fixed point of the sanitizer', () => {
    for (const { page, article } of imported) {
      expect(sanitizeArticleHtml(article.html), page.name).toBe(article.html);
    }
  });

  it('has text exactly as the browser computes it from the html', () => {
    for (const { page, article } of imported) {
      expect(article.text, page.name).toBe(browserText(article.html));
    }
  });
});
