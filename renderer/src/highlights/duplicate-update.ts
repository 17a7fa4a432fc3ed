import type { ImportFile, ImportResult, MarginApi } from '../../../electron/common/api';
import type { ToastMessage } from '../components/Toast';

/**
 * For each file that was "already in your library", an action that updates that article from
 * the new copy (the same replace as "Update from source…"), so a re-saved page is one click away.
 */
export function duplicateUpdateActions(
  api: MarginApi,
  result: ImportResult,
  files: readonly ImportFile[],
  done: (text: string, tone?: 'info' | 'error') => void,
): Map<string, NonNullable<ToastMessage['action']>> {
  const actions = new Map<string, NonNullable<ToastMessage['action']>>();
  for (const duplicate of result.duplicates) {
    const file = files.find((f) => f.name === duplicate.name);
    if (!file) continue;
    actions.set(duplicate.name, {
      label: 'Update it from this copy',
      run: () => {
        api.replaceArticle(duplicate.id, file).then(
          (r) =>
            done(
              `Updated “${r.title}”: ${r.anchored} highlight(s) in place, ${r.orphaned} orphaned`,
            ),
          (error: Error) => done(`Could not update the article: ${error.message}`, 'error'),
        );
      },
    });
  }
  return actions;
}
