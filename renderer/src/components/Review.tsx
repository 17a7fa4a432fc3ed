import { useEffect, useState } from 'react';
import type { MarginApi, NotebookEntry } from '../../../electron/common/api';

interface Props {
  api: MarginApi;
  onOpen(entry: NotebookEntry): void;
  notify(text: string, tone?: 'info' | 'error'): void;
}

const ACTIONS = [
  { action: 'keep', label: 'Keep', help: 'Show it again later, after a longer interval' },
  { action: 'favorite', label: 'Favorite', help: 'Keep it as a favorite' },
  { action: 'dismiss', label: 'Dismiss', help: 'Do not show it in the review again' },
] as const;

/** Today's review: a few highlights chosen by spaced repetition, each kept, favorited or dismissed. */
export function Review({ api, onOpen, notify }: Props) {
  const [entries, setEntries] = useState<NotebookEntry[] | null>(null);

  useEffect(() => {
    api
      .getReview()
      .then(setEntries, (error: Error) =>
        notify(`Could not load the review: ${error.message}`, 'error'),
      );
  }, [api, notify]);

  const answer = async (entry: NotebookEntry, action: (typeof ACTIONS)[number]['action']) => {
    try {
      await api.answerReview(entry.highlight.id, action);
      setEntries((es) => (es ?? []).filter((e) => e.highlight.id !== entry.highlight.id));
    } catch (error) {
      notify(`The answer was not saved: ${(error as Error).message}`, 'error');
    }
  };

  return (
    <section className="review" aria-labelledby="review-heading">
      <h1 id="review-heading">Daily review</h1>
      {entries && entries.length === 0 && (
        <p className="empty-note">Nothing to review today. Come back tomorrow.</p>
      )}
      <ol className="review-list" aria-label="Highlights to review">
        {(entries ?? []).map((entry) => (
          <li key={entry.highlight.id} className={`review-card hl-border-${entry.highlight.color}`}>
            <blockquote className="quote">{entry.highlight.selectors[0].exact}</blockquote>
            {entry.highlight.note && <p className="note-preview">{entry.highlight.note}</p>}
            <p className="notebook-source">
              <button type="button" className="link-button" onClick={() => onOpen(entry)}>
                {entry.articleTitle}
              </button>
            </p>
            <div className="editor-row">
              {ACTIONS.map(({ action, label, help }) => (
                <button
                  key={action}
                  type="button"
                  title={help}
                  onClick={() => void answer(entry, action)}
                >
                  {label}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
