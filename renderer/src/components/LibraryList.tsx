import { useRef, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../electron/common/api';
import { formatDate, plural, sourceLabel } from '../format';

interface Props {
  articles: ArticleSummary[];
  openId: string | null;
  onOpen(id: string): void;
  onToggleRead(article: ArticleSummary): void;
  onToggleFavorite(article: ArticleSummary): void;
  onDelete(article: ArticleSummary): void;
}

/** The library, newest first. Arrow keys move between articles; Enter opens one. */
export function LibraryList(props: Props) {
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onOpen(id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling =
        event.key === 'ArrowDown'
          ? event.currentTarget.nextElementSibling
          : event.currentTarget.previousElementSibling;
      (sibling as HTMLElement | null)?.focus();
    }
  };

  return (
    <ul className="article-list" aria-label="Library" ref={listRef}>
      {props.articles.map((a) => {
        const details = [
          sourceLabel(a),
          `saved ${formatDate(a.savedAt)}`,
          `${a.readingMinutes} min read`,
          plural(a.highlightCount, 'highlight'),
          a.read ? 'read' : 'unread',
          a.favorite ? 'favorite' : '',
        ].filter(Boolean);
        return (
          <li
            key={a.id}
            tabIndex={0}
            aria-label={`${a.title}, ${details.join(', ')}`}
            aria-current={a.id === props.openId ? 'true' : undefined}
            className={`article-item${a.read ? ' is-read' : ''}`}
            onClick={() => props.onOpen(a.id)}
            onKeyDown={(e) => onKeyDown(e, a.id)}
          >
            <div className="article-title">
              {a.favorite && (
                <span className="star" aria-hidden="true">
                  ★{' '}
                </span>
              )}
              {a.title}
            </div>
            <div className="article-meta">
              <span>{sourceLabel(a)}</span>
              <span>{formatDate(a.savedAt)}</span>
              <span>{a.readingMinutes} min</span>
              <span>{plural(a.highlightCount, 'highlight')}</span>
            </div>
            <div className="article-actions" onClick={(e) => e.stopPropagation()}>
              <button type="button" onClick={() => props.onToggleRead(a)}>
                {a.read ? 'Mark unread' : 'Mark read'}
              </button>
              <button
                type="button"
                aria-pressed={a.favorite}
                onClick={() => props.onToggleFavorite(a)}
              >
                {a.favorite ? 'Unfavorite' : 'Favorite'}
              </button>
              <button type="button" onClick={() => props.onDelete(a)}>
                Delete
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
