import { describe, expect, it } from 'vitest';
import { foldText, tokenEndAt, tokenize } from '../../../electron/core/search/normalize';

const terms = (text: string): string[] => tokenize(text).map((token) => token.term);

describe('foldText', () => {
  it('folds case, accents and width', () => {
    expect(foldText('Ghazni')).toBe('ghazni');
    expect(foldText('Café Crème')).toBe('cafe creme');
    expect(foldText('Ｔａｌｉｂａｎ１２')).toBe('taliban12');
    expect(foldText('İstanbul Łódź Straße ﬁne')).toBe('istanbul lodz strasse fine');
  });

  it('keeps the vowel signs of Indic scripts, which are letters there, not accents', () => {
    expect(foldText('हिन्दी')).toBe('हिन्दी'.normalize('NFC'));
  });
});

describe('tokenize', () => {
  it('splits on punctuation, so hashtags, abbreviations and hyphenated words give plain terms', () => {
    expect(terms('#Taliban')).toEqual(['taliban']);
    expect(terms('u.s.')).toEqual(['u', 's']);
    expect(terms('two-thirds')).toEqual(['two', 'thirds']);
    expect(terms('"Allahu Akhbar" (God is great).')).toEqual([
      'allahu',
      'akhbar',
      'god',
      'is',
      'great',
    ]);
  });

  it('gives offsets into the original string even where folding changes the length', () => {
    const text = 'ﬁne Straße, café! Ｔａｌｉｂａｎ e\u0301te';
    for (const token of tokenize(text)) {
      expect(foldText(text.slice(token.start, token.end))).toBe(token.term);
    }
    expect(tokenize(text).map((token) => text.slice(token.start, token.end))).toEqual([
      'ﬁne',
      'Straße',
      'café',
      'Ｔａｌｉｂａｎ',
      'e\u0301te',
    ]);
    expect(terms(text)).toEqual(['fine', 'strasse', 'cafe', 'taliban', 'ete']);
  });

  it('keeps letters outside the BMP together with their word', () => {
    const text = 'a𝐀b c';
    expect(tokenize(text)).toEqual([
      { term: 'aab', start: 0, end: 4 },
      { term: 'c', start: 5, end: 6 },
    ]);
  });

  it('cuts Chinese and Japanese into dictionary words with Intl.Segmenter', () => {
    expect(terms('日本語のtext')).toEqual(['日本語', 'の', 'text']);
    expect(terms('塔利班控制了阿富汗三分之二的领土。')).toContain('阿富汗');
    expect(terms('コーヒーを飲みました')).toContain('コーヒー');
  });

  it('keeps words joined by invisible characters whole, and drops Arabic tatweel', () => {
    // U+200C (zero-width non-joiner) is part of Persian spelling; U+0640 stretches a word.
    expect(terms('می\u200cخواهم')).toEqual(['میخواهم']);
    expect(terms('كتـــاب')).toEqual(['كتاب']);
    expect(terms('soft\u00adhyphen')).toEqual(['softhyphen']);
  });

  it('finds the end of a token from its start', () => {
    const text = 'the #Taliban forces';
    expect(tokenEndAt(text, 5)).toBe(12);
  });
});
