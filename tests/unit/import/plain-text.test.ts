import { describe, expect, it } from 'vitest';
import { parseImport, parsePastedText } from '../../../electron/core/import/index';
import { browserText, bytesOf, fragment } from './corpus';

function importText(text: string, name = 'notes.txt') {
  return parseImport({ name, bytes: bytesOf(text) });
}

function blocksOf(html: string): string[] {
  return Array.from(fragment(html).children, (element) => element.outerHTML);
}

describe('plain text import', () => {
  it('splits paragraphs on blank lines and keeps single newlines as <br>', () => {
    const article = importText(
      'Title\r\n\r\nFirst line\r\nsecond line\r\n\r\n\r\nNext paragraph.\r\n',
    );
    expect(article.title).toBe('Title');
    expect(blocksOf(article.html)).toEqual([
      '<p>First line<br>\nsecond line</p>',
      '<p>Next paragraph.</p>',
    ]);
    expect(article.text).toBe('First line\nsecond line\nNext paragraph.');
  });

  it('escapes everything', () => {
    const article = importText(
      '<b>Title</b>\n\n<script>alert("x")</script> & <img src=x onerror=y>',
    );
    expect(article.title).toBe('<b>Title</b>');
    expect(fragment(article.html).querySelector('script, img, b')).toBeNull();
    expect(article.text).toBe('<script>alert("x")</script> & <img src=x onerror=y>');
    expect(article.text).toBe(browserText(article.html));
  });

  it('keeps a normal last paragraph a paragraph', () => {
    const article = importText('Title\n\nOne.\n\nTwo.\n\nThe end of the story, in one line.');
    expect(article.html).not.toContain('figure');
    expect(blocksOf(article.html).at(-1)).toBe('<p>The end of the story, in one line.</p>');
  });

  it('does not mistake poems, sign-offs or lists for captions', () => {
    const poem = importText(
      'Stopping by Woods\n\nWhose woods these are I think I know\nHis house is in the village though\n\n' +
        'He will not see me stopping here\nTo watch his woods fill up with snow',
    );
    expect(poem.html).not.toContain('figure');
    const signOff = importText(
      'Letter\n\nDear all, here is the news.\n\nMore news.\n\nBest,\nJohn Smith',
    );
    expect(signOff.html).not.toContain('figure');
    const list = importText('List\n\nIntro paragraph.\n\n- milk\n- eggs and a few other things');
    expect(list.html).not.toContain('figure');
    const shortSecond = importText('Note\n\nA paragraph.\n\nAnother one.\n\nJane Doe\nParis');
    expect(shortSecond.html).not.toContain('figure');
  });

  it('keeps a photo caption after unwrapped paragraphs as a figure caption', () => {
    const article = importText(
      'Title\n\nParagraph one.\n\nParagraph two.\n\nThe harbour at dawn\nBoats leave the harbour at dawn on Tuesday. Photo: Jane Doe/Agency',
    );
    expect(blocksOf(article.html).at(-1)).toBe(
      '<figure><figcaption>The harbour at dawn<br>\nBoats leave the harbour at dawn on Tuesday. Photo: Jane Doe/Agency</figcaption></figure>',
    );
  });

  it('keeps the text of a file that is only a title line', () => {
    const article = importText('Just one line\n');
    expect(article.title).toBe('Just one line');
    expect(article.text).toBe('Just one line');
  });

  it('makes a short title from a first line that is a whole paragraph', () => {
    const long = 'This first line is a long paragraph rather than a title. '.repeat(5).trim();
    const article = importText(`${long}\n\nSecond.`);
    expect(article.title.length).toBeLessThanOrEqual(80);
    expect(article.title.endsWith('…')).toBe(true);
    expect(article.text).toContain(long);
  });
});

describe('pasted text', () => {
  it('is read like a .txt file', () => {
    const article = parsePastedText('Pasted title\n\nPasted body.');
    expect(article).toMatchObject({
      title: 'Pasted title',
      kind: 'paste',
      sourceExtension: 'txt',
      text: 'Pasted body.',
    });
  });

  it('is read as a page when it is HTML', () => {
    const article = parsePastedText(
      '<html><head><title>Pasted page</title><link rel="canonical" href="https://example.com/post"></head>' +
        '<body><article><h1>Pasted page</h1><p>Some pasted article text that is long enough to read.</p>' +
        '<script>alert(1)</script></article></body></html>',
    );
    expect(article.title).toBe('Pasted page');
    expect(article.kind).toBe('paste');
    expect(article.sourceExtension).toBe('html');
    expect(article.url).toBe('https://example.com/post');
    expect(article.html).not.toMatch(/<script|<h1/);
    expect(article.text).toContain('Some pasted article text');
  });

  it('treats text that merely starts with "<" as text', () => {
    const article = parsePastedText('<3 this article\n\nIt is great.');
    expect(article.sourceExtension).toBe('txt');
    expect(article.title).toBe('<3 this article');
  });
});
