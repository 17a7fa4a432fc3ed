import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  describeRange,
  reanchorHighlights,
  type AnchorStatus,
  type ReanchorResult,
} from '../../../electron/common/anchoring';
import type { Selectors } from '../../../electron/common/model';
import { sampleArticleText } from './sample-article';

const article = sampleArticleText();

function highlight(
  id: string,
  quote: string,
  occurrence = 0,
): { id: string; selectors: Selectors } {
  let start = -1;
  for (let n = 0; n <= occurrence; n += 1) start = article.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" not found`);
  return { id, selectors: describeRange(article, start, start + quote.length) };
}

/** The article as "Update from source" might bring it back: re-edited in several places. */
const updated = article
  .replace('Taliban Executions of Surrendering', 'Taliban Killings of Surrendering')
  .replace('The U.S. embassy in Kabul has said', 'The American embassy in Kabul said')
  .replace(
    'a serious violation of the Geneva Conventions',
    'a grave violation of the Geneva Conventions',
  )
  .replace(/The footage shows[^\n]*\n\n/, '')
  .replace('President Joe Biden said on Tuesday', 'On Tuesday, President Joe Biden said');

describe('reanchorHighlights', () => {
  it('re-anchors every highlight on the new text and gives it fresh selectors against it', () => {
    const results = reanchorHighlights(updated, [
      highlight('a', 'reported killings of surrendering Afghan troops'),
      highlight('b', 'a serious violation of the Geneva Conventions and a war crime'),
      highlight('c', 'he did not regret the troop withdrawal'),
    ]);
    expect(results.size).toBe(3);
    const edited = results.get('b');
    expect(edited?.status).toBe('anchored');
    if (edited?.status !== 'anchored') return;
    expect(updated.slice(edited.start, edited.end)).toBe(
      'a grave violation of the Geneva Conventions and a war crime',
    );
    expect(edited.selectors).toEqual(describeRange(updated, edited.start, edited.end));
    for (const id of ['a', 'c']) {
      const result = results.get(id);
      if (result?.status !== 'anchored') throw new Error(`${id} was orphaned`);
      expect(result.selectors[0].exact).toBe(updated.slice(result.start, result.end));
      expect(result.selectors[1]).toEqual({
        type: 'TextPositionSelector',
        start: result.start,
        end: result.end,
      });
    }
  });

  it('orphans a highlight whose passage is gone instead of guessing a place for it', () => {
    const results = reanchorHighlights(updated, [
      highlight('gone', 'bodies laid out across an outdoor market'),
      highlight('kept', 'Lashkar Gah, a key provincial capital'),
    ]);
    expect(results.get('gone')).toEqual({ status: 'orphaned' });
    expect(results.get('kept')?.status).toBe('anchored');
  });

  it('keeps overlapping highlights distinct, each on its own words', () => {
    const wide = highlight('wide', 'Taliban forces in Ghazni, Kandahar and other provinces');
    const narrow = highlight('narrow', 'Ghazni, Kandahar');
    const results = reanchorHighlights(updated, [wide, narrow]);
    const placed = ['wide', 'narrow'].map((id) => {
      const result = results.get(id);
      if (result?.status !== 'anchored') throw new Error(`${id} was orphaned`);
      return updated.slice(result.start, result.end);
    });
    expect(placed).toEqual([
      'Taliban forces in Ghazni, Kandahar and other provinces',
      'Ghazni, Kandahar',
    ]);
  });

  it('re-anchors a highlight across a paragraph break, the break and all', () => {
    const from = article.indexOf('the targeting of police headquarters.');
    const to = article.indexOf('cited U.S. intelligence') + 'cited U.S. intelligence'.length;
    const across = highlight('across', article.slice(from, to));
    expect(across.selectors[0].exact).toContain('\n\n');
    const reflowed = updated.replace(
      'headquarters.\n\nA U.S. defense',
      'headquarters.\n   \nA U.S. defense',
    );
    const result = reanchorHighlights(reflowed, [across]).get('across');
    if (result?.status !== 'anchored') throw new Error('orphaned');
    expect(reflowed.slice(result.start, result.end)).toBe(
      article.slice(from, to).replace('\n\n', '\n   \n'),
    );
  });

  it('keys results by highlight id and reports one of two statuses', () => {
    const results: Map<string, ReanchorResult> = reanchorHighlights(updated, []);
    expect(results.size).toBe(0);
    expectTypeOf<AnchorStatus>().toEqualTypeOf<'anchored' | 'orphaned'>();
  });
});
