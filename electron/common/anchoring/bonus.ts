import type { CollapsedText } from './normalize';

/**
 * Evidence about a place beyond its text: where the highlight used to be, and whether it began
 * and ended a paragraph. Both are worth little next to the text itself, and never make a place
 * confident; they settle what the text leaves open.
 */

/**
 * A candidate at the old position gains a tenth of the length of the quote and its context,
 * fading to nothing at a distance of 5% of the article (at least 200 characters). Text rarely
 * moves far when an article changes, and position is all that tells a passage from a copy of it
 * (a repeated paragraph); a clearly better match elsewhere (a moved paragraph) still wins.
 * A position carried into the new text through the passages around it (see position-map.ts)
 * is far more reliable than the old offset, which a moved paragraph shifts: it gains half.
 */
const POSITION_SHARE = 0.1;
const MAPPED_POSITION_SHARE = 0.5;
const POSITION_RANGE_SHARE = 0.05;
const MIN_POSITION_RANGE = 200;

/** Gain (an edit's worth) for each edge that is a paragraph edge, as the highlight's was. */
const PARAGRAPH_EDGE_GAIN = 2;

export interface Bonus {
  /** Gain for starting at `start` (a collapsed offset), given the old position. */
  position(start: number): number;
  /** The most `position` can give. */
  maxPosition: number;
  /** Characters between `start` (a collapsed offset) and the old position (0 if unknown). */
  distance(start: number): number;
  /** Gain for `start`..`end` being a paragraph's edges where the highlight's were. */
  paragraphEdges(start: number, end: number): number;
  /** Whether the highlight began (`start`) and ended (`end`) a paragraph. */
  edges: { start: boolean; end: boolean };
}

export function bonusFor(
  text: CollapsedText,
  context: { prefix?: string; suffix?: string; hint?: number; mappedHint?: boolean },
  evidenceLength: number,
): Bonus {
  const { hint } = context;
  const rawLength = text.raw.length;
  const range = Math.max(MIN_POSITION_RANGE, POSITION_RANGE_SHARE * rawLength);
  const share = context.mappedHint ? MAPPED_POSITION_SHARE : POSITION_SHARE;
  const maxPosition = hint === undefined ? 0 : share * evidenceLength;
  // A line break in the whitespace between the quote and its context, or no context at all
  // (the quote started or ended the article).
  const edges = {
    start: /^$|[\n\r\u2028\u2029]\s*$/.test(context.prefix ?? ''),
    end: /^$|^\s*[\n\r\u2028\u2029]/.test(context.suffix ?? ''),
  };
  const startsParagraph = (i: number): boolean => i === 0 || text.lineBreaks[i - 1] === 1;
  const endsParagraph = (i: number): boolean => i === text.text.length || text.lineBreaks[i] === 1;
  const distance = (start: number): number =>
    hint === undefined ? 0 : Math.abs((text.rawStart[start] ?? rawLength) - hint);
  return {
    maxPosition,
    edges,
    distance,
    position: (start) => maxPosition * Math.max(0, 1 - distance(start) / range),
    paragraphEdges: (start, end) =>
      PARAGRAPH_EDGE_GAIN *
      ((edges.start && startsParagraph(start) ? 1 : 0) + (edges.end && endsParagraph(end) ? 1 : 0)),
  };
}
