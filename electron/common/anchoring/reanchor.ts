import type { Selectors } from '../model';
import { anchor, prepareAnchorText } from './anchor';
import { describeRange } from './describe';

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
 * by highlight id (a repeated id keeps its last result).
 */
export function reanchorHighlights(
  newText: string,
  highlights: readonly HighlightToReanchor[],
): Map<string, ReanchorResult> {
  const prepared = prepareAnchorText(newText);
  const results = new Map<string, ReanchorResult>();
  for (const { id, selectors } of highlights) {
    const place = anchor(prepared, selectors);
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
