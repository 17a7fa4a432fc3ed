import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
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

/** Rows have a fixed height so a list of 100,000 articles can render only what is on screen. */
export const ROW_HEIGHT = 78;
/** Below this many articles every row is in the DOM (friendlier to screen readers and Ctrl+F). */
const WINDOW_THRESHOLD = 300;
const OVERSCAN = 12;

/** The library, newest first. Arrow keys, Home and End move between articles; Enter opens one. */
export function LibraryList(props: Props) {
  const { articles } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const windowed = articles.length > WINDOW_THRESHOLD;
  const first = windowed ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = windowed
    ? Math.min(articles.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN)
    : articles.length;

  // Keyboard focus follows the index, scrolling the row into view so it exists in the DOM.
  useEffect(() => {
    if (focusIndex === null) return;
    const el = scrollRef.current;
    if (!el) return;
    const top = focusIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    }
    el.querySelector<HTMLElement>(`li[data-index="${focusIndex}"]`)?.focus();
  }, [focusIndex, first, last]);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number, id: string) => {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: articles.length - 1,
      PageDown: index + Math.floor(viewport / ROW_HEIGHT),
      PageUp: index - Math.floor(viewport / ROW_HEIGHT),
    };
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onOpen(id);
    } else if (event.key in moves) {
      event.preventDefault();
      setFocusIndex(Math.max(0, Math.min(articles.length - 1, moves[event.key] ?? index)));
    }
  };

  return (
    <div
      className="list-scroll"
      ref={scrollRef}
      onScroll={(e) => windowed && setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul
        className="article-list windowed"
        aria-label="Library"
        style={{ height: articles.length * ROW_HEIGHT }}
      >
        {articles.slice(first, last).map((a, offset) => {
          const index = first + offset;
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
              data-index={index}
              tabIndex={index === (focusIndex ?? 0) ? 0 : -1}
              aria-label={`${a.title}, ${details.join(', ')}`}
              aria-setsize={articles.length}
              aria-posinset={index + 1}
              aria-current={a.id === props.openId ? 'true' : undefined}
              className={`article-item${a.read ? ' is-read' : ''}`}
              style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
              onClick={() => props.onOpen(a.id)}
              onFocus={() => setFocusIndex(index)}
              onKeyDown={(e) => onKeyDown(e, index, a.id)}
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
                <span>{formatDate(a.savedAt)}</span>
                <span>{a.readingMinutes} min</span>
                <span>{plural(a.highlightCount, 'highlight')}</span>
                <span className="source">{sourceLabel(a)}</span>
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
    </div>
  );
}
