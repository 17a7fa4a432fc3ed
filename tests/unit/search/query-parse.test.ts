import { describe, expect, it } from 'vitest';
import type { QueryNode, TextNode } from '../../../electron/common/query/ast';
import { parseDateRange } from '../../../electron/common/query/dates';
import { parseQuery } from '../../../electron/common/query/parse';

const now = new Date(2024, 5, 15, 14, 30); // Saturday 15 June 2024, 14:30 local time
const parse = (query: string) => parseQuery(query, { now });
const day = (year: number, month: number, date: number) =>
  new Date(year, month - 1, date).getTime();

function text(raw: string, terms: string[], extra: Partial<TextNode> = {}): TextNode {
  return { kind: 'text', field: null, raw, terms, prefix: false, ...extra };
}

describe('parseQuery: words', () => {
  it('requires every word, and matches the last one as a prefix (the word being typed)', () => {
    expect(parse('taliban ghaz').root).toEqual({
      kind: 'and',
      nodes: [text('taliban', ['taliban']), text('ghaz', ['ghaz'], { prefix: true })],
    });
  });

  it('folds words and keeps words of several terms together ("u.s.", "two-thirds")', () => {
    expect(parse('Café u.s.').root).toEqual({
      kind: 'and',
      nodes: [text('Café', ['cafe']), text('u.s.', ['u', 's'], { prefix: true })],
    });
  });

  it('takes a quoted phrase as one unit, not a prefix once closed', () => {
    expect(parse('"could constitute war crimes"').root).toEqual(
      text('could constitute war crimes', ['could', 'constitute', 'war', 'crimes']),
    );
  });

  it('treats a quote left open as a phrase running to the end, typed as a prefix, with a hint', () => {
    const parsed = parse('"war cri');
    expect(parsed.root).toEqual(text('war cri', ['war', 'cri'], { prefix: true }));
    expect(parsed.hints).toEqual(['A quote was not closed; the phrase runs to the end.']);
  });

  it('finds nothing to search in an empty or punctuation-only query', () => {
    expect(parse('').root).toBeNull();
    expect(parse('  — & …  ').root).toBeNull();
  });
});

describe('parseQuery: operators', () => {
  it('excludes a word, phrase or filter with a leading "-", never as a prefix', () => {
    expect(parse('taliban -embassy').root).toEqual({
      kind: 'and',
      nodes: [text('taliban', ['taliban']), { kind: 'not', node: text('embassy', ['embassy']) }],
    });
    expect(parse('-"war crimes"').root).toEqual({
      kind: 'not',
      node: text('war crimes', ['war', 'crimes']),
    });
    expect(parse('-is:read').root).toEqual({ kind: 'not', node: { kind: 'is', state: 'read' } });
  });

  it('keeps a dash inside a word as part of it', () => {
    expect(parse('two-thirds').root).toEqual(
      text('two-thirds', ['two', 'thirds'], { prefix: true }),
    );
  });

  it('binds OR tighter than the implicit AND: "a b OR c" is a AND (b OR c)', () => {
    expect(parse('kabul ghazni OR herat').root).toEqual({
      kind: 'and',
      nodes: [
        text('kabul', ['kabul']),
        {
          kind: 'or',
          nodes: [text('ghazni', ['ghazni']), text('herat', ['herat'], { prefix: true })],
        },
      ],
    });
  });

  it('groups with parentheses, and negates a group', () => {
    const root = parse('-(kabul OR herat) taliban').root;
    expect(root).toEqual({
      kind: 'and',
      nodes: [
        {
          kind: 'not',
          node: { kind: 'or', nodes: [text('kabul', ['kabul']), text('herat', ['herat'])] },
        },
        text('taliban', ['taliban'], { prefix: true }),
      ],
    });
  });

  it('reads lower-case "or" and "and" as words, "AND" as nothing', () => {
    expect(parse('war and peace').root).toMatchObject({ kind: 'and' });
    expect(parse('war AND peace').root).toEqual({
      kind: 'and',
      nodes: [text('war', ['war']), text('peace', ['peace'], { prefix: true })],
    });
  });

  it('ignores a dangling OR or parenthesis, with a hint', () => {
    expect(parse('OR taliban').hints).toEqual(['"OR" needs a word on each side; it was ignored.']);
    expect(parse('OR taliban').root).toEqual(text('taliban', ['taliban'], { prefix: true }));
    // While typing "cats OR", the next word is on its way: no hint yet.
    expect(parse('cats OR').hints).toEqual([]);
    expect(parse('cats) dogs').hints).toEqual(['An unmatched ")" was ignored.']);
    expect(parse('(cats dogs').hints).toEqual(['A "(" was not closed; it is closed at the end.']);
  });
});

describe('parseQuery: fields and filters', () => {
  it('limits a word or phrase to title, author, site or tag', () => {
    expect(parse('title:ghazni author:"jane doe" site:newsweek.com tag:news').root).toEqual({
      kind: 'and',
      nodes: [
        text('ghazni', ['ghazni'], { field: 'title' }),
        text('jane doe', ['jane', 'doe'], { field: 'author' }),
        text('newsweek.com', ['newsweek', 'com'], { field: 'site' }),
        text('news', ['news'], { field: 'tag', prefix: true }),
      ],
    });
  });

  it('accepts the aliases readers bring from other tools (label:, domain:, by:)', () => {
    const fields = (query: string) => (parse(query).root as TextNode).field;
    expect(fields('label:x')).toBe('tag');
    expect(fields('domain:x')).toBe('site');
    expect(fields('by:x')).toBe('author');
  });

  it.each([
    ['is:unread', { kind: 'is', state: 'unread' }],
    ['is:read', { kind: 'is', state: 'read' }],
    ['is:favorite', { kind: 'is', state: 'favorite' }],
    ['is:archived', { kind: 'is', state: 'archived' }],
    ['has:highlights', { kind: 'has', what: 'highlights' }],
    ['has:notes', { kind: 'has', what: 'notes' }],
    ['IS:Unread', { kind: 'is', state: 'unread' }],
  ] satisfies [string, QueryNode][])('reads %s', (query, node) => {
    expect(parse(query)).toEqual({
      root: node,
      sort: { by: 'relevance', descending: true },
      hints: [],
    });
  });

  it('reads saved: dates, comparisons, ranges and relative periods (local days)', () => {
    const saved = (query: string) => parse(query).root;
    expect(saved('saved:>2024-01-01')).toEqual({ kind: 'saved', from: day(2024, 1, 2), to: null });
    expect(saved('saved:>=2024-01-01')).toEqual({ kind: 'saved', from: day(2024, 1, 1), to: null });
    expect(saved('saved:<2024-01-01')).toEqual({ kind: 'saved', from: null, to: day(2024, 1, 1) });
    expect(saved('saved:<=2024-01')).toEqual({ kind: 'saved', from: null, to: day(2024, 2, 1) });
    expect(saved('saved:2024-03-05')).toEqual({
      kind: 'saved',
      from: day(2024, 3, 5),
      to: day(2024, 3, 6),
    });
    expect(saved('saved:2023')).toEqual({
      kind: 'saved',
      from: day(2023, 1, 1),
      to: day(2024, 1, 1),
    });
    expect(saved('saved:2024-01-01..2024-01-31')).toEqual({
      kind: 'saved',
      from: day(2024, 1, 1),
      to: day(2024, 2, 1),
    });
    expect(saved('saved:2024-05-01..*')).toEqual({
      kind: 'saved',
      from: day(2024, 5, 1),
      to: null,
    });
    expect(saved('saved:today')).toEqual({
      kind: 'saved',
      from: day(2024, 6, 15),
      to: day(2024, 6, 16),
    });
    expect(saved('saved:yesterday')).toEqual({
      kind: 'saved',
      from: day(2024, 6, 14),
      to: day(2024, 6, 15),
    });
    expect(saved('saved:last-week')).toEqual({
      kind: 'saved',
      from: day(2024, 6, 9),
      to: day(2024, 6, 16),
    });
    expect(saved('saved:last-month')).toEqual({
      kind: 'saved',
      from: day(2024, 5, 17),
      to: day(2024, 6, 16),
    });
  });

  it('rejects dates that do not exist', () => {
    expect(parseDateRange('2024-02-30', now)).toBeNull();
    expect(parseDateRange('2024-13', now)).toBeNull();
    expect(parseDateRange('soon', now)).toBeNull();
  });

  it('reads sort: without making it a condition', () => {
    expect(parse('ghazni sort:saved')).toMatchObject({
      root: text('ghazni', ['ghazni']),
      sort: { by: 'saved', descending: true },
    });
    expect(parse('sort:title').sort).toEqual({ by: 'title', descending: false });
    expect(parse('sort:saved-asc').sort).toEqual({ by: 'saved', descending: false });
    expect(parse('sort:title').root).toBeNull();
  });
});

describe('parseQuery: slips fall back to plain text with a hint, never an error', () => {
  it('searches an unknown field as text', () => {
    const parsed = parse('colour:red');
    expect(parsed.root).toEqual(text('colour:red', ['colour', 'red'], { prefix: true }));
    expect(parsed.hints[0]).toMatch(/^"colour:" is not a filter, so it was searched as text\./);
  });

  it('does not call an address a filter', () => {
    const parsed = parse('https://example.com/page');
    expect(parsed.root).toMatchObject({ kind: 'text', terms: ['https', 'example', 'com', 'page'] });
    expect(parsed.hints).toEqual([]);
  });

  it.each([
    ['is:done', /^"is:" takes unread, read, favorite or archived/],
    ['has:tags', /^"has:" takes highlights or notes/],
    ['saved:soon', /^"saved:" takes a date/],
    ['sort:random', /^"sort:" takes relevance, saved or title/],
  ])('searches a filter with an unknown value (%s) as text', (query, hint) => {
    const parsed = parse(query);
    expect(parsed.root).toMatchObject({ kind: 'text', field: null });
    expect(parsed.hints).toHaveLength(1);
    expect(parsed.hints[0]).toMatch(hint);
  });

  it('ignores a field with no value, with a hint', () => {
    const parsed = parse('ghazni title:');
    expect(parsed.root).toEqual(text('ghazni', ['ghazni']));
    expect(parsed.hints).toEqual(['"title:" needs a word after it.']);
  });

  it('never throws, whatever it is given', () => {
    for (const query of [
      '"',
      '-',
      '--',
      '(((',
      ')))',
      'OR OR OR',
      '-(',
      'a:"',
      ':',
      '"" ""',
      '-""',
    ]) {
      expect(() => parse(query), query).not.toThrow();
    }
  });
});
