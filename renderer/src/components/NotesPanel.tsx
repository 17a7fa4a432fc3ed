import { useEffect, useRef, useState } from 'react';
import type { ArticleContent, MarginApi } from '../../../electron/common/api';
import {
  HIGHLIGHT_COLORS,
  type Highlight,
  type HighlightColor,
} from '../../../electron/common/model';
import { OrphanList } from './OrphanList';
import { copyHighlightMarkdown } from '../export/copy-markdown';

export interface PlacedHighlight {
  highlight: Highlight;
  /** Where it sits in the article's text now; null if it could not be found (an orphan). */
  place: { start: number; end: number } | null;
}

interface Props {
  api: MarginApi;
  article: ArticleContent;
  placed: PlacedHighlight[];
  activeId: string | null;
  onActivate(id: string): void;
  onHighlightChanged(h: Highlight): void;
  onHighlightDeleted(id: string): void;
  onClose(): void;
  notify(text: string, tone?: 'info' | 'error'): void;
  /** Whether text is selected in the article, to re-attach an orphan to. */
  canReattach: boolean;
  onReattach(id: string): void;
  /** What each color means (library settings), shown on its swatch. */
  colorMeanings: Partial<Record<HighlightColor, string>>;
}

const SAVE_DELAY_MS = 400;

/**
 * Saves a text field a moment after the user stops typing, and at once when it loses focus or
 * goes away, so no keystroke is lost to a reload.
 */
function useDebouncedSave(save: (value: string) => Promise<unknown>, initial: string) {
  const [value, setValue] = useState(initial);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current === null) return;
    const v = pending.current;
    pending.current = null;
    void saveRef.current(v);
  };
  useEffect(() => flush, []);

  const change = (v: string) => {
    setValue(v);
    pending.current = v;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };
  return { value, change, flush };
}

function HighlightEditor(props: {
  api: MarginApi;
  highlight: Highlight;
  onChanged(h: Highlight): void;
  onDeleted(id: string): void;
  onClose(): void;
  notify: Props['notify'];
  colorMeanings: Props['colorMeanings'];
}) {
  const { api, highlight, notify } = props;
  const note = useDebouncedSave(async (value) => {
    try {
      props.onChanged(await api.updateHighlight(highlight.id, { note: value }));
    } catch (error) {
      notify(`The note was not saved: ${(error as Error).message}`, 'error');
    }
  }, highlight.note);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => areaRef.current?.focus(), []);

  return (
    <div className="highlight-editor">
      <label className="field-label" htmlFor={`note-${highlight.id}`}>
        Note
      </label>
      <textarea
        id={`note-${highlight.id}`}
        ref={areaRef}
        aria-label="Note"
        placeholder="Write a note about this passage (Markdown)"
        value={note.value}
        onChange={(e) => note.change(e.target.value)}
        onBlur={note.flush}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            note.flush();
            props.onClose();
          }
        }}
        rows={4}
      />
      <div className="editor-row">
        <div className="colors" role="group" aria-label="Highlight color">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch hl-${color}`}
              aria-label={`Color ${color}`}
              title={props.colorMeanings[color] ? `${color}: ${props.colorMeanings[color]}` : color}
              aria-pressed={highlight.color === color}
              onClick={async () => {
                try {
                  props.onChanged(await api.updateHighlight(highlight.id, { color }));
                } catch (error) {
                  notify(`Could not change the color: ${(error as Error).message}`, 'error');
                }
              }}
            />
          ))}
        </div>
        {props.colorMeanings[highlight.color] && (
          <span className="color-meaning">{props.colorMeanings[highlight.color]}</span>
        )}
        <button type="button" onClick={() => void copyHighlightMarkdown(api, highlight.id, notify)}>
          Copy highlight as Markdown
        </button>
        <button
          type="button"
          className="danger"
          onClick={async () => {
            try {
              await api.deleteHighlight(highlight.id);
              props.onDeleted(highlight.id);
            } catch (error) {
              notify(`Could not delete the highlight: ${(error as Error).message}`, 'error');
            }
          }}
        >
          Delete highlight
        </button>
      </div>
    </div>
  );
}

export function NotesPanel(props: Props) {
  const { api, article, notify } = props;
  const articleNote = useDebouncedSave(async (value) => {
    try {
      await api.updateArticle(article.meta.id, { note: value });
    } catch (error) {
      notify(`The article note was not saved: ${(error as Error).message}`, 'error');
    }
  }, article.meta.note);

  const anchored = props.placed.filter((p) => p.place);
  const orphans = props.placed.filter((p) => !p.place);

  return (
    <aside className="notes-panel" aria-label="Notes">
      <h2>Highlights</h2>
      {anchored.length === 0 && (
        <p className="empty-note">
          Select text and press “Highlight” (or the h key) to keep a passage.
        </p>
      )}
      <ol className="highlight-list">
        {anchored.map(({ highlight }) => (
          <li key={highlight.id} className={highlight.id === props.activeId ? 'active' : undefined}>
            <button
              type="button"
              className={`quote-button hl-border-${highlight.color}`}
              onClick={() => props.onActivate(highlight.id)}
            >
              <span className="quote">{highlight.selectors[0].exact}</span>
              {highlight.note && highlight.id !== props.activeId && (
                <span className="note-preview">{highlight.note}</span>
              )}
            </button>
            {highlight.id === props.activeId && (
              <HighlightEditor
                key={highlight.id}
                api={api}
                highlight={highlight}
                onChanged={props.onHighlightChanged}
                onDeleted={props.onHighlightDeleted}
                onClose={props.onClose}
                notify={notify}
                colorMeanings={props.colorMeanings}
              />
            )}
          </li>
        ))}
      </ol>
      <OrphanList
        orphans={orphans.map((p) => p.highlight)}
        canReattach={props.canReattach}
        onReattach={props.onReattach}
        onDelete={async (hid) => {
          try {
            await api.deleteHighlight(hid);
            props.onHighlightDeleted(hid);
          } catch (error) {
            notify(`Could not delete the highlight: ${(error as Error).message}`, 'error');
          }
        }}
      />
      <h2>
        <label htmlFor="article-note">Article note</label>
      </h2>
      <textarea
        id="article-note"
        aria-label="Article note"
        placeholder="Your thoughts on the whole article (Markdown)"
        value={articleNote.value}
        onChange={(e) => articleNote.change(e.target.value)}
        onBlur={articleNote.flush}
        rows={6}
      />
    </aside>
  );
}
