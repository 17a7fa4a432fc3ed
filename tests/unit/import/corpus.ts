/** Paths into the shared test corpus (see ../shared/corpus/README.md), and DOM helpers. */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { corpusDir, samplePath, webPagesDir } from '../../support/paths';

export { repoRoot } from '../../support/paths';
export const corpusRoot = corpusDir;
export const sampleArticlePath = samplePath;
export const webPagesRoot = webPagesDir;

export interface ExpectedMetadata {
  title: string;
  byline: string | null;
  dir: string | null;
  lang?: string;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

export interface WebPage {
  name: string;
  bytes: Uint8Array;
  expected: ExpectedMetadata;
  /** The article body Readability's own test expects (`expected.html`). */
  expectedHtml: string;
}

export function loadWebPages(): WebPage[] {
  return fs
    .readdirSync(webPagesRoot)
    .filter((name) => fs.existsSync(path.join(webPagesRoot, name, 'source.html')))
    .sort()
    .map((name) => ({
      name,
      bytes: fs.readFileSync(path.join(webPagesRoot, name, 'source.html')),
      expected: JSON.parse(
        fs.readFileSync(path.join(webPagesRoot, name, 'expected-metadata.json'), 'utf8'),
      ) as ExpectedMetadata,
      expectedHtml: fs.readFileSync(path.join(webPagesRoot, name, 'expected.html'), 'utf8'),
    }));
}

// An independent window, so the tests do not trust the importer's own DOM helpers.
const { document } = new JSDOM('').window;

/** What the reader's browser computes: textContent of the HTML parsed as a fragment. */
export function browserText(html: string): string {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.textContent ?? '';
}

export function fragment(html: string): HTMLDivElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
