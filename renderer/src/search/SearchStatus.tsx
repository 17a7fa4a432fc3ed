import type { SearchResults } from '../../../electron/common/api';

/**
 * Above the results: how far indexing has got (results cover only that much meanwhile), how
 * the query was read where it was not understood, and how many articles match.
 */
export function SearchStatus({ results }: { results: SearchResults }) {
  const { indexing, hints, total, hits } = results;
  return (
    <div className="search-status" aria-live="polite">
      {indexing && (
        <p className="search-indexing" role="status">
          {`Indexing… ${percent(indexing)}% — results so far`}
        </p>
      )}
      {hints.map((hint) => (
        <p key={hint} className="search-hint">
          {hint}
        </p>
      ))}
      {total > hits.length && (
        <p className="search-total">{`The best ${hits.length} of ${total} matches`}</p>
      )}
    </div>
  );
}

function percent({ done, total }: { done: number; total: number }): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}
