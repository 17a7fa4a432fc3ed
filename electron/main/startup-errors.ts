import path from 'node:path';
import type { MarginErrorCode } from '../common/errors';

/** Plain-words text for the error box shown when the library cannot be opened at start. */
export function startupErrorMessage(
  error: unknown,
  libraryDir: string,
): { title: string; content: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (hasCode(error, 'corrupt-library')) {
    return {
      title: 'Margin cannot open your library',
      content: [
        `Margin could not read its library file:\n${path.join(libraryDir, 'library.json')}`,
        '',
        detail,
        '',
        'The file has been left as it was. To use a different library, start Margin with ' +
          '--library FOLDER or set MARGIN_LIBRARY.',
      ].join('\n'),
    };
  }
  return {
    title: 'Margin could not start',
    content: `Margin could not open the library folder:\n${libraryDir}\n\n${detail}`,
  };
}

/** By code rather than instanceof: the error may come from another copy of the errors module. */
function hasCode(error: unknown, code: MarginErrorCode): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}
