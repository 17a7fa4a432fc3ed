import { useEffect, useMemo, useState } from 'react';
import type { MarginApi, NotebookEntry } from '../../../electron/common/api';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../electron/common/model';
import { filterNotebook, type NotebookFilter } from '../highlights/notebook-filter';
import { ColorMeanings } from './ColorMeanings';
import '../highlights/highlights.css';

interface Props {
  api: MarginApi;
  /** Opens the article scrolled to the highlight (null offsets for an orphan). */
  onOpen(entry: NotebookEntry): void;
  notify(text: string, tone?: 'info' | 'error'): void;
}

/** Every highlight in the library, filterable by article, color and text. */
export function Notebook({ api, onOpen, notify }: Props) {
  const [entries, setEntries] = useState<NotebookEntry[] | null>(null);
  const [meanings, setMeanings] = useState<Partial<Record<HighlightColor, string>>>({});
  const [filter, setFilter] = useState<NotebookFilter>({ articleId: '', color: '', text: '' });

  useEffect(() => {
    api
      .listAllHighlights()
      .then(setEntries, (error: Error) =>
        notify(`Could not load the notebook: ${error.message}`, 'error'),
      );
    api.getSettings().then(
      (s) => setMeanings(s.colorMeanings),
      () => undefined,
    );
  }, [api, notify]);

  const articles = useMemo(() => {
    const titles = new Map<string, string>();
    for (const e of entries ?? []) titles.set(e.articleId, e.articleTitle);
    return [...titles];
  }, [entries]);
  const shown = useMemo(() => filterNotebook(entries ?? [], filter), [entries, filter]);

  return (
    <section className="notebook" aria-labelledby="notebook-heading">
      <h1 id="notebook-heading">Notebook</h1>
      <div className="notebook-filters" role="search">
        <label>
          Article{' '}
          <select
            value={filter.articleId}
            onChange={(e) => setFilter({ ...filter, articleId: e.target.value })}
          >
            <option value="">All articles</option>
            {articles.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Color{' '}
          <select
            value={filter.color}
            onChange={(e) => setFilter({ ...filter, color: e.target.value as HighlightColor | '' })}
          >
            <option value="">All colors</option>
            {HIGHLIGHT_COLORS.map((c) => (
              <option key={c} value={c}>
                {meanings[c] ? `${c}: ${meanings[c]}` : c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Text{' '}
          <input
            type="search"
            placeholder="Words in quotes and notes"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </label>
      </div>
      {entries && (
        <p className="notebook-count">
          {shown.length} of {entries.length} highlights
        </p>
      )}
      <ol className="notebook-list" aria-label="Notebook highlights">
        {shown.map((entry) => (
          <li key={entry.highlight.id}>
            <button
              type="button"
              className={`quote-button hl-border-${entry.highlight.color}`}
              onClick={() => onOpen(entry)}
            >
              <span className="quote">{entry.highlight.selectors[0].exact}</span>
              {entry.highlight.note && <span className="note-preview">{entry.highlight.note}</span>}
              <span className="notebook-source">
                {entry.articleTitle}
                {meanings[entry.highlight.color] ? ` · ${meanings[entry.highlight.color]}` : ''}
                {entry.highlight.orphaned ? ' · orphaned' : ''}
                {entry.highlight.favorite ? ' · ★' : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <ColorMeanings api={api} meanings={meanings} onSaved={setMeanings} notify={notify} />
    </section>
  );
}
