import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/core/import/index';
import { browserText, fragment, sampleArticlePath } from './corpus';

const source = fs.readFileSync(sampleArticlePath, 'utf8');
const article = parseImport({
  name: 'taliban-executions-newsweek.txt',
  bytes: fs.readFileSync(sampleArticlePath),
});

// The file's own structure: title line, paragraphs, then a two-line caption block.
const blocks = source.trim().split(/\n\s*\n/);
const paragraphs = blocks.slice(1, -1);
const captionLines = (blocks[blocks.length - 1] ?? '').split('\n');

describe('the sample article (plain text)', () => {
  it('takes the first line as the title, em dash included', () => {
    expect(article.title).toBe(
      'Taliban Executions of Surrendering Afghan Troops Could Constitute War Crimes—U.S. Embassy',
    );
    expect(article.kind).toBe('txt');
    expect(article.sourceExtension).toBe('txt');
  });

  it('keeps every paragraph, in order, each as its own <p>', () => {
    expect(paragraphs.length).toBeGreaterThan(10);
    const rendered = Array.from(fragment(article.html).querySelectorAll('p'), (p) => p.textContent);
    expect(rendered).toEqual(paragraphs);
  });

  it('keeps the photo caption as a figcaption, not body text', () => {
    expect(captionLines).toHaveLength(2);
    const captions = fragment(article.html).querySelectorAll('figure > figcaption');
    expect(captions).toHaveLength(1);
    expect(captions[0]?.textContent).toBe(captionLines.join('\n'));
    expect(captions[0]?.innerHTML).toContain('U.S. Embassy in Kabul<br>');
  });

  it('does not repeat the title in the body', () => {
    expect(article.text).not.toContain('Taliban Executions of Surrendering');
  });

  it('has text exactly as the browser computes it, containing each paragraph', () => {
    expect(article.text).toBe(browserText(article.html));
    for (const paragraph of paragraphs) expect(article.text).toContain(paragraph);
    for (const word of ['Ghazni', '#Taliban', 'U.S.', 'two-thirds', 'Dawlat Abad', 'Allahu']) {
      expect(article.text).toContain(word);
    }
  });

  it('counts words', () => {
    // "U.S.", "two-thirds" and "Afghanistan's" count as one word each.
    expect(article.wordCount).toBe(
      article.text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length,
    );
    expect(article.wordCount).toBeGreaterThan(450);
    expect(article.wordCount).toBeLessThan(520);
  });

  it('fills in an excerpt from the first paragraph', () => {
    expect(article.excerpt).toMatch(/^The U\.S\. embassy in Kabul has said/);
    expect(article.byline).toBeNull();
    expect(article.url).toBeNull();
  });
});
