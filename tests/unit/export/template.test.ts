import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../../electron/common/export/export-template';
import {
  containerContinuation,
  parseTemplate,
  renderTemplate,
  TemplateError,
  validateTemplate,
  type RenderOptions,
  type TemplateView,
} from '../../../electron/common/export/template';

const plain: RenderOptions = {
  escape: (value) => `[${String(value)}]`,
  raw: (value) => String(value),
};

const render = (source: string, view: TemplateView): string =>
  renderTemplate(parseTemplate(source), view, plain);

function errorOf(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('no TemplateError');
}

describe('the template engine', () => {
  it('writes variables escaped, and raw with triple braces or "&"', () => {
    expect(render('{{a}} {{{a}}} {{& a}}', { a: 'x' })).toBe('[x] x x');
  });

  it('repeats a section for each item of a list, with the item as context', () => {
    const view = { items: [{ name: 'one' }, { name: 'two' }], sep: '/' };
    expect(render('{{#items}}{{name}}{{sep}}{{/items}}', view)).toBe('[one][/][two][/]');
    expect(render('{{#tags}}<{{.}}>{{/tags}}', { tags: ['a', 'b'] })).toBe('<[a]><[b]>');
  });

  it('shows a section once for a truthy value and an inverted one for a falsy value', () => {
    const source = '{{#v}}yes{{/v}}{{^v}}no{{/v}}';
    expect(render(source, { v: 'text' })).toBe('yes');
    expect(render(source, { v: 0 })).toBe('yes');
    for (const falsy of [false, null, undefined, '', []]) {
      expect(render(source, { v: falsy })).toBe('no');
    }
  });

  it('resolves dotted names and falls back to outer contexts', () => {
    const view = { title: 'T', article: { site: 'S' }, list: [{ x: 1 }] };
    expect(render('{{article.site}}{{#list}}{{x}}{{title}}{{/list}}', view)).toBe('[S][1][T]');
  });

  it('drops lines holding only a section or comment tag (standalone)', () => {
    const source = 'a\n  {{#list}}\n- {{.}}\n  {{/list}}\n{{! a comment }}\nb\n';
    expect(render(source, { list: ['x', 'y'] })).toBe('a\n- [x]\n- [y]\nb\n');
  });

  it('continues a multi-line value with the quote or list prefix of its line', () => {
    const lines = { v: 'one\n\ntwo' };
    expect(render('> {{{v}}}', lines)).toBe('> one\n>\n> two');
    expect(render('- > {{{v}}}', lines)).toBe('- > one\n  >\n  > two');
    expect(render('  - {{{v}}}', lines)).toBe('  - one\n\n    two');
    expect(render('Note: {{{v}}}', lines)).toBe('Note: one\n\ntwo');
    expect(containerContinuation('1. > ')).toBe('   > ');
    expect(containerContinuation('text ')).toBe('');
  });

  it.each([
    ['{{#a}}x', 1, 1, '{{#a}} is never closed'],
    ['ok\n{{/a}}', 2, 1, '{{/a}} closes nothing'],
    ['{{#a}}\n{{#b}}\n{{/a}}', 3, 1, '{{/a}} does not match {{#b}} opened on line 2'],
    ['line\n  {{> partial}}', 2, 3, 'partials and delimiter changes are not supported'],
    ['{{a b}}', 1, 1, '"a b" is not a variable name'],
    ['x {{a', 1, 3, '"{{" without a matching "}}"'],
    ['{{{a}}', 1, 1, '"{{{" must be closed by "}}}" around a name'],
  ])('reports %j as an error on line %i, column %i', (source, line, column, reason) => {
    const error = errorOf(() => parseTemplate(source));
    expect({ line: error.line, column: error.column, reason: error.reason }).toEqual({
      line,
      column,
      reason,
    });
    expect(error.message).toBe(`Template error on line ${line}, column ${column}: ${reason}`);
  });

  it('finds unknown variables on every branch before rendering anything', () => {
    const template = parseTemplate('{{#list}}\n{{^ok}}\n{{typo}}\n{{/ok}}\n{{/list}}');
    const error = errorOf(() => validateTemplate(template, { list: [{ ok: true }] }));
    expect([error.line, error.reason]).toEqual([3, 'unknown variable "typo"']);
  });
});

describe('compileTemplate', () => {
  const source = `---
id: {{id}}
title: {{title}}
{{#author}}
author: {{author}}
{{/author}}
---
# {{title}}
{{#highlights}}
> {{text}}
{{/highlights}}
`;

  it('splits front matter and body and knows which keys Margin owns', () => {
    const template = compileTemplate(source, 'mine');
    expect(template.name).toBe('mine');
    expect(template.frontMatter).not.toBeNull();
    expect([...template.ownedKeys]).toEqual(['id', 'title', 'author']);
    expect(template.highlight).not.toBeNull();
  });

  it('accepts a template without front matter', () => {
    const template = compileTemplate('# {{title}}\n');
    expect(template.frontMatter).toBeNull();
    expect(template.ownedKeys.size).toBe(0);
  });

  it('numbers errors by the line of the whole template', () => {
    const error = errorOf(() => compileTemplate(source.replace('> {{text}}', '> {{txet}}')));
    expect([error.line, error.column, error.reason]).toEqual([10, 3, 'unknown variable "txet"']);
  });

  it.each([
    ['---\ntitle: {{title}}\n', 1, 'the front matter is never closed by "---"'],
    [
      '---\n{{title}}: x\n---\n',
      2,
      'each front matter line must be "key: {{variable}}" (or a section tag on its own line)',
    ],
    [
      '# x\n<!-- margin:end x -->\n',
      2,
      'a template may not write Margin\'s "margin:begin"/"margin:end" markers',
    ],
  ])('refuses %j (line %i)', (bad, line, reason) => {
    const error = errorOf(() => compileTemplate(bad));
    expect([error.line, error.reason]).toEqual([line, reason]);
  });
});
