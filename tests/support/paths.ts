import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared test corpus lives beside the repository (see ../shared/corpus/README.md). */
export const corpusDir = path.resolve(repoRoot, process.env.MARGIN_CORPUS ?? '../shared/corpus');
export const samplePath = path.join(corpusDir, 'sample', 'taliban-executions-newsweek.txt');
export const webPagesDir = path.join(corpusDir, 'web-pages');
export const SAMPLE_TITLE =
  'Taliban Executions of Surrendering Afghan Troops Could Constitute War Crimes—U.S. Embassy';
