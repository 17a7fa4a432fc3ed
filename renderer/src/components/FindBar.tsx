import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { findAll, foldWithMap } from '../reader/find-in-text';
import { offsetsToRange } from '../reader/text-offsets';

interface Props {
  /** The article body element whose text is searched. */
  bodyRef: RefObject<HTMLElement | null>;
  text: string;
  onClose(): void;
  scrollTo(range: Range): void;
}

type HighlightRegistry = Map<string, unknown>;
type HighlightCtor = new (...ranges: Range[]) => unknown;

/**
 * Find in article (Ctrl/Cmd+F): every match is marked with the CSS Custom Highlight API, so the
 * article's DOM (and with it the highlight offsets) is never touched.
 */
export function FindBar({ bodyRef, text, onClose, scrollTo }: Props) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const folded = useMemo(() => foldWithMap(text), [text]);
  const matches = useMemo(() => findAll(folded, query), [folded, query]);
  const index = matches.length === 0 ? 0 : Math.min(current, matches.length - 1);

  useEffect(() => inputRef.current?.focus(), []);

  useEffect(() => {
    const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
    const Ctor = (window as unknown as { Highlight?: HighlightCtor }).Highlight;
    const body = bodyRef.current;
    if (!body) return;
    const ranges = matches.map((m) => offsetsToRange(body, m.start, m.end));
    const active = ranges[index];
    if (active) scrollTo(active);
    if (!registry || !Ctor) return;
    registry.set('find-match', new Ctor(...ranges.filter((r): r is Range => r !== null)));
    if (active) registry.set('find-current', new Ctor(active));
    else registry.delete('find-current');
    return () => {
      registry.delete('find-match');
      registry.delete('find-current');
    };
  }, [bodyRef, matches, index, scrollTo]);

  const step = (delta: number) => {
    if (matches.length === 0) return;
    setCurrent((index + delta + matches.length) % matches.length);
  };

  return (
    <div className="find-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query.trim() ? (matches.length ? `${index + 1} of ${matches.length}` : 'No matches') : ''}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        onClick={() => step(-1)}
        disabled={!matches.length}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        onClick={() => step(1)}
        disabled={!matches.length}
      >
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
