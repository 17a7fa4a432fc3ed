import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the tests run from any working directory. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The sample article's text: a Newsweek piece with repeated phrases, "#Taliban", "U.S.". */
export function sampleArticleText(): string {
  return readFileSync(`${repoRoot}../shared/corpus/sample/taliban-executions-newsweek.txt`, 'utf8');
}
