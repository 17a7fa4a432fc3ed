import { MarginError } from '../../common/errors';

/** An import the user can fix: `message` is one line naming the file and what is wrong. */
export function importFailed(message: string): MarginError {
  return new MarginError('import-failed', message);
}
