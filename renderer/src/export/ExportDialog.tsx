import { useRef, useState } from 'react';
import type { MarginApi } from '../../../electron/common/api';
import { saveMarkdownFile } from '../files';
import { plural } from '../format';
import {
  canExportToFolder,
  exportAllToFolder,
  type FolderResult,
  type Progress,
} from './export-all';
import './export.css';

interface Props {
  api: MarginApi;
  /** The articles of the current search, to export them in one file; null without a search. */
  searchIds: string[] | null;
  onClose(): void;
  notify(text: string, tone?: 'info' | 'error'): void;
}

type State =
  | { step: 'choose' }
  | { step: 'running'; progress: Progress | null }
  | { step: 'done'; message: string; details: string[] };

/** "Export…": every article's notes to a folder (progress, cancel) or into one file. */
export function ExportDialog({ api, searchIds, onClose, notify }: Props) {
  const [state, setState] = useState<State>({ step: 'choose' });
  const controller = useRef<AbortController | null>(null);
  const running = state.step === 'running';

  const toFolder = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ step: 'running', progress: null });
    let last: Progress | null = null;
    try {
      const result = await exportAllToFolder(api, {
        signal: abort.signal,
        onProgress: (progress) => {
          last = progress;
          setState({ step: 'running', progress });
        },
      });
      setState(describe(result));
    } catch (error) {
      const done = (last as Progress | null)?.done ?? 0;
      if (abort.signal.aborted) {
        setState({
          step: 'done',
          message: `Export cancelled after ${plural(done, 'article')}; the files written are complete.`,
          details: [],
        });
      } else {
        setState({
          step: 'done',
          message: `Export failed: ${(error as Error).message}`,
          details: [],
        });
      }
    } finally {
      controller.current = null;
    }
  };

  const toOneFile = async (ids: string[] | null) => {
    try {
      const file = await api.exportArticles(ids);
      if (file.count === 0)
        return notify('No article has highlights or a note yet; nothing to export.');
      if (await saveMarkdownFile(file))
        notify(`Exported ${plural(file.count, 'article')} to ${file.fileName}`);
      onClose();
    } catch (error) {
      notify(`Export failed: ${(error as Error).message}`, 'error');
    }
  };

  const progress = running ? state.progress : null;
  return (
    <div className="export-backdrop" onKeyDown={(e) => e.key === 'Escape' && !running && onClose()}>
      <div className="export-dialog" role="dialog" aria-modal="true" aria-label="Export notes">
        <h2>Export notes as Markdown</h2>
        {state.step === 'choose' && (
          <>
            <p>
              Obsidian-ready files: front matter, one quote per highlight, links back into Margin.
            </p>
            <div className="export-actions">
              <button
                type="button"
                autoFocus
                disabled={!canExportToFolder()}
                onClick={() => void toFolder()}
              >
                All to a folder…
              </button>
              <button type="button" onClick={() => void toOneFile(null)}>
                All in one file
              </button>
              {searchIds && searchIds.length > 0 && (
                <button type="button" onClick={() => void toOneFile(searchIds)}>
                  {`The ${plural(searchIds.length, 'search result')} in one file`}
                </button>
              )}
            </div>
            {!canExportToFolder() && (
              <p className="export-hint">
                This browser cannot write to a folder: use one file, or{' '}
                <code>margin export --all --out DIR</code>.
              </p>
            )}
            <p className="export-hint">
              Exporting again updates only what Margin wrote; your own text in the files is kept.
            </p>
          </>
        )}
        {running && (
          <div className="export-progress">
            <progress
              aria-label="Export progress"
              max={progress?.total ?? 1}
              value={progress ? progress.done : undefined}
            />
            <p role="status">
              {progress
                ? `Exported ${progress.done} of ${plural(progress.total, 'article')}…`
                : 'Preparing…'}
            </p>
          </div>
        )}
        {state.step === 'done' && (
          <div role="status">
            <p className="export-result">{state.message}</p>
            {state.details.length > 0 && (
              <ul className="export-skipped">
                {state.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="export-footer">
          {running ? (
            <button type="button" onClick={() => controller.current?.abort()}>
              Cancel
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function describe(result: FolderResult): State {
  switch (result.kind) {
    case 'cancelled':
      return { step: 'choose' };
    case 'unsupported':
      return { step: 'done', message: 'This browser cannot write to a folder.', details: [] };
    case 'app':
      return {
        step: 'done',
        message: `${plural(result.written, 'file')} up to date in the folder.`,
        details: [],
      };
    case 'browser': {
      const { written, unchanged, skipped, skippedFiles } = result.counts;
      return {
        step: 'done',
        message: `Done: ${written} written, ${unchanged} unchanged, ${skipped} skipped.`,
        details: skippedFiles.map((file) => `${file.file} was skipped: ${file.reason}`),
      };
    }
  }
}
