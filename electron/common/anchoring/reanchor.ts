import type { Selectors } from '../model';
import { anchor, prepareAnchorText } from './anchor';
import { describeRange } from './describe';
import { buildPositionMap } from './position-map';

/** What became of a highlight when its article's text was replaced. */
export type ReanchorResult =
  | {
      status: 'anchored';
      start: number;
      end: number;
      /** Fresh selectors against the new text: store these in place of the old ones. */
      selectors: Selectors;
    }
  | {
      /** Its passage is gone or can't be found with confidence: keep the highlight, unplaced. */
      status: 'orphaned';
    };

export type AnchorStatus = ReanchorResult['status'];

export interface HighlightToReanchor {
  id: string;
  selectors: Selectors;
}

/**
 * Re-anchors every highlight on `newText`, e.g. when "Update from source" replaced an article's
 * content. Each highlight is placed on its own, so overlapping highlights stay distinct (never
 * merged), and one that can't be placed with confidence is orphaned rather than guessed. Keyed
 * by highlight id (a repeated id keeps its last result). With `oldText` (the text the selectors
 * were made on), each highlight's old position is carried into the new text first (see
 * position-map.ts): that is what tells a passage from a copy of it.
 */
export function reanchorHighlights(
  newText: string,
  highlights: readonly HighlightToReanchor[],
  oldText?: string,
): Map<string, ReanchorResult> {
  const prepared = prepareAnchorText(newText);
  const map = oldText === undefined ? null : buildPositionMap(oldText, newText);
  const results = new Map<string, ReanchorResult>();
  for (const { id, selectors } of highlights) {
    // A near pin, or pins on both sides that agree, confirm where it went (see position-map.ts).
    const sure = map?.(selectors[1].start, true);
    const hint = sure ?? map?.(selectors[1].start);
    const place = anchor(prepared, selectors, hint, sure !== undefined);
    results.set(
      id,
      place
        ? {
            status: 'anchored',
            start: place.start,
            end: place.end,
            selectors: describeRange(newText, place.start, place.end),
          }
        : { status: 'orphaned' },
    );
  }
  return results;
}
