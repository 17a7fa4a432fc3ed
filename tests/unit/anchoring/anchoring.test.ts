import { describe, expect, it } from 'vitest';
import { anchor, describeRange, matchQuote } from '../../../electron/common/anchoring';
import type { Selectors } from '../../../electron/common/model';
import { sampleArticleText } from './sample-article';

const article = sampleArticleText();

/** Selectors for the `occurrence`-th (0-based) appearance of `quote` in `text`. */
function describeQuote(text: string, quote: string, occurrence = 0): Selectors {
  let start = -1;
  for (let n = 0; n <= occurrence; n += 1) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" occurs fewer than ${occurrence + 1} times`);
  return describeRange(text, start, start + quote.length);
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

describe('describeRange', () => {
  it('keeps the quote with 32 characters of context either side and the position', () => {
    const start = article.indexOf('summarily executed');
    const [quote, position] = describeRange(article, start, start + 18);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'summarily executed',
      prefix: article.slice(start - 32, start),
      suffix: article.slice(start + 18, start + 50),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 18 });
  });

  it('clamps the context at the start and end of the text', () => {
    const [atStart] = describeRange(article, 0, 7);
    expect(atStart.prefix).toBe('');
    expect(atStart.exact).toBe('Taliban');
    const [atEnd] = describeRange(article, article.length - 5, article.length);
    expect(atEnd.suffix).toBe('');
    expect(atEnd.prefix).toHaveLength(32);
  });

  it('never cuts a surrogate pair in half in the context', () => {
    // 32 code units back from the quote, and 32 forward, fall between the halves of an emoji.
    const text = `😀${'x'.repeat(31)}quote${'y'.repeat(31)}😀`;
    const start = text.indexOf('quote');
    const [quote] = describeRange(text, start, start + 5);
    expect(quote.prefix).toBe('x'.repeat(31));
    expect(quote.suffix).toBe('y'.repeat(31));
  });

  it('rejects empty, reversed, out-of-bounds and fractional ranges', () => {
    expect(() => describeRange('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', -1, 2)).toThrow(RangeError);
    expect(() => describeRange('abc', 0, 4)).toThrow(RangeError);
    expect(() => describeRange('abc', 0.5, 2)).toThrow(RangeError);
  });
});

describe('anchor', () => {
  it('finds every described range again in the unchanged text (round trip)', () => {
    for (const quote of [
      'Taliban',
      'Human Rights Watch reported on August 3',
      '"Allahu Akhbar"',
      'Paula Bronstein/Getty',
      '#Taliban executions',
    ]) {
      const selectors = describeQuote(article, quote);
      const { start, end } = selectors[1];
      expect(anchor(article, selectors)).toEqual({ start, end, exact: true, score: 1 });
    }
  });

  it('tells a repeated quote apart by its prefix and suffix when the positions are stale', () => {
    const quote = 'U.S. embassy in Kabul';
    expect(occurrences(article, quote)).toHaveLength(3);
    const selectors = describeQuote(article, quote, 1);
    // A long passage inserted early on moves the second occurrence so far that the old position
    // is now nearer the first one: only the context can pick the right one.
    const filler = 'More reporting followed in the days after. '.repeat(40);
    const edited = article.replace('Human Rights Watch', `${filler}Human Rights Watch`);
    const [first, second] = occurrences(edited, quote);
    const hint = selectors[1].start;
    expect(Math.abs((first ?? 0) - hint)).toBeLessThan(Math.abs((second ?? 0) - hint));
    expect(anchor(edited, selectors)).toMatchObject({
      start: second,
      end: (second ?? 0) + quote.length,
      exact: true,
    });
  });

  it('prefers the occurrence whose context matches even when the position hint points at another', () => {
    const text = 'alpha war crimes beta. gamma war crimes delta. epsilon war crimes zeta.';
    const selectors = describeQuote(text, 'war crimes', 1);
    const misleading: Selectors = [
      selectors[0],
      { type: 'TextPositionSelector', start: 0, end: 3 },
    ];
    expect(anchor(text, misleading)?.start).toBe(text.indexOf('war crimes', 10));
  });

  it('still anchors after text is inserted before the quote (the position shifts)', () => {
    const quote = 'Dawlat Abad in Faryab province';
    const selectors = describeQuote(article, quote);
    const inserted = 'Editor\u2019s note: this article was updated.\n\n';
    const edited = inserted + article;
    const anchored = anchor(edited, selectors);
    const start = edited.indexOf(quote);
    expect(anchored).toMatchObject({ start, end: start + quote.length, exact: true });
  });

  it('anchors fuzzily after a small edit inside the quote', () => {
    const quote = 'a serious violation of the Geneva Conventions and a war crime';
    const selectors = describeQuote(article, quote);
    const edited = article.replace(
      'a serious violation of the Geneva Conventions',
      'a grave violation of the Geneva Convention',
    );
    const anchored = anchor(edited, selectors);
    const start = edited.indexOf('a grave violation');
    expect(anchored).toMatchObject({
      start,
      end: edited.indexOf('a war crime', start) + 'a war crime'.length,
      exact: false,
    });
  });

  it('returns null (an orphan) when the quoted passage was removed', () => {
    const quote = 'The footage shows bodies laid out across an outdoor market';
    const selectors = describeQuote(article, quote);
    const paragraphStart = article.indexOf('The footage shows');
    const paragraphEnd = article.indexOf('\n', paragraphStart);
    const edited = article.slice(0, paragraphStart) + article.slice(paragraphEnd + 1);
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('anchors a quote that spans paragraphs, newlines included', () => {
    const from = article.indexOf('(God is great).');
    const to = article.indexOf('for further comment') + 'for further comment'.length;
    const selectors = describeRange(article, from, to);
    expect(selectors[0].exact).toContain('\n\nNewsweek has contacted');
    expect(anchor(article, selectors)).toEqual({ start: from, end: to, exact: true, score: 1 });
    // And after the paragraphs were re-wrapped with a single newline, fuzzily.
    const rewrapped = article.replace('(God is great).\n\nNewsweek', '(God is great).\nNewsweek');
    const anchored = anchor(rewrapped, selectors);
    expect(anchored?.exact).toBe(false);
    expect(rewrapped.slice(anchored?.start, anchored?.end)).toBe(
      '(God is great).\nNewsweek has contacted the U.S. embassy in Kabul for further comment',
    );
  });

  it('rejects a stale position whose text is no longer the quote', () => {
    const selectors = describeQuote(article, 'Lashkar Gah');
    const edited = `XXXX${article}`;
    const anchored = anchor(edited, selectors);
    expect(anchored?.start).toBe(selectors[1].start + 4);
  });
});

describe('matchQuote', () => {
  it('does not match a short quote fuzzily', () => {
    expect(matchQuote('the war was over', 'waz')).toBeNull();
  });

  it('returns null when the closest passage keeps less than three quarters of the quote', () => {
    expect(matchQuote(article, 'The embassy in Paris denied every report today')).toBeNull();
  });

  it('scores an exact match with matching context as 1', () => {
    const text = 'one two three';
    expect(matchQuote(text, 'two', { prefix: 'one ', suffix: ' three', hint: 4 })).toMatchObject({
      start: 4,
      end: 7,
      score: 1,
      part: 'whole',
    });
  });
});
