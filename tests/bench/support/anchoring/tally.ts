import type { Judgement } from './judge';

/** Counts of verdicts and time spent, for one method at one edit rate. */
export interface Tally {
  highlights: number;
  correct: number;
  orphaned: number;
  duplicate: number;
  wrong: number;
  /** Correct anchors whose boundaries are exactly the expected ones (whitespace aside). */
  exactBoundaries: number;
  totalMicros: number;
}

export function emptyTally(): Tally {
  return {
    highlights: 0,
    correct: 0,
    orphaned: 0,
    duplicate: 0,
    wrong: 0,
    exactBoundaries: 0,
    totalMicros: 0,
  };
}

export function count(tally: Tally, judgement: Judgement): void {
  tally.highlights += 1;
  tally[judgement.verdict] += 1;
  if (judgement.exactBoundaries) tally.exactBoundaries += 1;
}

export interface TallySummary {
  highlights: number;
  correct: number;
  orphaned: number;
  duplicate: number;
  wrong: number;
  correctPct: number;
  orphanedPct: number;
  /** Anchored on a duplicated passage that fits the selectors as well (see judge.ts). */
  duplicatePct: number;
  wrongPct: number;
  exactBoundariesPct: number;
  /** Mean time per highlight, where it was measured (not per kind or per page). */
  microsPerHighlight: number | null;
}

export function summarize(tally: Tally): TallySummary {
  const pct = (n: number): number =>
    tally.highlights === 0 ? 0 : Math.round((10000 * n) / tally.highlights) / 100;
  return {
    highlights: tally.highlights,
    correct: tally.correct,
    orphaned: tally.orphaned,
    duplicate: tally.duplicate,
    wrong: tally.wrong,
    correctPct: pct(tally.correct),
    orphanedPct: pct(tally.orphaned),
    duplicatePct: pct(tally.duplicate),
    wrongPct: pct(tally.wrong),
    exactBoundariesPct: pct(tally.exactBoundaries),
    microsPerHighlight:
      tally.highlights === 0 || tally.totalMicros === 0
        ? null
        : Math.round((10 * tally.totalMicros) / tally.highlights) / 10,
  };
}
