import type { NotebookEntry } from '../../../electron/common/api';
import type { HighlightColor } from '../../../electron/common/model';
import { foldText } from '../../../electron/common/text/fold';

export interface NotebookFilter {
  /** '' for every article. */
  articleId: string;
  /** '' for every color. */
  color: HighlightColor | '';
  /** Words that must all occur in the quote, the note or the article's title (case and accents ignored). */
  text: string;
}

export function filterNotebook(
  entries: readonly NotebookEntry[],
  filter: NotebookFilter,
): NotebookEntry[] {
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (filter.articleId && e.articleId !== filter.articleId) return false;
    if (filter.color && e.highlight.color !== filter.color) return false;
    if (words.length === 0) return true;
    const haystack = foldText(
      `${e.highlight.selectors[0].exact} ${e.highlight.note} ${e.articleTitle}`,
    );
    return words.every((w) => haystack.includes(w));
  });
}
