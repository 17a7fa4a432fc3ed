import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/common/api';
import { SearchIndex, type SearchDocument } from '../../../electron/core/search/search-index';

function doc(fields: Partial<SearchDocument> & { id: string }): SearchDocument {
  return {
    title: 'Untitled',
    byline: null,
    siteName: null,
    body: '',
    highlights: [],
    notes: [],
    savedAt: '2024-01-01T12:00:00.000Z',
    ...fields,
  };
}

const now = new Date(2024, 5, 15, 14, 30);
const ids = (index: SearchIndex, query: string): string[] =>
  index
    .search(query, { now })
    .map((hit) => hit.id)
    .sort();
const marked = (hit: SearchHit | undefined): string[] =>
  (hit?.marks ?? []).map(([start, end]) => hit?.snippet.slice(start, end) ?? '');

describe('the query language on an index', () => {
  let index: SearchIndex;
  beforeEach(() => {
    index = new SearchIndex();
    index.upsert(
      doc({
        id: 'kabul',
        title: 'Night in Kabul',
        byline: 'Jane Doe',
        siteName: 'Newsweek',
        url: 'https://www.newsweek.com/kabul-night',
        body: 'The war came to Kabul at night. Fighters from Ghazni arrived before dawn.',
        tags: ['war reporting', 'asia'],
        read: true,
        favorite: true,
        savedAt: new Date(2024, 5, 15, 9).toISOString(),
        highlights: ['Fighters from Ghazni arrived'],
        notes: ['Compare with the UN report'],
      }),
    );
    index.upsert(
      doc({
        id: 'herat',
        title: 'Markets of Herat',
        byline: 'John Roe',
        siteName: 'The Atlantic',
        url: 'https://theatlantic.com/herat',
        body: 'Saffron and carpets: the war changed the markets of Herat, not the crimes.',
        tags: ['economy'],
        savedAt: new Date(2024, 5, 10, 9).toISOString(),
      }),
    );
    index.upsert(
      doc({
        id: 'bread',
        title: 'Sourdough at home',
        body: 'Flour, water, salt. War crimes were not on the menu.',
        archived: true,
        savedAt: new Date(2023, 0, 5).toISOString(),
      }),
    );
  });

  it('requires every word', () => {
    expect(ids(index, 'war kabul')).toEqual(['kabul']);
    expect(ids(index, 'war')).toEqual(['bread', 'herat', 'kabul']);
  });

  it('matches a quoted phrase only with its words adjacent and in order', () => {
    expect(ids(index, '"war crimes"')).toEqual(['bread']);
    expect(ids(index, '"crimes war"')).toEqual([]);
    expect(ids(index, 'war crimes')).toEqual(['bread', 'herat']);
  });

  it('excludes documents with a "-word"', () => {
    expect(ids(index, 'war -kabul')).toEqual(['bread', 'herat']);
    expect(ids(index, 'war -"war crimes"')).toEqual(['herat', 'kabul']);
  });

  it('finds either side of OR', () => {
    expect(ids(index, 'saffron OR flour')).toEqual(['bread', 'herat']);
    expect(ids(index, 'war (kabul OR herat)')).toEqual(['herat', 'kabul']);
  });

  it('matches the word being typed as a prefix, and only that one', () => {
    expect(ids(index, 'saff')).toEqual(['herat']);
    expect(ids(index, 'saff war')).toEqual([]);
  });

  it('limits words to a field with title:, author:, site: and tag:', () => {
    expect(ids(index, 'title:kabul')).toEqual(['kabul']);
    expect(ids(index, 'title:war')).toEqual([]);
    expect(ids(index, 'author:doe')).toEqual(['kabul']);
    expect(ids(index, 'author:"john roe"')).toEqual(['herat']);
    expect(ids(index, 'site:atlantic')).toEqual(['herat']);
    expect(ids(index, 'site:newsweek.com')).toEqual(['kabul']);
    expect(ids(index, 'tag:economy')).toEqual(['herat']);
    expect(ids(index, 'tag:"war reporting"')).toEqual(['kabul']);
    expect(ids(index, 'tag:war is:read')).toEqual([]);
    // The tag being typed matches as a prefix.
    expect(ids(index, 'tag:econ')).toEqual(['herat']);
  });

  it('searches tags as text too', () => {
    expect(ids(index, 'economy')).toEqual(['herat']);
  });

  it('filters by state: is:read, is:unread, is:favorite, is:archived', () => {
    expect(ids(index, 'is:read')).toEqual(['kabul']);
    expect(ids(index, 'is:unread')).toEqual(['bread', 'herat']);
    expect(ids(index, 'war is:favorite')).toEqual(['kabul']);
    expect(ids(index, 'is:archived')).toEqual(['bread']);
    expect(ids(index, 'war -is:archived')).toEqual(['herat', 'kabul']);
  });

  it('filters by has:highlights and has:notes', () => {
    expect(ids(index, 'has:highlights')).toEqual(['kabul']);
    expect(ids(index, 'has:notes')).toEqual(['kabul']);
    expect(ids(index, '-has:highlights')).toEqual(['bread', 'herat']);
  });

  it('filters by saved date', () => {
    expect(ids(index, 'saved:today')).toEqual(['kabul']);
    expect(ids(index, 'saved:last-week')).toEqual(['herat', 'kabul']);
    expect(ids(index, 'saved:<2024-01-01')).toEqual(['bread']);
    expect(ids(index, 'saved:>2024-06-10')).toEqual(['kabul']);
    expect(ids(index, 'saved:2024-06-10')).toEqual(['herat']);
  });

  it('sorts by relevance, saved date or title', () => {
    const order = (query: string) => index.search(query, { now }).map((hit) => hit.id);
    expect(order('war sort:saved')).toEqual(['kabul', 'herat', 'bread']);
    expect(order('war sort:saved-asc')).toEqual(['bread', 'herat', 'kabul']);
    expect(order('war sort:title')).toEqual(['herat', 'kabul', 'bread']);
    // A filter alone lists what passes it, newest first.
    expect(order('-is:read')).toEqual(['herat', 'bread']);
  });

  it('falls back to plain text with a hint for an unknown field', () => {
    index.upsert(doc({ id: 'colour', body: 'The colour: red, as always.' }));
    const results = index.query('colour:red', { now });
    expect(results.hits.map((hit) => hit.id)).toEqual(['colour']);
    expect(results.hints[0]).toMatch(/"colour:" is not a filter/);
  });

  it('counts every match and returns a page of them', () => {
    const results = index.query('war', { now, limit: 2 });
    expect(results.total).toBe(3);
    expect(results.hits).toHaveLength(2);
    const next = index.query('war', { now, limit: 2, offset: 2 });
    expect(next.hits.map((hit) => hit.id)).toEqual(
      ['bread', 'herat', 'kabul'].filter((id) => !results.hits.some((hit) => hit.id === id)),
    );
  });

  it('marks the matched words of positive terms only', () => {
    const hit = index.search('war -flour "before dawn"', { now })[0];
    expect(hit?.id).toBe('kabul');
    expect(marked(hit)).toEqual(['war', 'before dawn']);
  });

  it('ranks title and highlight matches above body matches', () => {
    index.upsert(doc({ id: 'body-only', body: 'A word about Ghazni, Ghazni and Ghazni.' }));
    index.upsert(doc({ id: 'titled', title: 'Ghazni', body: 'Something else.' }));
    const order = index.search('ghazni', { now }).map((hit) => hit.id);
    expect(order.indexOf('titled')).toBeLessThan(order.indexOf('body-only'));
    expect(order.indexOf('kabul')).toBeLessThan(order.indexOf('body-only'));
  });
});
