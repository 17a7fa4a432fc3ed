import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { MarginError } from '../../common/errors';
import { printable } from '../../core/library-service';
import { usage, userPath, type CliContext } from '../context';

/**
 * `margin import --replace <articleId> <file>`: the article's content becomes the file's (read
 * with the same importers), and every highlight is re-anchored on it or kept as an orphan.
 */
export async function replaceFromFile(
  { args, open, print }: CliContext,
  articleId: string,
): Promise<void> {
  if (args.length !== 1) throw usage('import --replace needs <articleId> and exactly one file');
  const file = args[0]!;
  const bytes = await readFile(userPath(file)).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'ENOENT' ? 'no such file' : error.message.split('\n', 1)[0];
    throw new MarginError('import-failed', `${printable(file)}: ${reason}`);
  });
  const { library } = await open('write');
  const result = await library.replaceArticle(articleId, {
    name: path.basename(file),
    base64: bytes.toString('base64'),
  });
  print(
    result,
    () =>
      `Updated "${result.title}" (${result.articleId}): ${result.anchored} highlight(s) re-anchored, ` +
      `${result.orphaned} orphaned (kept; see margin highlights ${result.articleId}).`,
  );
}
