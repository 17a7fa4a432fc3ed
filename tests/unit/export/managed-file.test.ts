import { describe, expect, it } from 'vitest';
import {
  findFrontMatter,
  frontMatterEntries,
  scalarValue,
} from '../../../electron/common/export/front-matter';
import {
  managedArticleId,
  mergeManagedFile,
  newManagedFile,
  parseManagedFile,
  type RenderedArticle,
} from '../../../electron/common/export/managed-file';

const OWNED = new Set(['id', 'title', 'tags']);

function rendered(
  body: string,
  frontMatter: string | null = 'id: a1\ntitle: New title\ntags: [x]',
): RenderedArticle {
  return { articleId: 'a1', frontMatter, body };
}

describe('front matter reading', () => {
  it('finds the block at the very top, or says it never closes', () => {
    expect(findFrontMatter('---\na: 1\n---\nbody')).toEqual({ lines: ['a: 1\n'], end: 13 });
    expect(findFrontMatter('\uFEFF---\r\na: 1\r\n...\r\nbody')).toEqual({
      lines: ['a: 1\r\n'],
      end: 17,
    });
    expect(findFrontMatter('text\n---\na: 1\n---\n')).toBeNull();
    expect(findFrontMatter('---\na: 1\n')).toBe('unclosed');
  });

  it('splits entries by top-level key, keeping each entry`s lines whole', () => {
    const lines = [
      '# leading comment\n',
      'title: "A: B"\n',
      'tags:\n',
      '- one\n',
      '  - two\n',
      '\n',
      'my key: |\n',
      '  multi\n',
      "'quoted key': v\n",
    ];
    expect(frontMatterEntries(lines)).toEqual([
      { key: null, text: '# leading comment\n' },
      { key: 'title', text: 'title: "A: B"\n' },
      { key: 'tags', text: 'tags:\n- one\n  - two\n\n' },
      { key: 'my key', text: 'my key: |\n  multi\n' },
      { key: 'quoted key', text: "'quoted key': v\n" },
    ]);
  });

  it.each([
    ['id: abc123\n', 'abc123'],
    ['id: "abc123"\n', 'abc123'],
    ["id: 'abc''1'\n", "abc'1"],
    ['id: abc # comment\n', 'abc'],
    ['id:\n', null],
    ['id: [a]\n', '[a]'],
  ])('reads the scalar in %j', (line, value) => {
    expect(scalarValue(frontMatterEntries([line]), 'id')).toBe(value);
  });
});

describe('a new file', () => {
  it('is front matter, a blank line, then the managed region', () => {
    expect(newManagedFile(rendered('# T'))).toBe(
      '---\nid: a1\ntitle: New title\ntags: [x]\n---\n\n<!-- margin:begin a1 -->\n\n# T\n\n<!-- margin:end a1 -->\n',
    );
    expect(newManagedFile(rendered('', null))).toBe(
      '<!-- margin:begin a1 -->\n\n<!-- margin:end a1 -->\n',
    );
  });
});

describe('mergeManagedFile', () => {
  const before = [
    '---',
    'id: a1',
    'title: Old title',
    'rating: 5',
    'tags: [old]',
    'aliases:',
    '  - Old',
    '---',
    'My intro, *kept*.  ',
    '',
    '<!-- margin:begin a1 -->',
    '',
    '# Old',
    '',
    'User edit inside the region, replaced.',
    '',
    '<!-- margin:end a1 -->',
    '',
    'My conclusion, kept byte for byte.\t',
    '',
  ].join('\n');

  it("rewrites Margin's keys and region, keeps everything else byte for byte", () => {
    const merged = mergeManagedFile(before, rendered('# New'), OWNED);
    expect(merged).toEqual({
      ok: true,
      text: [
        '---',
        'id: a1',
        'title: New title',
        'tags: [x]',
        'rating: 5',
        'aliases:',
        '  - Old',
        '---',
        'My intro, *kept*.  ',
        '',
        '<!-- margin:begin a1 -->',
        '',
        '# New',
        '',
        '<!-- margin:end a1 -->',
        '',
        'My conclusion, kept byte for byte.\t',
        '',
      ].join('\n'),
    });
  });

  it('changes nothing when merged again (idempotent)', () => {
    const once = mergeManagedFile(before, rendered('# New'), OWNED);
    if (!once.ok) throw new Error(once.reason);
    expect(mergeManagedFile(once.text, rendered('# New'), OWNED)).toEqual(once);
    expect(mergeManagedFile(newManagedFile(rendered('# B')), rendered('# B'), OWNED)).toEqual({
      ok: true,
      text: newManagedFile(rendered('# B')),
    });
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${newManagedFile(rendered('# A')).replace(/\n/g, '\r\n')}Mine\r\n`;
    const merged = mergeManagedFile(crlf, rendered('# B\n\nmore'), OWNED);
    expect(merged.ok && merged.text).toBe(
      `\uFEFF${newManagedFile(rendered('# B\n\nmore')).replace(/\n/g, '\r\n')}Mine\r\n`,
    );
  });

  it('gives a file without front matter one, keeping the text before the region', () => {
    const merged = mergeManagedFile(
      'Intro\n<!-- margin:begin a1 -->\nold\n<!-- margin:end a1 -->',
      rendered('new', 'id: a1'),
      OWNED,
    );
    expect(merged.ok && merged.text).toBe(
      '---\nid: a1\n---\n\nIntro\n<!-- margin:begin a1 -->\n\nnew\n\n<!-- margin:end a1 -->',
    );
  });

  it('leaves the front matter alone when the template writes none', () => {
    const merged = mergeManagedFile(before, rendered('# New', null), OWNED);
    expect(merged.ok && merged.text.startsWith(before.slice(0, before.indexOf('My intro')))).toBe(
      true,
    );
  });

  it.each([
    ['markers missing', '---\nid: a1\n---\nno markers\n', "Margin's begin/end markers are missing"],
    [
      'markers repeated',
      '<!-- margin:begin a1 -->\n<!-- margin:end a1 -->\n<!-- margin:end a1 -->\n',
      "Margin's begin/end markers are repeated",
    ],
    [
      'markers out of order',
      '<!-- margin:end a1 -->\n<!-- margin:begin a1 -->\n',
      "Margin's begin/end markers are out of order",
    ],
    [
      'front matter unclosed',
      '---\nid: a1\n<!-- margin:begin a1 -->\n',
      'its front matter is not closed',
    ],
  ])('refuses a file with %s', (_, text, reason) => {
    expect(mergeManagedFile(text, rendered('x'), OWNED)).toEqual({ ok: false, reason });
  });

  it("ignores another article's markers", () => {
    const text =
      '<!-- margin:begin b2 -->\nB\n<!-- margin:end b2 -->\n<!-- margin:begin a1 -->\n<!-- margin:end a1 -->\n';
    const merged = mergeManagedFile(text, rendered('A', null), OWNED);
    expect(merged.ok && merged.text).toContain(
      '<!-- margin:begin b2 -->\nB\n<!-- margin:end b2 -->',
    );
  });
});

describe('managedArticleId', () => {
  it('is the front matter id, else the begin marker, else null', () => {
    expect(managedArticleId('---\nid: "x1"\n---\n<!-- margin:begin y2 -->')).toBe('x1');
    expect(managedArticleId('---\ntitle: t\n---\n<!-- margin:begin y2 -->\n')).toBe('y2');
    expect(managedArticleId('---\nid: not an id!\n---\n')).toBeNull();
    expect(managedArticleId('# just a note\n')).toBeNull();
  });
});

describe('parseManagedFile', () => {
  it('takes apart what newManagedFile put together', () => {
    for (const article of [rendered('# T\n\n> q'), rendered('', null), rendered('x', 'id: a1')]) {
      expect(parseManagedFile(newManagedFile(article))).toEqual(article);
    }
    expect(parseManagedFile('# not an export')).toBeNull();
  });
});
