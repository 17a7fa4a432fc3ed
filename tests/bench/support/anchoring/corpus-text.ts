import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { webPagesDir } from '../../../support/paths';

export interface CorpusPage {
  name: string;
  /** The article's text: the textContent of Readability's expected output for the page. */
  text: string;
}

/** The saved web pages of the shared corpus, as the plain text highlights are anchored in. */
export function loadCorpusPages(): CorpusPage[] {
  return readdirSync(webPagesDir)
    .filter((name) => statSync(path.join(webPagesDir, name)).isDirectory())
    .sort()
    .map((name) => {
      const html = readFileSync(path.join(webPagesDir, name, 'expected.html'), 'utf8');
      const dom = new JSDOM(html);
      const text = dom.window.document.body.textContent ?? '';
      dom.window.close();
      return { name, text };
    });
}
