import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/common/api';
import { SearchIndex, type SearchDocument } from '../../../electron/core/search/search-index';

function doc(id: string, body: string, title = 'Untitled'): SearchDocument {
  return {
    id,
    title,
    byline: null,
    siteName: null,
    body,
    highlights: [],
    notes: [],
    savedAt: '2024-01-01T00:00:00.000Z',
  };
}

const marked = (hit: SearchHit | undefined): string[] =>
  (hit?.marks ?? []).map(([start, end]) => hit?.snippet.slice(start, end) ?? '');

describe('search in other scripts and spellings', () => {
  it('finds Chinese words in text written without spaces, and marks them', () => {
    const index = new SearchIndex();
    index.upsert(doc('zh', '塔利班控制了阿富汗三分之二的领土。美国大使馆表示关注。'));
    index.upsert(doc('other', '今天天气很好。'));
    const hit = index.search('阿富汗')[0];
    expect(hit?.id).toBe('zh');
    expect(marked(hit)).toEqual(['阿富汗']);
    expect(index.search('大使馆').map((h) => h.id)).toEqual(['zh']);
  });

  it('finds a Chinese word as it is being typed, even where the segmenter cuts the query differently', () => {
    // Alone, "阿富" is two words to the segmenter; the index's own vocabulary reads it as the
    // start of "阿富汗".
    const index = new SearchIndex();
    index.upsert(doc('zh', '塔利班控制了阿富汗三分之二的领土。'));
    const hit = index.search('阿富')[0];
    expect(hit?.id).toBe('zh');
    expect(marked(hit)).toEqual(['阿富汗']);
    expect(index.search('阿富汗三分').map((h) => h.id)).toEqual(['zh']);
  });

  it('finds Japanese words (kanji, kana and katakana loanwords)', () => {
    const index = new SearchIndex();
    index.upsert(doc('ja', '日本語のテキストを検索します。コーヒーを飲みました。'));
    expect(index.search('検索').map((h) => h.id)).toEqual(['ja']);
    expect(index.search('コーヒー').map((h) => h.id)).toEqual(['ja']);
    expect(marked(index.search('テキスト')[0])).toEqual(['テキスト']);
  });

  it('finds Arabic words with or without vowel marks and tatweel, and marks them in the RTL text', () => {
    const index = new SearchIndex();
    const body = 'قالت السفارة إنّ الكِتَاب مهمّ جدًا. وصلت قوات طالبان إلى غزني.';
    index.upsert(doc('ar', body, 'تقرير'));
    for (const query of ['الكتاب', 'الكِتَاب', 'الكتـــاب', 'غزني']) {
      expect(
        index.search(query).map((h) => h.id),
        query,
      ).toEqual(['ar']);
    }
    const hit = index.search('الكتاب')[0];
    expect(marked(hit)).toEqual(['الكِتَاب']);
    expect(hit?.firstMatch && body.slice(hit.firstMatch.start, hit.firstMatch.end)).toBe('الكِتَاب');
  });

  it('finds Hebrew words with or without niqqud', () => {
    const index = new SearchIndex();
    index.upsert(doc('he', 'שָׁלוֹם עֲלֵיכֶם וּבְרָכָה'));
    expect(index.search('שלום').map((h) => h.id)).toEqual(['he']);
  });

  it('folds accents, case and width both ways', () => {
    const index = new SearchIndex();
    index.upsert(doc('fr', 'Le Café de Flore, à Paris.'));
    index.upsert(doc('wide', 'Ｔａｌｉｂａｎ ＦＯＲＣＥＳ'));
    index.upsert(doc('de', 'Die STRASSE und die Straße.'));
    expect(index.search('cafe').map((h) => h.id)).toEqual(['fr']);
    expect(index.search('CAFÉ').map((h) => h.id)).toEqual(['fr']);
    expect(index.search('taliban forces').map((h) => h.id)).toEqual(['wide']);
    expect(marked(index.search('strasse')[0])).toEqual(['STRASSE', 'Straße']);
    expect(marked(index.search('talib')[0])).toEqual(['Ｔａｌｉｂａｎ']);
  });

  it('keeps snippet marks right for accented words found by the fast ASCII path', () => {
    const index = new SearchIndex();
    const body =
      'We met at the café near the station; the cafe across was closed; CAFÉ signs everywhere.';
    index.upsert(doc('x', body));
    expect(marked(index.search('cafe')[0])).toEqual(['café', 'cafe', 'CAFÉ']);
  });
});
