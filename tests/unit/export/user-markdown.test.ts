import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { userMarkdownBlock } from '../../../electron/common/export/user-markdown';
import { propertyRuns } from './support/fixtures';
import { blockTypes, isSafeHref, linkTargets, liveHtml } from './support/markdown-check';

const lex = (markdown: string) => marked.lexer(markdown);

describe('userMarkdownBlock keeps the Markdown a user wrote', () => {
  it.each([
    'Compare with **Geneva**, art. 3, and _Hague_.',
    '- point one\n- point two\n\n1. first\n2. second',
    '> a quote of my own\n\n## A heading',
    'A [link](https://example.com "title") and ![img](https://example.com/a.png) and <https://x.y>',
    'Relative [note](other%20note.md), [anchor](#section) and [[Wiki link]]',
    'Mail <mailto:me@example.com>, [me](mailto:me@example.com) and deep [link](margin://article/a1)',
    'Inline `<b>code</b>` stays as written, and ``a ` b``.',
    '```html\n<script>alert(1)</script>\n```',
    '~~~\n<div>fenced</div>\n~~~',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    'a < b and c > d, 3 <= 4',
    'Escaped \\<b> stays escaped',
  ])('leaves %j as it is', (note) => {
    expect(userMarkdownBlock(note)).toBe(note);
  });

  it('normalizes line endings and drops blank lines around the note', () => {
    expect(userMarkdownBlock('\n\n  \r\nline one\r\nline two  \n\n\n')).toBe('line one\nline two');
    expect(userMarkdownBlock(' \n\t\n')).toBe('');
  });
});

describe('userMarkdownBlock never lets HTML or unsafe links be live', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['<!-- hidden', '&lt;!-- hidden'],
    ['<?php echo 1; ?>', '&lt;?php echo 1; ?>'],
    ['<!DOCTYPE html>', '&lt;!DOCTYPE html>'],
    ['[x](javascript:alert(1))', '[x\\](javascript:alert(1))'],
    [
      '![x](data:image/svg+xml,<svg onload=alert(1)>)',
      '![x\\](data:image/svg+xml,&lt;svg onload=alert(1)>)',
    ],
    ['[x]( javascript:alert(1))', '[x\\]( javascript:alert(1))'],
    ['[x](<javascript:alert(1)>)', '[x\\](&lt;javascript:alert(1)>)'],
    ['[x](java&#115;cript:alert(1))', '[x\\](java&#115;cript:alert(1))'],
    ['[x](javascript&colon;alert(1))', '[x\\](javascript&colon;alert(1))'],
    ['[x](file:///etc/passwd)', '[x\\](file:///etc/passwd)'],
    ['[x](obsidian://open?vault=a)', '[x\\](obsidian://open?vault=a)'],
    ['[ref]: javascript:alert(1)', '[ref\\]: javascript:alert(1)'],
    ['<javascript:alert(1)>', '&lt;javascript:alert(1)>'],
    ['\\\\<b>', '\\\\&lt;b>'],
    ['xmpp:me@example.com', 'xmpp\\:me@example.com'],
    ['ftp://example.com/file', 'ftp\\://example.com/file'],
    ['https://a.b\\<b>', 'https://a.b\\&lt;b>'],
    ['https://a.b`</b>`', 'https://a.b`&lt;/b>`'],
  ])('neutralizes %j', (note, safe) => {
    expect(userMarkdownBlock(note)).toBe(safe);
  });

  it('does not trust a code span that may have opened on an earlier line', () => {
    const note = 'one `tick\nthen `<b>x</b>` later';
    const tokens = lex(userMarkdownBlock(note));
    expect(liveHtml(tokens)).toEqual([]);
  });

  it('does not trust a code span across table cells', () => {
    const note = '| a | b |\n|---|---|\n| `<b>x | y` |';
    expect(liveHtml(lex(userMarkdownBlock(note)))).toEqual([]);
  });

  it('escapes inside a fence that is indented (it may belong to a list item that ends)', () => {
    const note = '- item\n\n  ```\n<script>alert(1)</script>';
    expect(liveHtml(lex(userMarkdownBlock(note)))).toEqual([]);
  });

  it('holds for any note (property)', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '<b>',
      '</b>',
      '<!--',
      '-->',
      '<?',
      '<!X',
      '<a href="javascript:alert(1)">',
      '[',
      ']',
      '(',
      ')',
      '](',
      ']:',
      'javascript:',
      'JaVaScRiPt:',
      'data:',
      '&colon;',
      '&#58;',
      '\\',
      '`',
      '``',
      '```',
      '~~~',
      '|',
      '\n',
      '\n\n',
      '\n    ',
      '\n  ',
      '- ',
      '> ',
      '1. ',
      ' ',
      'x',
      'https://a.b',
      'www.a.b',
      'ftp://',
      'xmpp:',
      'mailto:',
      '&lt;',
      '\t',
      '!',
    );
    const note = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(note, (text) => {
        const tokens = lex(userMarkdownBlock(text));
        expect(liveHtml(tokens)).toEqual([]);
        expect(linkTargets(tokens).filter((href) => !isSafeHref(href))).toEqual([]);
      }),
      propertyRuns(500),
    );
  });
});

describe('userMarkdownBlock closes what would swallow the rest of the file', () => {
  it('closes a fence left open, at its own indentation', () => {
    expect(userMarkdownBlock('See:\n```js\nconst x = 1;')).toBe('See:\n```js\nconst x = 1;\n```');
    expect(userMarkdownBlock('- item\n\n  ~~~~\n  code')).toBe('- item\n\n  ~~~~\n  code\n  ~~~~');
    const types = blockTypes(lex(`${userMarkdownBlock('```\nopen')}\n\nafter`));
    expect(types).toEqual(['code', 'paragraph']);
  });

  it('leaves a closed fence alone', () => {
    expect(userMarkdownBlock('```\ncode\n```\nafter')).toBe('```\ncode\n```\nafter');
  });
});
