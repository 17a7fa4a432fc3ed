import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArticleContent, MarginApi } from '../../../electron/common/api';
import { anchor, describeRange } from '../../../electron/common/anchoring';
import type { Highlight, HighlightColor } from '../../../electron/common/model';
import { markFocusableHighlights } from '../reader/focusable-highlights';
import { formatDate, isTyping, sourceLabel } from '../format';
import { IMPORT_ACCEPT, saveMarkdownFile, toImportFiles } from '../files';
import { MARK_ATTR, paintHighlights } from '../reader/paint-highlights';
import { openArticleLink } from '../reader/external-link';
import { offsetsToRange, rangeToOffsets } from '../reader/text-offsets';
import { setArticleHtml } from '../reader/trusted-html';
import { flashHighlight } from '../export/flash-highlight';
import { FindBar } from './FindBar';
import { NotesPanel, type PlacedHighlight } from './NotesPanel';

interface Props {
  api: MarginApi;
  article: ArticleContent;
  /** Text offsets to scroll to (the first search match), instead of the remembered position. */
  focus: { start: number; end: number } | null;
  /** A highlight to scroll to and flash (a `margin://` link); a new object each time. */
  focusHighlight?: { id: string } | null;
  onChanged(): void;
  notify(text: string, tone?: 'info' | 'error'): void;
  /** The article's content changed on disk (Update from source): open it afresh. */
  onReload?(): void;
}

const SCROLL_SAVE_MS = 600;

export function Reader({
  api,
  article,
  focus,
  focusHighlight = null,
  onChanged,
  notify,
  onReload,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [highlights, setHighlights] = useState<Highlight[]>(article.highlights);
  const [text, setText] = useState('');
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [finding, setFinding] = useState(false);
  const [colorMeanings, setColorMeanings] = useState<Partial<Record<HighlightColor, string>>>({});
  const updateInput = useRef<HTMLInputElement>(null);
  const id = article.meta.id;

  useEffect(() => {
    api.getSettings().then(
      (s) => setColorMeanings(s.colorMeanings),
      () => undefined,
    );
  }, [api]);

  // The body is untrusted (if sanitized) HTML: set once per article, outside React's reconciliation,
  // so that painting highlight marks into it is never undone by a re-render.
  useLayoutEffect(() => {
    const body = bodyRef.current!;
    setArticleHtml(body, article.html);
    setText(body.textContent ?? '');
    setHighlights(article.highlights);
    setActiveId(null);
    setSelection(null);
  }, [id, article.html, article.highlights]);

  const placed: PlacedHighlight[] = useMemo(
    () =>
      highlights
        .map((h) => ({
          highlight: h,
          // An orphan stays unplaced until the user re-attaches it, even if its words turn up.
          place: text && !h.orphaned ? anchor(text, h.selectors) : null,
        }))
        .sort((a, b) => (a.place?.start ?? Infinity) - (b.place?.start ?? Infinity)),
    [highlights, text],
  );

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || !text) return;
    paintHighlights(
      body,
      placed.flatMap(({ highlight, place }) =>
        place
          ? [
              {
                id: highlight.id,
                start: place.start,
                end: place.end,
                color: highlight.color,
                hasNote: highlight.note.trim() !== '',
              },
            ]
          : [],
      ),
    );
    for (const mark of body.querySelectorAll(`mark[${MARK_ATTR}="${activeId ?? ''}"]`)) {
      mark.classList.add('hl-active');
    }
    markFocusableHighlights(body);
  }, [placed, text, activeId]);

  // Where to start reading: the search match if we came from search, else where the reader left off.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const body = bodyRef.current;
    if (!scroller || !body || !text) return;
    if (focusHighlight) {
      if (flashHighlight(scroller, body, focusHighlight.id)) return;
      notify(
        'The linked highlight is no longer in this article (deleted, or its passage is gone).',
      );
    }
    if (focus) {
      const range = offsetsToRange(body, focus.start, focus.end);
      if (range) {
        const top = range.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
        scroller.scrollTop += top - scroller.clientHeight / 3;
        flashRange(range);
        return;
      }
    }
    scroller.scrollTop =
      article.meta.scrollPosition * (scroller.scrollHeight - scroller.clientHeight);
    // Only on opening an article, not on every highlight change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, text, focus, focusHighlight]);

  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onScroll = () => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const max = scroller.scrollHeight - scroller.clientHeight;
      const scrollPosition = max > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / max)) : 0;
      api.updateArticle(id, { scrollPosition }).catch(() => undefined);
    }, SCROLL_SAVE_MS);
  };
  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
    },
    [id],
  );

  useEffect(() => {
    const onSelectionChange = () => {
      const body = bodyRef.current;
      const sel = document.getSelection();
      if (!body || !sel || sel.rangeCount === 0 || sel.isCollapsed) return setSelection(null);
      setSelection(rangeToOffsets(body, sel.getRangeAt(0)));
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  const highlightSelection = useCallback(
    async (color: HighlightColor = 'yellow', openNote = true) => {
      if (!selection || !text) return;
      // Leading/trailing whitespace of a sloppy selection is not part of the quote.
      let { start, end } = selection;
      while (start < end && /\s/.test(text[start] ?? '')) start++;
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      if (end <= start) return;
      try {
        const created = await api.addHighlight({
          articleId: id,
          selectors: describeRange(text, start, end),
          color,
          note: '',
        });
        setHighlights((hs) => [...hs, created]);
        if (openNote) setActiveId(created.id);
        document.getSelection()?.removeAllRanges();
        onChanged();
      } catch (error) {
        notify(`Could not save the highlight: ${(error as Error).message}`, 'error');
      }
    },
    [api, id, selection, text, onChanged, notify],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setFinding(true);
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.key === 'h' || e.key === 'n') && selection) {
        // h keeps the passage; n keeps it and opens its note.
        e.preventDefault();
        void highlightSelection('yellow', e.key === 'n');
      } else if (e.key === 'Escape') {
        setActiveId(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, highlightSelection]);

  const onBodyClick = (e: React.MouseEvent) => {
    const target = e.target as HTMLElement;
    const link = target.closest('a');
    if (link) {
      e.preventDefault();
      openArticleLink(link, e.nativeEvent);
      return;
    }
    const mark = target.closest(`mark[${MARK_ATTR}]`);
    if (mark && document.getSelection()?.isCollapsed !== false) {
      setActiveId(mark.getAttribute(MARK_ATTR));
    }
  };

  const scrollToRange = useCallback((range: Range) => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const top = range.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    if (top < 0 || top > scroller.clientHeight - 40)
      scroller.scrollTop += top - scroller.clientHeight / 3;
  }, []);

  const reattach = async (highlightId: string) => {
    if (!selection || !text) return;
    let { start, end } = selection;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end <= start) return;
    try {
      const updated = await api.reattachHighlight(highlightId, describeRange(text, start, end));
      setHighlights((hs) => hs.map((x) => (x.id === updated.id ? updated : x)));
      document.getSelection()?.removeAllRanges();
      setActiveId(updated.id);
      onChanged();
    } catch (error) {
      notify(`Could not re-attach the highlight: ${(error as Error).message}`, 'error');
    }
  };

  const updateFromSource = async (file: File) => {
    try {
      const result = await api.replaceArticle(id, (await toImportFiles([file]))[0]!);
      notify(
        result.orphaned > 0
          ? `Updated “${result.title}”: ${result.anchored} highlight(s) kept in place, ${result.orphaned} orphaned (listed under Orphaned highlights)`
          : `Updated “${result.title}”: every highlight is in place`,
      );
      onChanged();
      onReload?.();
    } catch (error) {
      notify(`Could not update the article: ${(error as Error).message}`, 'error');
    }
  };

  const scrollToHighlight = (highlightId: string) => {
    setActiveId(highlightId);
    bodyRef.current
      ?.querySelector(`mark[${MARK_ATTR}="${highlightId}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const exportMarkdown = async () => {
    try {
      const file = await api.exportArticle(id);
      if (await saveMarkdownFile(file)) notify(`Exported notes to ${file.fileName}`);
    } catch (error) {
      notify(`Export failed: ${(error as Error).message}`, 'error');
    }
  };

  const copyMarkdown = async () => {
    try {
      const file = await api.exportArticle(id);
      await navigator.clipboard.writeText(file.markdown);
      notify('Notes copied as Markdown');
    } catch (error) {
      notify(`Could not copy: ${(error as Error).message}`, 'error');
    }
  };

  const { meta } = article;
  return (
    <div className="reader">
      <div className="reader-toolbar" role="toolbar" aria-label="Reader">
        <button
          type="button"
          disabled={!selection}
          onMouseDown={(e) => e.preventDefault() /* keep the selection */}
          onClick={() => void highlightSelection()}
          title="Highlight the selected text (h)"
        >
          Highlight
        </button>
        <button type="button" onClick={() => void exportMarkdown()}>
          Export notes as Markdown
        </button>
        <button type="button" onClick={() => void copyMarkdown()}>
          Copy notes as Markdown
        </button>
        <button
          type="button"
          onClick={() => updateInput.current?.click()}
          title="Replace this article with a new copy of it; highlights follow their words"
        >
          Update from source…
        </button>
        <input
          ref={updateInput}
          type="file"
          hidden
          accept={IMPORT_ACCEPT}
          data-testid="update-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void updateFromSource(file);
          }}
        />
        {finding && (
          <FindBar
            bodyRef={bodyRef}
            text={text}
            scrollTo={scrollToRange}
            onClose={() => setFinding(false)}
          />
        )}
      </div>
      <div className="reader-columns">
        <div className="reader-scroll" ref={scrollRef} onScroll={onScroll}>
          <article
            className="reader-article"
            lang={meta.lang ?? undefined}
            dir={meta.dir ?? undefined}
          >
            <header className="reader-header">
              <h1>{meta.title}</h1>
              <p className="byline">
                {[
                  meta.byline,
                  sourceLabel(meta),
                  meta.publishedTime ? formatDate(meta.publishedTime) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className="saved">
                Saved {formatDate(meta.savedAt)} · {meta.readingMinutes} min read
                {meta.url && (
                  <>
                    {' · '}
                    <a
                      href={meta.url}
                      onClick={(e) => {
                        e.preventDefault();
                        openArticleLink(e.currentTarget, e.nativeEvent);
                      }}
                    >
                      Original
                    </a>
                  </>
                )}
              </p>
            </header>
            <div
              className="reader-body"
              ref={bodyRef}
              onClick={onBodyClick}
              onKeyDown={(e) => {
                // A focused highlight opens its note with Enter or Space, as a button would.
                const mark = (e.target as HTMLElement).closest(`mark[${MARK_ATTR}]`);
                if (mark && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  setActiveId(mark.getAttribute(MARK_ATTR));
                }
              }}
            />
          </article>
        </div>
        <NotesPanel
          api={api}
          article={article}
          placed={placed}
          activeId={activeId}
          onActivate={scrollToHighlight}
          onHighlightChanged={(h) => {
            setHighlights((hs) => hs.map((x) => (x.id === h.id ? h : x)));
            onChanged();
          }}
          onHighlightDeleted={(hid) => {
            setHighlights((hs) => hs.filter((x) => x.id !== hid));
            setActiveId(null);
            onChanged();
          }}
          onClose={() => setActiveId(null)}
          notify={notify}
          canReattach={selection !== null}
          onReattach={(hid) => void reattach(hid)}
          colorMeanings={colorMeanings}
        />
      </div>
    </div>
  );
}

/** Marks the search match for a moment without touching the article's DOM. */
function flashRange(range: Range) {
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (window as unknown as { Highlight?: new (r: Range) => unknown }).Highlight;
  if (!registry || !HighlightCtor) return;
  registry.set('search-match', new HighlightCtor(range));
  setTimeout(() => registry.delete('search-match'), 2500);
}
