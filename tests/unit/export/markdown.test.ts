import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articlesToMarkdown,
  articleToMarkdown,
  highlightToMarkdown,
  placeHighlights,
  presetTemplate,
  TEMPLATE_PRESETS,
  type TemplatePresetName,
} from '../../../electron/common/export/markdown';
import { exportTags } from '../../../electron/common/export/tags';
import { highlight, meta, propertyRuns } from './support/fixtures';
import {
  asMarkdownText,
  blockQuotes,
  blockTypes,
  isSafeHref,
  linkTargets,
  liveHtml,
  parseExport,
  quoteText,
} from './support/markdown-check';

const PRESETS = Object.keys(TEMPLATE_PRESETS) as TemplatePresetName[];

function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A YAML date (js-yaml reads it as UTC midnight) as YYYY-MM-DD. */
function yamlDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : `not a date: ${String(value)}`;
}

describe('front matter', () => {
  it('holds the id, metadata, saved and published dates, tags and highlight count', () => {
    const markdown = articleToMarkdown({
      meta: meta({ tags: ['war', 'afghanistan'] }),
      highlights: [highlight('one', 0), highlight('two', 10)],
    });
    const { frontMatter } = parseExport(markdown);
    expect(markdown.startsWith('---\n')).toBe(true);
    expect(frontMatter).toEqual({
      id: 'a1',
      title: 'Taliban Executions of Surrendering Afghan Troops',
      author: 'Jane Doe',
      site: 'Newsweek',
      url: 'https://www.newsweek.com/taliban-executions',
      saved: expect.any(Date),
      published: expect.any(Date),
      tags: ['war', 'afghanistan'],
      highlights: 2,
    });
    expect(yamlDay(frontMatter?.saved)).toBe(localDay('2021-08-12T12:00:00.000Z'));
    expect(yamlDay(frontMatter?.published)).toBe(localDay('2021-08-12T09:30:00.000Z'));
  });

  it('leaves out missing metadata and writes no tags as an empty list', () => {
    const markdown = articleToMarkdown({
      meta: meta({ byline: null, siteName: ' ', url: null, publishedTime: null }),
      highlights: [],
    });
    const { frontMatter } = parseExport(markdown);
    expect(Object.keys(frontMatter ?? {})).toEqual(['id', 'title', 'saved', 'tags', 'highlights']);
    expect(frontMatter?.tags).toEqual([]);
    expect(frontMatter?.highlights).toBe(0);
  });

  it('drops a url that is not http(s)', () => {
    const markdown = articleToMarkdown({
      meta: meta({ url: 'javascript:alert(1)' }),
      highlights: [],
    });
    expect(parseExport(markdown).frontMatter).not.toHaveProperty('url');
    expect(markdown).not.toContain('javascript');
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
    'true',
    'null',
    '2024-05-01',
    '0x1F',
    '~',
    'Two\nlines\r\n here',
    '--- three dashes',
    '...',
    '\'single\' "double"',
  ])('writes the title %j as YAML that reads back as that string', (title) => {
    const markdown = articleToMarkdown({ meta: meta({ title }), highlights: [] });
    // A title is one line: whitespace runs (tabs, line separators) are single spaces.
    expect(parseExport(markdown).frontMatter?.title).toBe(title.replace(/\s+/g, ' ').trim());
  });

  it('reads back any title, author and tag exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1 }),
        fc.string({ unit: 'binary' }),
        (title, byline) => {
          fc.pre(title.trim() !== '' && byline.trim() !== '');
          const markdown = articleToMarkdown({ meta: meta({ title, byline }), highlights: [] });
          const { frontMatter } = parseExport(markdown);
          const wellFormed = (text: string): string => text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
          expect(frontMatter?.title).toBe(wellFormed(title.replace(/\s+/gu, ' ').trim()));
          expect(frontMatter?.author).toBe(wellFormed(byline));
        },
      ),
      propertyRuns(300),
    );
  });

  it('reads back words that YAML could take for something else (property)', () => {
    const word = fc
      .array(
        fc.constantFrom(
          ...'aZé_-/.,\'()&+ :#[]{}!?*|>%@`"~'.split(''),
          'yes',
          'No',
          'null',
          'true',
          'ON',
          'y',
          '1',
          '0x',
          '.inf',
          'e3',
          '2024-01-01',
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 4 }), (site, tags) => {
        fc.pre(site.trim() !== '');
        const markdown = articleToMarkdown({
          meta: meta({ siteName: site, tags }),
          highlights: [],
        });
        const { frontMatter } = parseExport(markdown);
        expect(frontMatter?.site).toBe(site);
        expect(frontMatter?.tags).toEqual(exportTags(tags));
      }),
      propertyRuns(300),
    );
  });

  it('normalizes tags to what Obsidian accepts', () => {
    const markdown = articleToMarkdown({
      meta: meta({
        tags: ['machine learning', '#already', 'C++ & Rust', '2024', 'a/b c', 'War', 'war', '!!!'],
      }),
      highlights: [],
    });
    const tags = parseExport(markdown).frontMatter?.tags as string[];
    expect(tags).toEqual(['machine-learning', 'already', 'C-Rust', '_2024', 'a/b-c', 'War']);
    for (const tag of tags) expect(tag).toMatch(/^[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*$/u);
  });
});

describe.each(PRESETS)('the %s preset', (preset) => {
  const template = presetTemplate(preset);
  const exportOf = (...highlights: ReturnType<typeof highlight>[]): string =>
    articleToMarkdown({ meta: meta(), highlights }, template);

  it('makes each highlight exactly one block quote of its text, in reading order', () => {
    const markdown = exportOf(
      highlight('The fighting has led to many Afghan security personnel fleeing.', 900),
      highlight('could constitute war crimes', 120, { note: 'Compare with **Geneva**, art. 3.' }),
      highlight('150 kilometers southwest of Kabul', 500, { note: 'Check the *distance*.' }),
    );
    expect(blockQuotes(parseExport(markdown).tokens).map(quoteText)).toEqual([
      'could constitute war crimes',
      '150 kilometers southwest of Kabul',
      'The fighting has led to many Afghan security personnel fleeing.',
    ]);
  });

  it('keeps notes as Markdown', () => {
    const markdown = exportOf(highlight('q', 0, { note: 'Compare with **Geneva**, art. 3.' }));
    const { body } = parseExport(markdown);
    expect(body).toContain('Compare with **Geneva**, art. 3.');
  });

  it.each([
    '*not emphasis* and _not either_ and **nor this**',
    'a `code` span and ``double`` ticks',
    '# not a heading',
    '#Taliban executions',
    '> not a nested quote',
    '[not a link](https://example.com) and ![no image](x.png) and [[no wikilink]]',
    'bare https://example.com/path and www.example.com and me@example.com',
    '<b>not bold</b> <script>alert(1)</script> <!-- no comment --> <tag>',
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
    '___',
    'back\\slash\\ and a trailing backslash\\',
    'price $5 and $10, math $x^2$',
    '    indented four spaces',
    '```',
    '~~~',
    '1986. A year',
    'an ^block-id at the end ^abc123',
    'obsidian %%comment%% and ==highlight==',
    'footnote[^1] and callout > [!note]',
    'trailing spaces   ',
    'trailing\ttab\t',
    'null \u0000 character',
    '<https://example.com> autolink',
  ])('keeps the quote %j as literal text', (quote) => {
    const quotes = blockQuotes(parseExport(exportOf(highlight(quote, 0))).tokens);
    expect(quotes).toHaveLength(1);
    expect(quoteText(quotes[0]!)).toBe(asMarkdownText(quote));
  });

  it('keeps a multi-line quote in one block quote, line breaks and paragraphs included', () => {
    const quote =
      '"Allahu Akhbar" (God is great).\n\n\nNewsweek has contacted  \r\nthe U.S. embassy\n- one\n1. two\n# three\n===\n> four\n| a | b |\n|---|---|';
    const quotes = blockQuotes(parseExport(exportOf(highlight(quote, 0))).tokens);
    expect(quotes).toHaveLength(1);
    expect(quoteText(quotes[0]!)).toBe(asMarkdownText(quote));
  });

  it('keeps any text as literal text (property)', () => {
    const special = fc.constantFrom(
      ...'*_#>`[]|<>&!~$%=^\\-+.)(:@ \t\n1'.split(''),
      '<b>',
      '&amp;',
      '\n1. ',
      '\n- ',
      '  \n',
      '```',
      'https://x.y',
      'www.x.y',
      'ftp://x.y',
      'xmpp:a@b.c',
      'a@b.c',
      '&#169;',
      '&copy;',
      '\r',
      '\u00a0',
      '\u2028',
      '\v',
      '%%',
      '==',
      '^abc',
    );
    const text = fc
      .array(fc.oneof(special, fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const quotes = blockQuotes(parseExport(exportOf(highlight(a, 0), highlight(b, 10))).tokens);
        expect(quotes.map(quoteText)).toEqual([asMarkdownText(a), asMarkdownText(b)]);
      }),
      propertyRuns(200),
    );
  });

  it('never lets raw HTML or a javascript: link from a note become live', () => {
    const note = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1)) ![x](data:text/html,hi) [ok](https://ok.example)',
      '[ref]: javascript:alert(1)',
      'see [ref] and <javascript:alert(2)>',
      '<!-- a comment that never closes',
    ].join('\n\n');
    const markdown = articleToMarkdown(
      { meta: meta({ note }), highlights: [highlight('q', 0, { note })] },
      template,
    );
    const { tokens } = parseExport(markdown);
    expect(liveHtml(tokens)).toEqual([]);
    expect(linkTargets(tokens).filter((href) => !isSafeHref(href))).toEqual([]);
    expect(linkTargets(tokens)).toContain('https://ok.example');
  });

  it('closes a code fence a note left open, so it cannot swallow what follows', () => {
    const markdown = articleToMarkdown(
      {
        meta: meta({ note: 'Final thoughts.' }),
        highlights: [
          highlight('first', 0, { note: 'See:\n```js\nconst x = 1;' }),
          highlight('second', 10),
        ],
      },
      template,
    );
    const { tokens } = parseExport(markdown);
    expect(blockQuotes(tokens).map(quoteText)).toEqual(['first', 'second']);
    expect(markdown).toContain('<!-- margin:end a1 -->');
    expect(liveHtml(tokens)).toEqual([]);
  });

  it('puts orphaned highlights apart, under a heading that says so', () => {
    const placed = highlight('still in the text', 0);
    const orphan = highlight('gone from the text', 50, { note: 'was here' });
    const markdown = articleToMarkdown(
      { meta: meta(), highlights: [orphan, placed], orphanIds: new Set([orphan.id]) },
      template,
    );
    const { body, tokens } = parseExport(markdown);
    expect(blockQuotes(tokens).map(quoteText)).toEqual(['still in the text', 'gone from the text']);
    const heading = body.indexOf('Orphaned highlights');
    expect(heading).toBeGreaterThan(body.indexOf('still in the text'));
    expect(heading).toBeLessThan(body.indexOf('gone from the text'));
    expect(parseExport(markdown).frontMatter?.highlights).toBe(2);
  });

  it('writes no orphan section when nothing is orphaned', () => {
    expect(exportOf(highlight('q', 0))).not.toContain('Orphaned');
  });

  it('ends with the article note, only when there is one', () => {
    const withNote = articleToMarkdown(
      {
        meta: meta({ note: 'My **overall** take.\n\n- point one\n- point two\n' }),
        highlights: [],
      },
      template,
    );
    expect(parseExport(withNote).body).toMatch(
      /Note\n[\s\S]*My \*\*overall\*\* take\.[\s\S]*- point one[\s\S]*- point two\n+<!-- margin:end a1 -->\n$/,
    );
    const withoutNote = articleToMarkdown(
      { meta: meta({ note: '  \n ' }), highlights: [] },
      template,
    );
    expect(withoutNote).not.toMatch(/^(?:## |- )Note$/m);
  });

  it('wraps the body in the markers and ends with exactly one newline', () => {
    const markdown = exportOf(highlight('q', 0, { note: 'n' }));
    expect(markdown).toMatch(/\n<!-- margin:begin a1 -->\n[\s\S]*\n<!-- margin:end a1 -->\n$/);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });
});

describe('block ids and deep links (Obsidian)', () => {
  it('follows each quote with its block id on its own line, then a link back into Margin', () => {
    const first = highlight('first quote', 0, { id: 'hlFirst01' });
    const second = highlight('second quote', 40, { id: 'hlSecond02' });
    const markdown = articleToMarkdown({ meta: meta(), highlights: [first, second] });
    const { body, tokens } = parseExport(markdown);
    const ids = [...body.matchAll(/^\^(hl-[a-z0-9]{8})$/gm)].map((match) => match[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    // Obsidian needs the id of a quote on its own line, with blank lines around it.
    expect(body).toMatch(/^> first quote\n\n\^hl-[a-z0-9]{8}\n\n/m);
    expect(linkTargets(tokens)).toEqual([
      'https://www.newsweek.com/taliban-executions',
      'margin://article/a1',
      'margin://article/a1#hl-hlFirst01',
      'margin://article/a1#hl-hlSecond02',
    ]);
    // Stable: the same ids on every export.
    expect(articleToMarkdown({ meta: meta(), highlights: [second, first] })).toBe(markdown);
  });

  it('gives the position in percent when the text length is known', () => {
    const markdown = articleToMarkdown({
      meta: meta(),
      highlights: [highlight('q', 250)],
      textLength: 1000,
    });
    expect(markdown).toContain(' · 25%');
  });
});

describe('highlightToMarkdown', () => {
  it('is one highlight as laid out in the file: quote, block id, link and note', () => {
    const one = highlight('*the* passage', 0, { id: 'h-one', note: 'my **note**' });
    const input = { meta: meta(), highlights: [one, highlight('other', 50)] };
    const markdown = highlightToMarkdown(input, 'h-one') ?? '';
    const { tokens } = parseExport(markdown);
    expect(blockQuotes(tokens).map(quoteText)).toEqual(['*the* passage']);
    expect(blockTypes(tokens)).toEqual(['blockquote', 'paragraph', 'paragraph', 'paragraph']);
    expect(markdown).toContain('my **note**');
    expect(linkTargets(tokens)).toEqual(['margin://article/a1#hl-h-one']);
    expect(markdown.endsWith('my **note**\n')).toBe(true);
  });

  it('marks an orphan as such, and is null for an unknown id', () => {
    const orphan = highlight('gone', 0, { id: 'gone1' });
    const input = { meta: meta(), highlights: [orphan], orphanIds: new Set(['gone1']) };
    expect(highlightToMarkdown(input, 'gone1')).toContain('orphaned');
    expect(highlightToMarkdown(input, 'nope')).toBeNull();
  });

  it.each(Object.keys(TEMPLATE_PRESETS) as TemplatePresetName[])(
    'marks each orphaned highlight, and only those, in the %s preset (file and copy)',
    (preset) => {
      const template = presetTemplate(preset);
      const placed = highlight('still here', 0, { id: 'here1' });
      const orphan = highlight('gone away', 40, { id: 'gone1' });
      const input = { meta: meta(), highlights: [placed, orphan], orphanIds: new Set(['gone1']) };
      const marker = /orphaned: no longer found in the article/i;
      expect(articleToMarkdown(input, template).match(new RegExp(marker, 'gi'))).toHaveLength(1);
      expect(highlightToMarkdown(input, 'gone1', template)).toMatch(marker);
      expect(highlightToMarkdown(input, 'here1', template)).not.toMatch(/orphan/i);
    },
  );
});

describe('articlesToMarkdown', () => {
  it('is every article in one file, each in its own markers, quotes intact', () => {
    const markdown = articlesToMarkdown([
      { meta: meta({ id: 'a1', title: 'First' }), highlights: [highlight('one *1*', 0)] },
      {
        meta: meta({ id: 'a2', title: 'Second' }),
        highlights: [highlight('two `2`', 0, { articleId: 'a2' })],
      },
    ]);
    expect(markdown.startsWith('<!-- margin:begin a1 -->')).toBe(true);
    expect(markdown).toContain('<!-- margin:end a1 -->\n\n<!-- margin:begin a2 -->');
    const { tokens, frontMatter } = parseExport(markdown);
    expect(frontMatter).toBeNull();
    expect(blockQuotes(tokens).map(quoteText)).toEqual(['one *1*', 'two `2`']);
    expect(articlesToMarkdown([])).toBe('');
  });
});

describe('placeHighlights', () => {
  it('finds where each highlight is in the current text, and which are orphans', () => {
    const text = 'Intro. The passage that moved is here now. The end.';
    const moved = highlight('The passage that moved', 0);
    const gone = highlight('a sentence deleted from the article entirely', 10);
    const placement = placeHighlights(text, [moved, gone]);
    expect(placement).toEqual({
      positions: new Map([[moved.id, text.indexOf('The passage')]]),
      orphanIds: new Set([gone.id]),
      textLength: text.length,
    });
    const markdown = articleToMarkdown({ meta: meta(), highlights: [moved, gone], ...placement });
    expect(markdown).toContain(' · 14%');
    expect(markdown.indexOf('Orphaned highlights')).toBeLessThan(markdown.indexOf('> a sentence'));
  });
});
