import { anchor } from '../anchoring';
import type { Highlight } from '../model';
import type { ArticleExport } from './views';

/**
 * Where each highlight is in the article's current text, for export: its start (for reading
 * order and `percent`), or orphaned when its passage can no longer be found. Spread the result
 * into an ArticleExport: `{ meta, highlights, ...placeHighlights(text, highlights) }`.
 */
export function placeHighlights(
  text: string,
  highlights: readonly Highlight[],
): Required<Pick<ArticleExport, 'positions' | 'orphanIds' | 'textLength'>> {
  const positions = new Map<string, number>();
  const orphanIds = new Set<string>();
  for (const highlight of highlights) {
    const place = anchor(text, highlight.selectors);
    if (place) positions.set(highlight.id, place.start);
    else orphanIds.add(highlight.id);
  }
  return { positions, orphanIds, textLength: text.length };
}
