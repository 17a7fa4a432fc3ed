import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ArticleContent,
  LibraryStatus,
  ArticleSummary,
  ImportFile,
  ImportResult,
  MarginApi,
  NotebookEntry,
  SearchHit,
  SearchResults as SearchAnswer,
} from '../../electron/common/api';
import { Notebook } from './components/Notebook';
import { Review } from './components/Review';
import { duplicateUpdateActions } from './highlights/duplicate-update';
import { LibraryList } from './components/LibraryList';
import { PendingList } from './components/PendingList';
import { Reader } from './components/Reader';
import { SearchResults } from './components/SearchResults';
import { StatusBanner } from './components/StatusBanner';
import { Toasts, type ToastMessage } from './components/Toast';
import { initialDeepLink, useDeepLinks } from './export/deep-links';
import { ExportDialog } from './export/ExportDialog';
import { SearchBox } from './search/SearchBox';
import { SearchStatus } from './search/SearchStatus';
import { WebImport } from './components/WebImport';
import { droppedFiles, type PathedFile } from './dropped-files';
import { IMPORT_ACCEPT, toImportFiles } from './files';
import { isTyping, plural } from './format';
import { useTheme } from './theme';

const SEARCH_DELAY_MS = 120;
/** While the index is being built, the search is repeated this often to show more results. */
const INDEXING_RETRY_MS = 1000;
const LAST_ARTICLE_KEY = 'margin.lastArticle';

export function App({ api }: { api: MarginApi }) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchAnswer | null>(null);
  const [searchRetry, setSearchRetry] = useState(0);
  const [open, setOpen] = useState<{
    content: ArticleContent;
    focus: SearchHit['firstMatch'];
    highlight?: { id: string } | null;
  } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const [dragging, setDragging] = useState(false);
  const [view, setView] = useState<'reader' | 'notebook' | 'review'>('reader');
  const [theme, toggleTheme] = useTheme();
  const fileInput = useRef<HTMLInputElement>(null);
  const toastId = useRef(0);

  const notify = useCallback(
    (text: string, tone: 'info' | 'error' = 'info', action?: ToastMessage['action']) => {
      const id = ++toastId.current;
      setToasts((ts) => [...ts.slice(-3), { id, text, tone, action }]);
      setTimeout(() => setToasts((ts) => ts.filter((t) => t.id !== id)), action ? 8000 : 5000);
    },
    [],
  );

  const refresh = useCallback(async (): Promise<ArticleSummary[]> => {
    try {
      const list = await api.listArticles();
      setArticles(list);
      setLoadError(null);
      return list;
    } catch (error) {
      setLoadError((error as Error).message);
      return [];
    }
  }, [api]);

  // Search as the user types; a newer query always wins over a slower older one.
  const searchSeq = useRef(0);
  useEffect(() => {
    const seq = ++searchSeq.current;
    if (!query.trim()) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(async () => {
      try {
        const found = await api.search(query);
        if (seq !== searchSeq.current) return;
        setResults(found);
        if (found.indexing)
          retry = setTimeout(() => setSearchRetry((n) => n + 1), INDEXING_RETRY_MS);
      } catch (error) {
        notify(`Search failed: ${(error as Error).message}`, 'error');
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      clearTimeout(retry);
    };
  }, [api, query, notify, articles, searchRetry]);

  // The next page of results, appended to those shown.
  const showMore = useCallback(async () => {
    const seq = searchSeq.current;
    try {
      const more = await api.search(query, { offset: results?.hits.length ?? 0 });
      if (seq !== searchSeq.current) return;
      setResults((shown) => shown && { ...more, hits: [...shown.hits, ...more.hits] });
    } catch (error) {
      notify(`Search failed: ${(error as Error).message}`, 'error');
    }
  }, [api, query, results, notify]);

  const openArticle = useCallback(
    async (
      id: string,
      focus: SearchHit['firstMatch'] = null,
      highlightId: string | null = null,
    ) => {
      try {
        const highlight = highlightId ? { id: highlightId } : null;
        setOpen({ content: await api.getArticle(id), focus, highlight });
        setView('reader');
        localStorage.setItem(LAST_ARTICLE_KEY, id);
      } catch (error) {
        notify(`Could not open the article: ${(error as Error).message}`, 'error');
      }
    },
    [api, notify],
  );

  // On start: load the library and come back to the article that was open last time.
  // Loading is synchronising with an external system, which is what effects are for.
  useEffect(() => {
    void (async () => {
      api.getLibraryStatus().then(setStatus, () => undefined);
      const list = await refresh();
      const last = localStorage.getItem(LAST_ARTICLE_KEY);
      if (last && !initialDeepLink() && list.some((a) => a.id === last)) await openArticle(last);
    })();
  }, [api, refresh, openArticle]);
  useDeepLinks((link) => void openArticle(link.articleId, null, link.highlightId));

  const reportImport = useCallback(
    (result: ImportResult, files: ImportFile[] = []) => {
      const updates = duplicateUpdateActions(api, result, files, notify);
      if (result.imported.length === 1) notify(`Imported “${result.imported[0]?.title}”`);
      else if (result.imported.length > 1)
        notify(`Imported ${plural(result.imported.length, 'article')}`);
      for (const d of result.duplicates)
        notify(`${d.name} is already in your library as “${d.title}”`, 'info', updates.get(d.name));
      for (const f of result.failed) notify(f.reason, 'error');
    },
    [api, notify],
  );

  const importFiles = useCallback(
    async (files: Iterable<File | PathedFile>) => {
      const list = Array.from(files);
      if (list.length === 0) return;
      try {
        const files = await toImportFiles(list);
        const result = await api.importFiles(files);
        reportImport(result, files);
        await refresh();
        const first = result.imported[0];
        if (first && result.imported.length === 1) await openArticle(first.id);
      } catch (error) {
        notify(`Import failed: ${(error as Error).message}`, 'error');
      }
    },
    [api, notify, openArticle, refresh, reportImport],
  );

  // Paste anywhere outside a text field imports the pasted text as an article.
  useEffect(() => {
    const onPaste = async (e: ClipboardEvent) => {
      if (isTyping(e.target)) return;
      const files = e.clipboardData?.files;
      if (files && files.length > 0) {
        e.preventDefault();
        return importFiles(files);
      }
      const html = e.clipboardData?.getData('text/html') ?? '';
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const pasted = text.trim() ? text : html;
      if (!pasted.trim()) return;
      e.preventDefault();
      try {
        const result = await api.importText(pasted);
        reportImport(result);
        await refresh();
        const first = result.imported[0];
        if (first) await openArticle(first.id);
      } catch (error) {
        notify(`Import failed: ${(error as Error).message}`, 'error');
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [api, importFiles, notify, openArticle, refresh, reportImport]);

  const exportAll = useCallback(() => setExporting(true), []);

  useEffect(
    () =>
      window.marginShell?.onMenu((action) => {
        if (action === 'import') fileInput.current?.click();
        if (action === 'export-all') exportAll();
        if (action === 'toggle-theme') toggleTheme();
        if (action === 'library-changed') void refresh();
      }),
    [exportAll, toggleTheme, refresh],
  );

  const update = async (a: ArticleSummary, patch: { read?: boolean; favorite?: boolean }) => {
    try {
      await api.updateArticle(a.id, patch);
      await refresh();
    } catch (error) {
      notify((error as Error).message, 'error');
    }
  };

  const remove = async (a: ArticleSummary) => {
    try {
      await api.deleteArticle(a.id);
      if (open?.content.meta.id === a.id) setOpen(null);
      await refresh();
      notify(`Deleted “${a.title}”`, 'info', {
        label: 'Undo',
        run: () => void api.restoreArticle(a.id).then(refresh),
      });
    } catch (error) {
      notify((error as Error).message, 'error');
    }
  };

  // From the notebook or the review: the article, scrolled to the highlight (an orphan has no place).
  const openEntry = (entry: NotebookEntry) => {
    const [, position] = entry.highlight.selectors;
    void openArticle(
      entry.articleId,
      entry.highlight.orphaned ? null : { start: position.start, end: position.end },
    );
  };

  const openId = open?.content.meta.id ?? null;
  // An empty box shows the library again, whatever the last search returned.
  const shown = query.trim() ? results : null;
  return (
    <div
      className={`app theme-${theme}${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void droppedFiles(e.dataTransfer).then(importFiles); // folders too: page + page_files/
      }}
    >
      <header className="topbar">
        <span className="brand">Margin</span>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import
        </button>
        <WebImport api={api} notify={notify} onLibraryChanged={() => void refresh()} />
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          accept={IMPORT_ACCEPT}
          data-testid="import-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void importFiles(files);
          }}
        />
        <SearchBox query={query} onChange={setQuery} />
        <button type="button" onClick={exportAll}>
          Export all notes
        </button>
        <button
          type="button"
          aria-pressed={view === 'notebook'}
          onClick={() => setView('notebook')}
        >
          Notebook
        </button>
        <button type="button" aria-pressed={view === 'review'} onClick={() => setView('review')}>
          Review
        </button>
        <button
          type="button"
          onClick={toggleTheme}
          aria-label={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </header>
      <StatusBanner status={status} />
      <div className="panes">
        <nav className="sidebar" aria-label="Articles">
          {loadError && <p className="error">The library could not be read: {loadError}</p>}
          <PendingList
            api={api}
            libraryVersion={articles}
            notify={notify}
            onLibraryChanged={() => void refresh()}
          />
          {articles && articles.length === 0 && !shown && (
            <div className="empty-library">
              <h2>Your library is empty</h2>
              <p>Add articles to read offline:</p>
              <ul>
                <li>
                  press <strong>Import</strong> to choose .txt, .md or .html files,
                </li>
                <li>drag files onto this window,</li>
                <li>
                  paste a web address, or use <strong>Add from web…</strong> for a URL or an export
                  from Pocket, Instapaper, Omnivore or Wallabag, or
                </li>
                <li>paste text anywhere (Ctrl+V / ⌘V).</li>
              </ul>
            </div>
          )}
          {shown && <SearchStatus results={shown} />}
          {shown ? (
            <SearchResults
              query={query}
              hits={shown.hits}
              total={shown.total}
              onShowMore={() => void showMore()}
              openId={openId}
              onOpen={(h) => void openArticle(h.id, h.firstMatch)}
            />
          ) : (
            articles &&
            articles.length > 0 && (
              <LibraryList
                articles={articles}
                openId={openId}
                onOpen={(id) => void openArticle(id)}
                onToggleRead={(a) => void update(a, { read: !a.read })}
                onToggleFavorite={(a) => void update(a, { favorite: !a.favorite })}
                onDelete={(a) => void remove(a)}
              />
            )
          )}
        </nav>
        <main className="reader-pane">
          {view === 'notebook' ? (
            <Notebook api={api} onOpen={openEntry} notify={notify} />
          ) : view === 'review' ? (
            <Review api={api} onOpen={openEntry} notify={notify} />
          ) : open ? (
            <Reader
              key={open.content.meta.id}
              api={api}
              article={open.content}
              focus={open.focus}
              focusHighlight={open.highlight}
              onChanged={() => void refresh()}
              notify={notify}
              onReload={() => void openArticle(open.content.meta.id)}
            />
          ) : (
            <div className="reader-placeholder">
              <p>Choose an article to read.</p>
            </div>
          )}
        </main>
      </div>
      {exporting && (
        <ExportDialog
          api={api}
          searchIds={shown ? shown.hits.map((hit) => hit.id) : null}
          onClose={() => setExporting(false)}
          notify={notify}
        />
      )}
      {dragging && <div className="drop-hint">Drop files to add them to your library</div>}
      <Toasts
        toasts={toasts}
        onDismiss={(id) => setToasts((ts) => ts.filter((t) => t.id !== id))}
      />
    </div>
  );
}
