import { useEffect, useRef, useState } from 'react';
import { QueryHelp } from './QueryHelp';
import './search.css';

/** The library's search box, with a "?" button that opens the query language's help. */
export function SearchBox(props: { query: string; onChange(query: string): void }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  // The help closes on Escape or a click anywhere else.
  useEffect(() => {
    if (!helpOpen) return;
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setHelpOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setHelpOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [helpOpen]);

  return (
    <div className="search-box" ref={box}>
      <input
        type="search"
        className="search"
        aria-label="Search library"
        placeholder="Search titles, text, highlights, notes…"
        value={props.query}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onChange('');
          if (e.key === 'ArrowDown')
            (document.querySelector('.article-list li') as HTMLElement | null)?.focus();
        }}
      />
      <button
        type="button"
        className="search-help-button"
        aria-label="Search help"
        aria-expanded={helpOpen}
        title="How to search"
        onClick={() => setHelpOpen((open) => !open)}
      >
        ?
      </button>
      {helpOpen && <QueryHelp onUse={(example) => props.onChange(example)} />}
    </div>
  );
}
