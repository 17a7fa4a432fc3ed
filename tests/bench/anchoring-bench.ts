/**
 * Re-anchoring benchmark: random highlights on the corpus pages, the pages edited at several
 * rates, every highlight re-anchored on the edited text and judged against where the edit log
 * says its text went (see support/anchoring/judge.ts for what counts as correct). The same
 * highlights go through an exact-quote-only baseline (the first indexOf of the quote).
 *
 *   npm run bench:anchoring [-- --json] [--seeds 1,2,3] [--per-page 30] [--rates 1,5,10]
 *                           [--min-moves 0] [--failures] [--by-page] [--no-stress]
 *
 * With --json the last line of output is one JSON object with every figure.
 */
import { loadCorpusPages } from './support/anchoring/corpus-text';
import { parseOptions } from './support/anchoring/options';
import { REPETITIVE_SHARE, repeatedShare } from './support/anchoring/repetition';
import { printByPage, printFailure, printStress, printTable } from './support/anchoring/report';
import { runRate, type BenchPage } from './support/anchoring/run';
import { runStress } from './support/anchoring/stress';

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const pages: BenchPage[] = loadCorpusPages().map((page) => ({
    ...page,
    repetitive: repeatedShare(page.text) > REPETITIVE_SHARE,
  }));
  const results = options.rates.map((rate) =>
    runRate(pages, rate, options, options.failures ? printFailure : null),
  );
  const stress = options.stress ? runStress(pages) : null;

  printTable(results, pages, options.seeds, options.perPage);
  if (options.byPage) printByPage(results);
  if (stress) printStress(stress);
  if (options.json) {
    console.log(
      JSON.stringify({
        pages: pages.length,
        repetitivePages: pages.filter((p) => p.repetitive).map((p) => p.name),
        seeds: options.seeds,
        highlightsPerPage: options.perPage,
        rates: results,
        stress,
      }),
    );
  }
}

main();
