import type { Highlight } from '../../../electron/common/model';

interface Props {
  orphans: Highlight[];
  /** Whether text is selected in the article (where "Re-attach here" would put the highlight). */
  canReattach: boolean;
  onReattach(id: string): void;
  onDelete(id: string): void;
}

/**
 * Highlights whose passage was not found in the article's text (after an update, say). They are
 * kept with their quote and note until the user re-attaches them to newly selected text or
 * deletes them; nothing here happens without the user asking.
 */
export function OrphanList({ orphans, canReattach, onReattach, onDelete }: Props) {
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" aria-labelledby="orphans-heading">
      <h3 id="orphans-heading">Orphaned highlights</h3>
      <p className="orphans-help">
        These passages are no longer found in the text. Select the passage in the article, then
        choose “Re-attach here”.
      </p>
      <ol className="highlight-list" aria-label="Orphaned highlights">
        {orphans.map((highlight) => (
          <li key={highlight.id} className={`orphan hl-border-${highlight.color}`}>
            <blockquote className="quote">{highlight.selectors[0].exact}</blockquote>
            {highlight.note && <p className="note-preview">{highlight.note}</p>}
            <div className="editor-row">
              <button
                type="button"
                disabled={!canReattach}
                title={canReattach ? undefined : 'Select the passage in the article first'}
                onMouseDown={(e) => e.preventDefault() /* keep the selection */}
                onClick={() => onReattach(highlight.id)}
              >
                Re-attach here
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  if (window.confirm('Delete this highlight and its note?')) onDelete(highlight.id);
                }}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
