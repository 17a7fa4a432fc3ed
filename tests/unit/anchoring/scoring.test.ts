import { describe, expect, it } from 'vitest';
import {
  anchor,
  describeRange,
  matchQuote,
  MIN_CONFIDENCE,
} from '../../../electron/common/anchoring';
import type { Selectors } from '../../../electron/common/model';
import { sampleArticleText } from './sample-article';

const article = sampleArticleText();

function describeQuote(text: string, quote: string, occurrence = 0): Selectors {
  let start = -1;
  for (let n = 0; n <= occurrence; n += 1) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" occurs fewer than ${occurrence + 1} times`);
  return describeRange(text, start, start + quote.length);
}

function anchoredText(text: string, selectors: Selectors): string | null {
  const place = anchor(text, selectors);
  return place ? text.slice(place.start, place.end) : null;
}

const TREATY =
  'Background. In 1815 the treaty was signed in Vienna by the great powers of Europe, ending ' +
  'two decades of war.\n\nMuch later, historians asked whether the treaty was signed in Vienna ' +
  'or merely announced there, since the drafts travelled between several capitals.';

describe('scoring candidates together', () => {
  it('prefers a slightly edited quote in its own context over an exact copy elsewhere', () => {
    const selectors = describeQuote(TREATY, 'the treaty was signed in Vienna');
    // The highlighted sentence is edited ("in" becomes "at"); the exact words survive only in the
    // second paragraph, with unrelated text around them.
    const edited = TREATY.replace('signed in Vienna by', 'signed at Vienna by');
    const place = anchor(edited, selectors);
    expect(place).toMatchObject({ start: edited.indexOf('the treaty'), exact: false });
    expect(edited.slice(place?.start, place?.end)).toBe('the treaty was signed at Vienna');
  });

  it('compares the context by edit distance, so an edited prefix and suffix still count', () => {
    const text =
      'red fox jumps over the dog. A lazy cat sleeps. The quick red fox jumps over the dog.';
    const selectors = describeQuote(text, 'red fox jumps over', 1);
    // Both sides of the second occurrence are edited; neither occurrence keeps exact context.
    const edited = text.replace(
      'The quick red fox jumps over the dog.',
      'The quik red fox jumps over the dogs.',
    );
    const place = anchor(edited, [selectors[0], { ...selectors[1], start: 0, end: 3 }]);
    expect(place?.start).toBe(edited.lastIndexOf('red fox jumps over'));
  });

  it('counts runs of whitespace as one space, in the quote and in its context', () => {
    const from = article.indexOf('(God is great).');
    const to = article.indexOf('Newsweek has contacted') + 'Newsweek has contacted'.length;
    const selectors = describeRange(article, from, to);
    const reindented = article.replace(
      '(God is great).\n\nNewsweek',
      '(God is great).\n      \n    Newsweek',
    );
    const place = anchor(reindented, selectors);
    expect(place).toMatchObject({ exact: false, score: 1 });
    expect(reindented.slice(place?.start, place?.end)).toBe(
      '(God is great).\n      \n    Newsweek has contacted',
    );
  });
});

describe('confidence', () => {
  it('orphans a short quote that is gone from its place even if the words occur elsewhere', () => {
    const selectors = describeQuote(article, 'summarily executed');
    const edited = article.replace('had summarily executed detained', 'had detained');
    expect(anchor(edited, selectors)).toBeNull();
    // The same words elsewhere, among unrelated text, are not the highlight.
    const elsewhere = `${edited}\n\nThe soldiers were summarily executed, one report said.`;
    expect(anchor(elsewhere, selectors)).toBeNull();
  });

  it('orphans a highlight whose words were mostly rewritten, however well its context agrees', () => {
    const selectors = describeQuote(
      article,
      'shooting down members of an Afghan special forces unit',
    );
    const edited = article.replace(
      'shooting down members of an Afghan special forces unit',
      'attacking a convoy near the northern border crossing',
    );
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('anchors a short quote with one word changed when its context vouches for it', () => {
    const selectors = describeQuote(article, 'two-thirds of Afghanistan');
    const edited = article.replace('two-thirds of Afghanistan', 'three-quarters of Afghanistan');
    expect(anchoredText(edited, selectors)).toBe('three-quarters of Afghanistan');
  });

  it('reports a confidence of at least MIN_CONFIDENCE for every match it returns', () => {
    const edited = article.replace('Deeply disturbing', 'Very disturbing');
    const match = matchQuote(edited, 'Deeply disturbing & could constitute war crimes');
    expect(match?.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
  });
});

describe('position', () => {
  it('breaks a tie between identical passages by nearness to the old position', () => {
    // Copies 2 and 3 have the same quote and the same context: only position tells them apart.
    const paragraph = 'The committee met again and adjourned without a vote on the budget.';
    const text = `${paragraph}\n\n`.repeat(4);
    for (const copy of [1, 2]) {
      const selectors = describeQuote(text, 'adjourned without a vote', copy);
      const edited = `Update. ${text}`;
      expect(anchor(edited, selectors)?.start).toBe(selectors[1].start + 'Update. '.length);
    }
  });
});

describe('highlights across paragraph breaks', () => {
  const first = article.indexOf('The footage shows');
  const paragraphEnd = article.indexOf('\n\n', first);
  const secondEnd = article.indexOf('\n\n', paragraphEnd + 2);
  const quoteStart = article.indexOf('at least a dozen men');
  const quoteEnd = article.indexOf('for further comment') + 'for further comment'.length;

  it('anchors what is left next to its prefix when the second paragraph moved away', () => {
    const selectors = describeRange(article, quoteStart, quoteEnd);
    const moved = article.slice(paragraphEnd + 2, secondEnd);
    const edited = `${article.slice(0, paragraphEnd)}${article.slice(secondEnd)}\n\n${moved}`;
    const match = matchQuote(edited, selectors[0].exact, {
      prefix: selectors[0].prefix,
      suffix: selectors[0].suffix,
      hint: quoteStart,
    });
    expect(match?.part).toBe('head');
    expect(edited.slice(match?.start, match?.end)).toBe(
      'at least a dozen men being shot amid cries of "Allahu Akhbar" (God is great).',
    );
  });

  it('anchors what is left next to its suffix when the first paragraph was removed', () => {
    const selectors = describeRange(article, quoteStart, quoteEnd);
    const edited = article.slice(0, first) + article.slice(paragraphEnd + 2);
    const match = matchQuote(edited, selectors[0].exact, {
      prefix: selectors[0].prefix,
      suffix: selectors[0].suffix,
      hint: quoteStart,
    });
    expect(match?.part).toBe('tail');
    expect(edited.slice(match?.start, match?.end)).toBe(
      'Newsweek has contacted the U.S. embassy in Kabul for further comment',
    );
  });

  it('keeps both ends of a highlight whose middle paragraph was removed', () => {
    const start = article.indexOf('CNN reported that the killings');
    const end = article.indexOf('in Kabul for further') + 'in Kabul'.length;
    const selectors = describeRange(article, start, end);
    const edited = article.slice(0, first) + article.slice(paragraphEnd + 2);
    const match = matchQuote(edited, selectors[0].exact, {
      prefix: selectors[0].prefix,
      suffix: selectors[0].suffix,
      hint: start,
    });
    expect(match?.part).toBe('joined');
    expect(edited.slice(match?.start, match?.end)).toBe(
      'CNN reported that the killings took place on June 16 in the town of Dawlat Abad in ' +
        'Faryab province, close to the border with Turkmenistan.\n\nNewsweek has contacted the ' +
        'U.S. embassy in Kabul',
    );
  });
});

describe('long quotes', () => {
  /** Deterministic text of made-up words, in paragraphs. */
  function madeUpText(length: number): string {
    let state = 7;
    // mulberry32: a simple linear congruential generator repeats itself within this length.
    const next = (): number => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const words: string[] = [];
    let size = 0;
    while (size < length) {
      const word = Array.from({ length: 2 + Math.floor(next() * 8) }, () =>
        String.fromCharCode(97 + Math.floor(next() * 26)),
      ).join('');
      words.push(next() < 0.05 ? `${word}.\n\n` : word);
      size += word.length + 1;
    }
    return words.join(' ');
  }

  it('finds an edited quote of 2,000 characters in a 200,000-character article', () => {
    const text = madeUpText(200_000);
    const start = text.indexOf(' ', 100_000) + 1;
    const end = text.indexOf(' ', start + 2000);
    const selectors = describeRange(text, start, end);
    // Three words replaced and one inserted, inside the quote.
    const quote = selectors[0].exact;
    const words = quote.split(' ');
    words[10] = 'replaced';
    words[120] = 'changed';
    words[250] = 'altered';
    words.splice(200, 0, 'inserted');
    const edited = text.slice(0, start) + words.join(' ') + text.slice(end);
    const place = anchor(edited, selectors);
    expect(place).toMatchObject({ start, end: start + words.join(' ').length, exact: false });
  });
});
