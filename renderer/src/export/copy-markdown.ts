import type { MarginApi } from '../../../electron/common/api';

type Notify = (text: string, tone?: 'info' | 'error') => void;

/** "Copy as Markdown" on one highlight: the quote, its block id, link and note, as exported. */
export async function copyHighlightMarkdown(api: MarginApi, highlightId: string, notify: Notify) {
  try {
    await navigator.clipboard.writeText(await api.exportHighlight(highlightId));
    notify('Highlight copied as Markdown');
  } catch (error) {
    notify(`Could not copy the highlight: ${(error as Error).message}`, 'error');
  }
}
