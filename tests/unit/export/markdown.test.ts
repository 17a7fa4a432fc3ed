import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { articleToMarkdown } from '../../../electron/common/export/markdown';
import type { ArticleMeta, Highlight } from '../../../electron/common/model';

function meta(fields: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id: 'a1',
    title: 'Taliban Executions of Surrendering Afghan Troops',
    byline: 'Jane Doe',
    siteName: 'Newsweek',
    url: 'https://www.newsweek.com/taliban-executions',
    source: 'taliban.html',
    kind: 'html',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    publishedTime: null,
    savedAt: '2021-08-12T12:00:00.000Z',
    wordCount: 500,
    sourceHash: 'abc',
    sourceFile: 'source.html',
    read: false,
    favorite: false,
    tags: [],
    note: '',
    scrollPosition: 0,
    deletedAt: null,
    ...fields,
  };
}

let nextId = 0;
function highlight(exact: string, start: number, note = ''): Highlight {
  nextId += 1;
  return {
    id: `h${nextId}`,
    articleId: 'a1',
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end: start + exact.length },
    ],
    color: 'yellow',
    note,
    createdAt: `2024-01-01T00:00:${String(nextId % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** Splits the document into its front matter lines and the Markdown after it. */
function splitFrontMatter(markdown: string): { fields: string[]; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return { fields: (match[1] ?? '').split('\n'), body: markdown.slice(match[0].length) };
}

/**
 * Decodes a YAML double-quoted scalar (the escapes YAML 1.2 defines that the exporter may
 * write), failing on anything that is not one complete, valid such scalar.
 */
function decodeYamlDoubleQuoted(source: string): string {
  expect(source).toMatch(/^"(?:[^"\\\p{Cc}\u2028\u2029\ufeff]|\\.)*"$/u);
  return source.slice(1, -1).replace(/\\(x[0-9A-F]{2}|u[0-9A-F]{4}|.)/gu, (_, escape: string) => {
    if (escape.startsWith('x') || escape.startsWith('u')) {
      return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    }
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    const decoded = simple[escape];
    if (decoded === undefined) throw new Error(`unexpected escape \\${escape}`);
    return decoded;
  });
}

function frontMatterValue(markdown: string, key: string): string | undefined {
  const line = splitFrontMatter(markdown).fields.find((field) => field.startsWith(`${key}: `));
  return line?.slice(key.length + 2);
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The text a block quote renders to, asserting it renders to plain paragraphs only: no
 * emphasis, code, links, HTML or line breaks came out of the quoted text.
 */
function renderedQuoteText(quote: Tokens.Blockquote): string {
  const html = marked.parser(quote.tokens).trim();
  const tags = html.match(/<[^>]*>/g) ?? [];
  expect(
    tags.filter((tag) => tag !== '<p>' && tag !== '</p>'),
    html,
  ).toEqual([]);
  return decodeEntities(html.replace(/<\/p>\s*<p>/g, '\n\n').replace(/^<p>|<\/p>$/g, ''));
}

function blockQuotes(markdown: string): Tokens.Blockquote[] {
  return marked
    .lexer(splitFrontMatter(markdown).body)
    .filter((token): token is Tokens.Blockquote => token.type === 'blockquote');
}

/** The body's top-level tokens without the blank-line `space` tokens. */
function blocks(markdown: string): Token[] {
  return marked.lexer(splitFrontMatter(markdown).body).filter((token) => token.type !== 'space');
}

describe('articleToMarkdown front matter', () => {
  it('holds title, author, site, url, saved date and tags', () => {
    const markdown = articleToMarkdown({
      meta: meta({ tags: ['war', 'afghanistan'] }),
      highlights: [],
    });
    const saved = new Date('2021-08-12T12:00:00.000Z');
    const day = `${saved.getFullYear()}-${String(saved.getMonth() + 1).padStart(2, '0')}-${String(
      saved.getDate(),
    ).padStart(2, '0')}`;
    expect(splitFrontMatter(markdown).fields).toEqual([
      'title: "Taliban Executions of Surrendering Afghan Troops"',
      'author: "Jane Doe"',
      'site: "Newsweek"',
      'url: "https://www.newsweek.com/taliban-executions"',
      `saved: ${day}`,
      'tags:',
      '  - "war"',
      '  - "afghanistan"',
    ]);
    expect(markdown.startsWith('---\n')).toBe(true);
  });

  it('leaves out missing metadata and writes no tags as an empty list', () => {
    const markdown = articleToMarkdown({
      meta: meta({ byline: null, siteName: null, url: null }),
      highlights: [],
    });
    const keys = splitFrontMatter(markdown).fields.map((field) => field.split(':')[0]);
    expect(keys).toEqual(['title', 'saved', 'tags']);
    expect(frontMatterValue(markdown, 'tags')).toBe('[]');
  });

  it.each([
    'War: "Crimes" # not a comment',
    '- starts like a list',
    "It's [bracketed] {braced} & *starred* | piped",
    'Back\\slash and tab\there',
    'Bell \u0007 and DEL \u007f',
    'Line\u2028separator',
    '? question: mark',
    '@at `tick` %percent',
    'Emoji 🚀 and ümlaut',
  ])('writes the title %j as one valid YAML string that decodes to it', (title) => {
    const markdown = articleToMarkdown({ meta: meta({ title }), highlights: [] });
    // A title is one line: whitespace runs (tabs, line separators) are single spaces.
    expect(decodeYamlDoubleQuoted(frontMatterValue(markdown, 'title') ?? '')).toBe(
      title.replace(/\s+/g, ' '),
    );
  });

  it('keeps other metadata exactly, line breaks and tabs escaped', () => {
    const byline = 'By "Jane"\n\tDoe \\ Co.\u2028';
    const tag = 'tag: with # and "quotes"';
    const markdown = articleToMarkdown({ meta: meta({ byline, tags: [tag] }), highlights: [] });
    expect(decodeYamlDoubleQuoted(frontMatterValue(markdown, 'author') ?? '')).toBe(byline);
    const tagLine = splitFrontMatter(markdown).fields.find((field) => field.startsWith('  - '));
    expect(decodeYamlDoubleQuoted(tagLine?.slice(4) ?? '')).toBe(tag);
  });

  it('puts a title with line breaks on one line', () => {
    const markdown = articleToMarkdown({
      meta: meta({ title: 'Two\nlines\r\n here' }),
      highlights: [],
    });
    expect(frontMatterValue(markdown, 'title')).toBe('"Two lines here"');
    expect(markdown).toContain('\n# Two lines here\n');
  });
});

describe('articleToMarkdown body', () => {
  it('starts with the title as a heading, its Markdown characters escaped', () => {
    const markdown = articleToMarkdown({
      meta: meta({ title: 'C# *and* <F#> in [2024]' }),
      highlights: [],
    });
    const [heading] = blocks(markdown);
    expect(heading?.type).toBe('heading');
    expect(heading?.type === 'heading' && heading.depth).toBe(1);
    expect(decodeEntities(marked.parseInline((heading as Tokens.Heading).text) as string)).toBe(
      'C# *and* <F#> in [2024]',
    );
  });

  it('makes each highlight exactly one block quote, in reading order, with its note below', () => {
    const highlights = [
      highlight('The fighting has led to many Afghan security personnel fleeing.', 900, ''),
      highlight('could constitute war crimes', 120, 'Compare with **Geneva**, art. 3.'),
      highlight('150 kilometers southwest of Kabul', 500, 'Check the *distance*.'),
    ];
    const markdown = articleToMarkdown({ meta: meta(), highlights });
    const tokens = blocks(markdown);
    expect(tokens.map((token) => token.type)).toEqual([
      'heading',
      'blockquote',
      'paragraph',
      'blockquote',
      'paragraph',
      'blockquote',
    ]);
    expect(blockQuotes(markdown).map(renderedQuoteText)).toEqual([
      'could constitute war crimes',
      '150 kilometers southwest of Kabul',
      'The fighting has led to many Afghan security personnel fleeing.',
    ]);
    // The notes stay Markdown: their emphasis renders.
    expect(tokens[2]?.raw.trim()).toBe('Compare with **Geneva**, art. 3.');
    expect(tokens[4]?.raw.trim()).toBe('Check the *distance*.');
  });

  it('orders by the given current positions over the stored position selectors', () => {
    const first = highlight('first in the text now', 500);
    const second = highlight('second in the text now', 100);
    const positions = new Map([
      [first.id, 10],
      [second.id, 20],
    ]);
    const markdown = articleToMarkdown({ meta: meta(), highlights: [second, first], positions });
    expect(blockQuotes(markdown).map(renderedQuoteText)).toEqual([
      'first in the text now',
      'second in the text now',
    ]);
  });

  it.each([
    '*not emphasis* and _not either_ and **nor this**',
    'a `code` span and ``double`` ticks',
    '# not a heading',
    '#Taliban executions',
    '> not a nested quote',
    '[not a link](https://example.com) and ![no image](x.png)',
    'bare https://example.com/path and www.example.com and me@example.com',
    '<b>not bold</b> <script>alert(1)</script> <!-- no comment -->',
    '&amp; stays &amp;, &copy; stays &copy;, &#169; stays, & alone too',
    'a | table | row',
    '~~not struck~~ and ~tilde~',
    '1. not a list',
    '2) not a list either',
    '- not a bullet',
    '+ not a bullet',
    '* not a bullet',
    '= not an underline',
    '---',
    '***',
    'back\\slash\\ and a trailing backslash\\',
    'price $5 and $10',
    '    indented four spaces',
    '```',
    '~~~',
    '1986. A year',
  ])('keeps the quote %j as literal text', (quote) => {
    const markdown = articleToMarkdown({ meta: meta(), highlights: [highlight(quote, 0)] });
    const quotes = blockQuotes(markdown);
    expect(quotes).toHaveLength(1);
    expect(renderedQuoteText(quotes[0] as Tokens.Blockquote)).toBe(quote.trim());
  });

  it('keeps a multi-line quote, with ">" on every line and blank lines as ">"', () => {
    const quote = '"Allahu Akhbar" (God is great).\n\nNewsweek has contacted\nthe U.S. embassy';
    const markdown = articleToMarkdown({ meta: meta(), highlights: [highlight(quote, 0)] });
    expect(markdown).toContain(
      '> "Allahu Akhbar" (God is great).\n>\n> Newsweek has contacted\n> the U.S. embassy\n',
    );
    const quotes = blockQuotes(markdown);
    expect(quotes).toHaveLength(1);
    expect(renderedQuoteText(quotes[0] as Tokens.Blockquote)).toBe(quote);
  });

  it('keeps lines of a multi-line quote that look like Markdown literal', () => {
    const quote = 'Intro:\n- one\n1. two\n# three\n===\n> four\n| a | b |\n|---|---|';
    const markdown = articleToMarkdown({ meta: meta(), highlights: [highlight(quote, 0)] });
    const quotes = blockQuotes(markdown);
    expect(quotes).toHaveLength(1);
    expect(renderedQuoteText(quotes[0] as Tokens.Blockquote)).toBe(quote);
  });

  it('does not let trailing double spaces or CRLF line endings create hard line breaks', () => {
    const quote = 'line one  \r\nline two\t\r\nline three';
    const markdown = articleToMarkdown({ meta: meta(), highlights: [highlight(quote, 0)] });
    expect(markdown).not.toMatch(/ {2}\n/);
    expect(markdown).not.toContain('\r');
    const quotes = blockQuotes(markdown);
    expect(renderedQuoteText(quotes[0] as Tokens.Blockquote)).toBe(
      'line one\nline two\nline three',
    );
  });

  it('keeps two adjacent highlights without notes as two block quotes', () => {
    const markdown = articleToMarkdown({
      meta: meta(),
      highlights: [highlight('one quote', 0), highlight('another quote', 50)],
    });
    expect(blockQuotes(markdown).map(renderedQuoteText)).toEqual(['one quote', 'another quote']);
  });

  it('ends with the article note under "## Note", only when there is one', () => {
    const withNote = articleToMarkdown({
      meta: meta({ note: 'My **overall** take.\n\n- point one\n- point two\n' }),
      highlights: [highlight('a quote', 0)],
    });
    expect(withNote.endsWith('## Note\n\nMy **overall** take.\n\n- point one\n- point two\n')).toBe(
      true,
    );
    const types = blocks(withNote).map((token) => token.type);
    expect(types).toEqual(['heading', 'blockquote', 'heading', 'paragraph', 'list']);

    const withoutNote = articleToMarkdown({
      meta: meta({ note: '  \n ' }),
      highlights: [highlight('a quote', 0)],
    });
    expect(withoutNote).not.toContain('## Note');
  });

  it('closes a code fence a note left open, so it cannot swallow the next highlight', () => {
    const markdown = articleToMarkdown({
      meta: meta({ note: 'Final thoughts.' }),
      highlights: [highlight('first', 0, 'See:\n```js\nconst x = 1;'), highlight('second', 10)],
    });
    expect(blocks(markdown).map((token) => token.type)).toEqual([
      'heading',
      'blockquote',
      'paragraph',
      'code',
      'blockquote',
      'heading',
      'paragraph',
    ]);
    expect(blockQuotes(markdown).map(renderedQuoteText)).toEqual(['first', 'second']);
  });

  it('ends the file with exactly one newline', () => {
    const markdown = articleToMarkdown({ meta: meta(), highlights: [highlight('q', 0, 'n')] });
    expect(markdown.endsWith('n\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });
});
