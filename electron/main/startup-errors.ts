import path from 'node:path';
import { MarginError } from '../common/errors';

/** Plain-words text for the error box shown when the library cannot be opened at start. */
export function startupErrorMessage(
  error: unknown,
  libraryDir: string,
): { title: string; content: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof MarginError && error.code === 'corrupt-library') {
    return {
      title: 'Margin cannot open your library',
      content: [
        `The library file could not be read:\n${path.join(libraryDir, 'library.json')}`,
        '',
        detail,
        '',
        'Margin has not changed the file. Restore it from a backup, or start Margin with ' +
          'another library folder (--library FOLDER, or the MARGIN_LIBRARY variable).',
      ].join('\n'),
    };
  }
  return {
    title: 'Margin could not start',
    content: `Margin could not open the library folder:\n${libraryDir}\n\n${detail}`,
  };
}
