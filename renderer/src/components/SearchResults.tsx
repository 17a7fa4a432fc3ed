import type { SearchHit } from '../../../electron/common/api';

/** The snippet as text with its matched words in <mark>; never HTML from the article. */
function Snippet({ hit }: { hit: SearchHit }) {
  const parts = [];
  let pos = 0;
  for (const [start, end] of [...hit.marks].sort((a, b) => a[0] - b[0])) {
    if (start < pos) continue;
    if (start > pos) parts.push(hit.snippet.slice(pos, start));
    parts.push(<mark key={start}>{hit.snippet.slice(start, end)}</mark>);
    pos = end;
  }
  parts.push(hit.snippet.slice(pos));
  return <p className="snippet">{parts}</p>;
}

export function SearchResults(props: {
  query: string;
  hits: SearchHit[];
  /** How many articles match in all; a button shows the next page while some are not shown. */
  total: number;
  openId: string | null;
  onOpen(hit: SearchHit): void;
  onShowMore(): void;
}) {
  if (props.hits.length === 0) {
    return <p className="empty-note">Nothing in your library matches “{props.query}”.</p>;
  }
  return (
    <>
      <ul className="article-list" aria-label="Search results">
        {props.hits.map((hit) => (
          <li
            key={hit.id}
            tabIndex={0}
            aria-label={`${hit.title}: ${hit.snippet}`}
            aria-current={hit.id === props.openId ? 'true' : undefined}
            className="article-item"
            onClick={() => props.onOpen(hit)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') props.onOpen(hit);
              if (e.key === 'ArrowDown')
                (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
              if (e.key === 'ArrowUp')
                (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
            }}
          >
            <div className="article-title">{hit.title}</div>
            <Snippet hit={hit} />
          </li>
        ))}
      </ul>
      {props.total > props.hits.length && (
        <button type="button" className="show-more" onClick={props.onShowMore}>
          Show more ({props.total - props.hits.length} more)
        </button>
      )}
    </>
  );
}
