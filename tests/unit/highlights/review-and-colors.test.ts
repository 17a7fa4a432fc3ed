import { afterEach, describe, expect, it } from 'vitest';
import { dueHighlights, nextReview } from '../../../electron/common/highlights/review';
import type { Highlight } from '../../../electron/common/model';
import type { MarginServices } from '../../../electron/core/services';
import { tempLibrary, textFile } from '../../support/library';

const DAY = 24 * 3600 * 1000;

function highlight(id: string, createdAt: string, review?: Highlight['review']): Highlight {
  return {
    id,
    articleId: 'a',
    selectors: [
      { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: id.length },
    ],
    color: 'yellow',
    note: '',
    createdAt,
    updatedAt: createdAt,
    ...(review ? { review } : {}),
  };
}

describe('daily review (spaced repetition)', () => {
  const now = new Date('2026-03-10T09:00:00Z');

  it('offers never-reviewed and due highlights, oldest first, a few a day', () => {
    const all = Array.from({ length: 8 }, (_, i) =>
      highlight(`h${i}`, `2026-01-0${i + 1}T00:00:00Z`),
    );
    all.push(
      highlight('later', '2025-01-01T00:00:00Z', { due: '2026-03-20T00:00:00Z', intervalDays: 8 }),
    );
    all.push(
      highlight('gone', '2025-01-01T00:00:00Z', {
        due: '2026-01-01T00:00:00Z',
        intervalDays: 3,
        dismissed: true,
      }),
    );
    expect(dueHighlights(all, now).map((h) => h.id)).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
  });

  it('counts what was answered today against the day’s few', () => {
    const answered = highlight('done', '2026-01-01T00:00:00Z', nextReview({}, 'keep', now));
    const rest = Array.from({ length: 6 }, (_, i) =>
      highlight(`h${i}`, `2026-02-0${i + 1}T00:00:00Z`),
    );
    expect(dueHighlights([answered, ...rest], now)).toHaveLength(4);
  });

  it('shows a kept highlight again after intervals that grow, a favorite sooner, a dismissed one never', () => {
    const first = nextReview({}, 'keep', now);
    expect(first.intervalDays).toBe(1);
    expect(Date.parse(first.due) - now.getTime()).toBe(DAY);
    const second = nextReview({ review: first }, 'keep', now);
    const third = nextReview({ review: second }, 'keep', now);
    expect(second.intervalDays).toBeGreaterThan(first.intervalDays);
    expect(third.intervalDays).toBeGreaterThan(second.intervalDays);
    const favorite = nextReview({ review: second, favorite: true }, 'keep', now);
    expect(favorite.intervalDays).toBeLessThan(third.intervalDays);
    const dismissed = nextReview({ review: second }, 'dismiss', now);
    expect(
      dueHighlights(
        [highlight('x', '2026-01-01T00:00:00Z', dismissed)],
        new Date(now.getTime() + 1000 * DAY),
      ),
    ).toEqual([]);
  });
});

describe('review, notebook and color meanings in the library', () => {
  let services: MarginServices | null = null;
  afterEach(async () => {
    await services?.close();
    services = null;
  });

  it('persists review answers and favorites, and lists every highlight with its article', async () => {
    services = await tempLibrary();
    const { library } = services;
    const { imported } = await library.importFiles([
      textFile('one.txt', 'One\n\nAlpha beta gamma delta.'),
      textFile('two.txt', 'Two\n\nEpsilon zeta eta theta.'),
    ]);
    const [one, two] = imported.map((a) => a.id) as [string, string];
    const a = await library.highlightQuote(one, 'beta gamma');
    const b = await library.highlightQuote(two, 'zeta eta');
    const notebook = await library.listAllHighlights();
    expect(notebook.map((e) => [e.articleTitle, e.highlight.selectors[0].exact]).sort()).toEqual([
      ['One', 'beta gamma'],
      ['Two', 'zeta eta'],
    ]);
    expect((await library.getReview()).map((e) => e.highlight.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    await library.answerReview(a.id, 'favorite');
    await library.answerReview(b.id, 'dismiss');
    expect(await library.getReview()).toEqual([]);
    const saved = services.archive.data.highlights.find((h) => h.id === a.id)!;
    expect(saved.favorite).toBe(true);
    expect(saved.review?.intervalDays).toBe(1);
  });

  it('keeps user-edited color meanings and exports them as tags on each highlight', async () => {
    services = await tempLibrary();
    const { library } = services;
    const {
      imported: [article],
    } = await library.importFiles([textFile('one.txt', 'One\n\nAlpha beta gamma delta.')]);
    const h = await library.highlightQuote(article!.id, 'beta gamma');
    // Before any edit, the default meaning of yellow is the tag.
    expect((await library.exportArticle(article!.id)).markdown).toContain('#key-idea');
    await library.updateHighlight(h.id, { color: 'blue' });
    const settings = await library.updateColorMeanings({ blue: 'Follow up later' });
    expect(settings.colorMeanings).toMatchObject({ blue: 'Follow up later', yellow: 'key idea' });
    expect((await library.getSettings()).colorMeanings.blue).toBe('Follow up later');
    const { markdown } = await library.exportArticle(article!.id);
    expect(markdown).toContain('#Follow-up-later');
    const refused = await services.dispatch('updateColorMeanings', [{ purple: 'x' }]);
    expect(refused.ok).toBe(false);
  });
});
