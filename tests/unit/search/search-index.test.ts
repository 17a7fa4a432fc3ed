import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/common/api';
import { SearchIndex, type SearchDocument } from '../../../electron/core/search/search-index';
import { sampleArticleText } from './sample-article';

const sample = sampleArticleText();
const titleEnd = sample.indexOf('\n');
const sampleTitle = sample.slice(0, titleEnd);
/** The article's text as the index gets it: everything after the title line. */
const sampleBody = sample.slice(titleEnd + 1);

function doc(fields: Partial<SearchDocument> & { id: string }): SearchDocument {
  return {
    title: 'Untitled',
    byline: null,
    siteName: null,
    body: '',
    highlights: [],
    notes: [],
    savedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  };
}

function sampleDoc(): SearchDocument {
  return doc({
    id: 'taliban',
    title: sampleTitle,
    siteName: 'Newsweek',
    body: sampleBody,
    savedAt: '2021-08-12T10:00:00.000Z',
  });
}

/** The marked words of a hit's snippet, as text. */
function markedWords(hit: SearchHit | undefined): string[] {
  return (hit?.marks ?? []).map(([start, end]) => hit?.snippet.slice(start, end) ?? '');
}

function firstMatchText(hit: SearchHit | undefined, body = sampleBody): string | undefined {
  return hit?.firstMatch ? body.slice(hit.firstMatch.start, hit.firstMatch.end) : undefined;
}

describe('SearchIndex on the sample article', () => {
  let index: SearchIndex;
  beforeEach(() => {
    index = new SearchIndex();
    index.upsert(sampleDoc());
    index.upsert(doc({ id: 'other', title: 'Sourdough at home', body: 'Flour, water, salt.' }));
  });

  it.each([
    ['ghazni', 'Ghazni'],
    ['Taliban', 'Taliban'],
    ['u.s.', 'U.S'],
    ['two-thirds', 'two-thirds'],
    ['Dawlat Abad', 'Dawlat'],
    ['Allahu', 'Allahu'],
    ['kilometers', 'kilometers'],
    ['ghaz', 'Ghazni'],
    ['GHAZNI', 'Ghazni'],
  ])('finds %j, with firstMatch on %j in the body', (query, matched) => {
    const hits = index.search(query);
    expect(hits.map((hit) => hit.id)).toEqual(['taliban']);
    expect(firstMatchText(hits[0])).toBe(matched);
  });

  it('finds "#Taliban" by its word, and points firstMatch at the word without the "#"', () => {
    const hit = index.search('#Taliban executions')[0];
    expect(hit?.id).toBe('taliban');
    expect(hit?.snippet).toContain('#Taliban executions');
    expect(markedWords(hit)).toEqual(['Taliban', 'executions']);

    const body = 'Reports of #Taliban gains.';
    index.upsert(doc({ id: 'hashtag', body }));
    const hashtag = index.search('taliban').find((h) => h.id === 'hashtag');
    expect(firstMatchText(hashtag, body)).toBe('Taliban');
  });

  it('matches a word of several tokens only as a phrase', () => {
    // "two" and "thirds" each occur, but only adjacent does "two-thirds" match; "thirds two"
    // is two separate words and matches both anywhere.
    index.upsert(doc({ id: 'apart', body: 'two of them, and later thirds' }));
    expect(index.search('two-thirds').map((hit) => hit.id)).toEqual(['taliban']);
    expect(
      index
        .search('thirds two')
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['apart', 'taliban']);
  });

  it('requires every word to match', () => {
    expect(index.search('ghazni sourdough')).toEqual([]);
    expect(index.search('Dawlat Paris')).toEqual([]);
  });

  it('matches only the last word as a prefix', () => {
    expect(index.search('ghaz taliban')).toEqual([]);
    expect(index.search('taliban ghaz').map((hit) => hit.id)).toEqual(['taliban']);
  });

  it('returns nothing for an empty, blank or punctuation-only query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   \n\t ')).toEqual([]);
    expect(index.search('— & …')).toEqual([]);
  });

  it('marks every matched query word in the snippet, at the right offsets', () => {
    const hit = index.search('dawlat faryab turkmenistan')[0];
    expect(markedWords(hit)).toEqual(['Dawlat', 'Faryab', 'Turkmenistan']);
    const phrase = index.search('two-thirds afghanistan')[0];
    expect(markedWords(phrase)).toContain('two-thirds');
    expect(markedWords(phrase)).toContain('Afghanistan');
  });

  it('keeps snippets to about 160-200 characters, cut at word boundaries with ellipses', () => {
    for (const query of ['kilometers', 'ghazni', 'Allahu', 'two-thirds', 'Getty', 'embassy']) {
      const hit = index.search(query)[0];
      const snippet = hit?.snippet ?? '';
      expect(snippet.length, query).toBeGreaterThanOrEqual(150);
      expect(snippet.length, query).toBeLessThanOrEqual(200);
      expect(snippet, query).not.toMatch(/\s\s|\n/);
      const inner = snippet.replace(/^…/, '').replace(/…$/, '');
      // Each end of the snippet is the start or end of a word of the text.
      const flat = sampleBody.replace(/\s+/g, ' ');
      const at = flat.indexOf(inner);
      expect(at, query).toBeGreaterThan(-1);
      expect(flat[at - 1] ?? ' ', query).toBe(' ');
      expect(flat[at + inner.length] ?? ' ', query).toBe(' ');
      expect(snippet.startsWith('…'), query).toBe(flat.slice(0, at).trim() !== '');
      expect(snippet.endsWith('…'), query).toBe(flat.slice(at + inner.length).trim() !== '');
    }
  });

  it('finds nothing once the document is removed', () => {
    index.remove('taliban');
    expect(index.search('ghazni')).toEqual([]);
    expect(index.search('ghaz')).toEqual([]);
    expect(index.size).toBe(1);
    index.remove('taliban');
    expect(index.size).toBe(1);
  });

  it('replaces a document on upsert with the same id', () => {
    index.upsert(doc({ id: 'taliban', title: 'Renamed', body: 'Nothing about provinces.' }));
    expect(index.size).toBe(2);
    expect(index.search('ghazni')).toEqual([]);
    expect(index.search('provinces').map((hit) => hit.title)).toEqual(['Renamed']);
  });
});

describe('SearchIndex matching', () => {
  it('ignores accents both ways: "cafe" finds "café" and "café" finds "cafe"', () => {
    const index = new SearchIndex();
    index.upsert(doc({ id: 'accented', body: 'We met at the café near the station.' }));
    index.upsert(doc({ id: 'plain', body: 'The cafe was closed.' }));
    expect(
      index
        .search('cafe')
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['accented', 'plain']);
    expect(
      index
        .search('café')
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['accented', 'plain']);
    const hit = index.search('CAFÉ').find((h) => h.id === 'accented');
    expect(markedWords(hit)).toEqual(['café']);
  });

  it('ignores case and character width', () => {
    const index = new SearchIndex();
    index.upsert(doc({ id: 'wide', body: 'Ｔａｌｉｂａｎ forces' }));
    index.upsert(doc({ id: 'upper', body: 'STRASSE and Straße' }));
    expect(index.search('taliban').map((hit) => hit.id)).toEqual(['wide']);
    expect(index.search('strasse').map((hit) => hit.id)).toEqual(['upper']);
    expect(markedWords(index.search('strasse')[0])).toEqual(['STRASSE', 'Straße']);
  });

  it('ranks a title match above body matches', () => {
    const index = new SearchIndex();
    index.upsert(
      doc({
        id: 'body',
        title: 'Notes from a long trip',
        body: 'We drove to Ghazni. Ghazni was hot. Ghazni again the next day.',
        savedAt: '2024-05-01T00:00:00.000Z',
      }),
    );
    index.upsert(
      doc({
        id: 'title',
        title: 'Ghazni',
        body: 'A city in Afghanistan.',
        savedAt: '2020-01-01T00:00:00.000Z',
      }),
    );
    expect(index.search('ghazni').map((hit) => hit.id)).toEqual(['title', 'body']);
  });

  it('breaks ties by the newer savedAt', () => {
    const index = new SearchIndex();
    for (const [id, savedAt] of [
      ['old', '2020-01-01T00:00:00.000Z'],
      ['new', '2023-06-01T00:00:00.000Z'],
      ['mid', '2021-01-01T00:00:00.000Z'],
    ] as const) {
      index.upsert(doc({ id, title: 'Same title', body: 'Same body text.', savedAt }));
    }
    expect(index.search('same').map((hit) => hit.id)).toEqual(['new', 'mid', 'old']);
  });

  it('ranks a whole-word match above a match that only starts with the typed word', () => {
    const index = new SearchIndex();
    index.upsert(doc({ id: 'longer', body: 'The warlords met.' }));
    index.upsert(doc({ id: 'exact', body: 'The war went on.' }));
    expect(index.search('war').map((hit) => hit.id)).toEqual(['exact', 'longer']);
  });

  it('searches highlight and note text, with the snippet from the matching one', () => {
    const index = new SearchIndex();
    index.upsert(
      doc({
        id: 'annotated',
        title: 'An article',
        body: 'Body text that says nothing relevant.',
        highlights: ['an unrelated passage', 'the geneva conventions were violated'],
        notes: ['Check this against the UN report on Kunduz.'],
      }),
    );
    const highlight = index.search('geneva')[0];
    expect(highlight?.id).toBe('annotated');
    expect(highlight?.firstMatch).toBeNull();
    expect(highlight?.snippet).toBe('the geneva conventions were violated');
    expect(markedWords(highlight)).toEqual(['geneva']);

    const note = index.search('kunduz')[0];
    expect(note?.snippet).toBe('Check this against the UN report on Kunduz.');
    expect(markedWords(note)).toEqual(['Kunduz']);
  });

  it('matches title and metadata with firstMatch null and the snippet from the body start', () => {
    const index = new SearchIndex();
    index.upsert(
      doc({
        id: 'meta',
        title: 'Field notes',
        byline: 'Jane Doe',
        siteName: 'Example Weekly',
        body: 'It rained all week in the valley.',
      }),
    );
    for (const query of ['field', 'doe', 'weekly']) {
      const hit = index.search(query)[0];
      expect(hit?.id, query).toBe('meta');
      expect(hit?.firstMatch, query).toBeNull();
      expect(hit?.snippet, query).toBe('It rained all week in the valley.');
      expect(hit?.marks, query).toEqual([]);
    }
  });

  it('does not match a phrase across two highlights', () => {
    const index = new SearchIndex();
    index.upsert(doc({ id: 'h', highlights: ['ends with two', 'thirds begins this one'] }));
    expect(index.search('two-thirds')).toEqual([]);
  });

  it('honours the limit', () => {
    const index = new SearchIndex();
    for (let n = 0; n < 30; n += 1) index.upsert(doc({ id: `d${n}`, body: `common word ${n}` }));
    // A page by default; the rest from an offset.
    expect(index.search('common')).toHaveLength(20);
    expect(index.search('common', { offset: 20 })).toHaveLength(10);
    expect(index.search('common', { limit: 5 })).toHaveLength(5);
    expect(index.search('common', { limit: 0 })).toEqual([]);
  });

  it('finds Chinese and Japanese words written without spaces', () => {
    const index = new SearchIndex();
    index.upsert(doc({ id: 'zh', body: '塔利班控制了阿富汗三分之二的领土。' }));
    const hit = index.search('阿富汗')[0];
    expect(hit?.id).toBe('zh');
    expect(markedWords(hit)).toEqual(['阿富汗']);
  });

  it('points firstMatch at the matched word in the body after other text', () => {
    const index = new SearchIndex();
    const body = 'Ａ wide letter, a straße, and then the Café Central, twice: CAFÉ.';
    index.upsert(doc({ id: 'x', body }));
    const hit = index.search('cafe')[0];
    expect(hit?.firstMatch && body.slice(hit.firstMatch.start, hit.firstMatch.end)).toBe('Café');
    expect(markedWords(hit)).toEqual(['Café', 'CAFÉ']);
  });
});
