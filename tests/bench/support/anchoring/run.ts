import { performance } from 'node:perf_hooks';
import { describeRange, reanchorHighlights } from '../../../../electron/common/anchoring';
import type { Selectors } from '../../../../electron/common/model';
import type { CorpusPage } from './corpus-text';
import { editText, type EditedText } from './edit-text';
import { expectedRange, judge, whitespaceFlags, type Expected, type Verdict } from './judge';
import type { BenchOptions } from './options';
import { placeHighlights, type HighlightKind, type PlacedHighlight } from './place-highlights';
import { seededRandom, seedFor } from './random';
import { count, emptyTally, summarize, type Tally, type TallySummary } from './tally';

/** Figures for all pages, pages without repeated passages, and pages made of them. */
export interface Subsets<T> {
  all: T;
  distinct: T;
  repetitive: T;
}

export interface RateResult {
  ratePct: number;
  anchoring: Subsets<TallySummary>;
  /** The exact-quote-only baseline: the first indexOf of the quote, else an orphan. */
  baseline: Subsets<TallySummary>;
  byKind: Record<HighlightKind, TallySummary>;
  /** Highlights whose text was entirely deleted (the right outcome is an orphan). */
  deleted: number;
  /** Highlights torn apart by a paragraph move (see judge.ts). */
  split: number;
  byPage: Record<string, TallySummary>;
}

export interface BenchPage extends CorpusPage {
  repetitive: boolean;
}

interface Placed extends PlacedHighlight {
  selectors: Selectors;
}

export type FailureReporter = (failure: {
  page: string;
  highlight: Placed;
  edited: EditedText;
  expected: Expected;
  anchored: { start: number; end: number } | null;
  verdict: Verdict;
}) => void;

export function runRate(
  pages: readonly BenchPage[],
  rate: number,
  options: BenchOptions,
  onFailure: FailureReporter | null,
): RateResult {
  const tallies = () => ({ all: emptyTally(), distinct: emptyTally(), repetitive: emptyTally() });
  const anchoring = tallies();
  const baseline = tallies();
  const byKind: Record<HighlightKind, Tally> = {
    short: emptyTally(),
    long: emptyTally(),
    'multi-paragraph': emptyTally(),
  };
  const byPage = new Map<string, Tally>();
  let deleted = 0;
  let split = 0;
  for (const seed of options.seeds) {
    for (const page of pages) {
      const highlights: Placed[] = placeHighlights(
        page.text,
        options.perPage,
        seededRandom(seedFor(page.name, seed)),
      ).map((h) => ({ ...h, selectors: describeRange(page.text, h.start, h.end) }));
      const random = seededRandom(seedFor(page.name, seed * 7919 + Math.round(rate * 1000)));
      const edited = editText(page.text, rate, random, options.minMoves);
      const space = whitespaceFlags(page.text);
      const expected = highlights.map((h) =>
        expectedRange(h.selectors[0], space, edited, h.start, h.end),
      );
      deleted += expected.filter((e) => !e.range).length;
      split += expected.filter((e) => e.split).length;

      const subset = page.repetitive ? 'repetitive' : 'distinct';
      let started = performance.now();
      const results = reanchorHighlights(edited.text, highlights, page.text);
      const anchorMicros = (performance.now() - started) * 1000;
      started = performance.now();
      const naive = highlights.map(({ selectors }) => {
        const at = edited.text.indexOf(selectors[0].exact);
        return at === -1 ? null : { start: at, end: at + selectors[0].exact.length };
      });
      const baselineMicros = (performance.now() - started) * 1000;
      for (const t of [anchoring.all, anchoring[subset]]) t.totalMicros += anchorMicros;
      for (const t of [baseline.all, baseline[subset]]) t.totalMicros += baselineMicros;

      const pageTally = byPage.get(page.name) ?? emptyTally();
      byPage.set(page.name, pageTally);
      highlights.forEach((highlight, i) => {
        const result = results.get(highlight.id);
        const anchored = result?.status === 'anchored' ? result : null;
        const judgement = judge(edited, expected[i]!, anchored);
        for (const t of [anchoring.all, anchoring[subset], byKind[highlight.kind], pageTally]) {
          count(t, judgement);
        }
        const naiveJudgement = judge(edited, expected[i]!, naive[i] ?? null);
        for (const t of [baseline.all, baseline[subset]]) count(t, naiveJudgement);
        if (onFailure && judgement.verdict !== 'correct') {
          onFailure({
            page: page.name,
            highlight,
            edited,
            expected: expected[i]!,
            anchored,
            verdict: judgement.verdict,
          });
        }
      });
    }
  }
  const summaries = (t: Subsets<Tally>): Subsets<TallySummary> => ({
    all: summarize(t.all),
    distinct: summarize(t.distinct),
    repetitive: summarize(t.repetitive),
  });
  return {
    ratePct: Math.round(rate * 1000) / 10,
    anchoring: summaries(anchoring),
    baseline: summaries(baseline),
    byKind: {
      short: summarize(byKind.short),
      long: summarize(byKind.long),
      'multi-paragraph': summarize(byKind['multi-paragraph']),
    },
    deleted,
    split,
    byPage: Object.fromEntries([...byPage].map(([name, t]) => [name, summarize(t)])),
  };
}
