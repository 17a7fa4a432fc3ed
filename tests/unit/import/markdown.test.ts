import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/core/import/index';
import { browserText, bytesOf, fragment } from './corpus';

function importMarkdown(source: string, name = 'notes.md') {
  return parseImport({ name, bytes: bytesOf(source) });
}

const NOTES = `# My *Reading* Notes

Intro with a [link](https://example.com/a) and a [bad one](javascript:alert(1)).

- one
- two

1. first
2. second

> A quotation.

\`\`\`js
const smaller = 1 < 2;
\`\`\`

| Name | Value |
| ---- | ----- |
| a    | 1     |

<script>alert('md')</script>
<img src="https://example.com/x.png" onerror="alert(1)" alt="A picture">

## Later section
`;

describe('markdown import', () => {
  const article = importMarkdown(NOTES);
  const body = fragment(article.html);

  it('takes the leading # heading as the title, as plain text', () => {
    expect(article.title).toBe('My Reading Notes');
    expect(article.kind).toBe('md');
    expect(article.sourceExtension).toBe('md');
  });

  it('removes the title heading from the body but keeps other headings', () => {
    expect(body.querySelector('h1')).toBeNull();
    expect(body.querySelector('h2')?.textContent).toBe('Later section');
  });

  it('keeps lists, quotes, code and tables', () => {
    expect(Array.from(body.querySelectorAll('ul > li'), (li) => li.textContent)).toEqual([
      'one',
      'two',
    ]);
    expect(body.querySelectorAll('ol > li')).toHaveLength(2);
    expect(body.querySelector('blockquote')?.textContent?.trim()).toBe('A quotation.');
    expect(body.querySelector('pre > code')?.textContent).toBe('const smaller = 1 < 2;\n');
    expect(body.querySelectorAll('table th')).toHaveLength(2);
    expect(body.querySelector('table td')?.textContent).toBe('a');
  });

  it('removes raw scripts, handlers and unsafe links', () => {
    expect(article.html).not.toMatch(/<script|alert\('md'\)|onerror|javascript:/i);
    const links = body.querySelectorAll('a');
    expect(links[0]?.getAttribute('href')).toBe('https://example.com/a');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[1]?.hasAttribute('href')).toBe(false);
    expect(links[1]?.textContent).toBe('bad one');
  });

  it('turns remote images into placeholders', () => {
    const img = body.querySelector('img');
    expect(img?.hasAttribute('src')).toBe(false);
    expect(img?.getAttribute('data-margin-remote-src')).toBe('https://example.com/x.png');
    expect(img?.getAttribute('alt')).toBe('A picture');
  });

  it('has text as the browser computes it, with blocks kept apart', () => {
    expect(article.text).toBe(browserText(article.html));
    expect(article.text).toMatch(/one\s+two/);
  });

  it('without a # heading, takes the first line stripped of markup', () => {
    const plain = importMarkdown('Just some **bold** text\nand more\n\nSecond paragraph.');
    expect(plain.title).toBe('Just some bold text');
    expect(plain.text).toContain('Second paragraph.');
    const listFirst = importMarkdown('- [A link](https://example.com) first\n- second');
    expect(listFirst.title).toBe('A link first');
  });

  it('uses a heading that is not first only as body text', () => {
    const later = importMarkdown('Intro line.\n\n# Heading later\n\nText.');
    expect(later.title).toBe('Intro line.');
    expect(fragment(later.html).querySelector('h1')?.textContent).toBe('Heading later');
  });

  it('takes the title from front matter and leaves the front matter out', () => {
    const withFront = importMarkdown(
      '---\ntitle: "Front Title"\ntags: [a]\n---\n\nBody text here.',
    );
    expect(withFront.title).toBe('Front Title');
    expect(withFront.text).not.toContain('tags:');
    expect(withFront.text).toContain('Body text here.');
  });

  it('keeps a lone heading as the body rather than importing nothing', () => {
    const onlyHeading = importMarkdown('# Only a heading\n');
    expect(onlyHeading.title).toBe('Only a heading');
    expect(onlyHeading.text.trim()).toBe('Only a heading');
  });
});
