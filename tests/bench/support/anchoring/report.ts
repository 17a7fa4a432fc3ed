import type { FailureReporter, RateResult, Subsets } from './run';
import type { StressResult } from './stress';
import type { TallySummary } from './tally';

const SUBSETS: [keyof Subsets<TallySummary>, string][] = [
  ['all', 'All pages'],
  ['distinct', 'Pages without repeated passages'],
  ['repetitive', 'Pages made of repeated passages'],
];

export function printTable(
  results: readonly RateResult[],
  pages: { name: string; repetitive: boolean }[],
  seeds: readonly number[],
  perPage: number,
): void {
  const repetitive = pages.filter((p) => p.repetitive).map((p) => p.name);
  console.log(
    `\nRe-anchoring after random edits: ${pages.length} corpus pages, ${perPage} highlights per ` +
      `page and seed, seeds ${seeds.join(',')}.`,
  );
  console.log(`Pages made of repeated passages: ${repetitive.join(', ') || 'none'}.`);
  const cell = (value: string | number, width = 9): string => String(value).padStart(width);
  const figures = (t: TallySummary): string =>
    [t.correctPct, t.orphanedPct, t.duplicatePct, t.wrongPct, t.microsPerHighlight ?? '-']
      .map((v) => cell(v))
      .join('');
  const names = ['correct%', 'orphan%', 'dupl.%', 'wrong%', 'µs/hl'].map((v) => cell(v)).join('');
  for (const [subset, title] of SUBSETS) {
    console.log(`\n${title}`);
    console.log(`${cell('rate', 6)}${cell('n', 7)}${names}  | baseline:${names}`);
    for (const r of results) {
      const a = r.anchoring[subset];
      const b = r.baseline[subset];
      console.log(
        `${cell(`${r.ratePct}%`, 6)}${cell(a.highlights, 7)}${figures(a)}  |          ${figures(b)}`,
      );
    }
  }
  console.log('\nAll pages by kind (correct / orphaned / wrong %), torn and deleted highlights:');
  for (const r of results) {
    const kinds = Object.entries(r.byKind)
      .map(([kind, s]) => `${kind} ${s.correctPct}/${s.orphanedPct}/${s.wrongPct}`)
      .join(', ');
    console.log(
      `  ${r.ratePct}%: ${kinds}; boundaries exact ${r.anchoring.all.exactBoundariesPct}%; ` +
        `torn by a move ${r.split}, deleted ${r.deleted}`,
    );
  }
}

export function printByPage(results: readonly RateResult[]): void {
  console.log('\nBy page (correct / orphaned / duplicate / wrong), per rate:');
  for (const name of Object.keys(results[0]?.byPage ?? {})) {
    const cells = results.map((r) => {
      const s = r.byPage[name];
      return (s ? `${s.correct}/${s.orphaned}/${s.duplicate}/${s.wrong}` : '').padStart(16);
    });
    console.log(`  ${name.padEnd(42)}${cells.join('')}`);
  }
}

export function printStress(stress: StressResult): void {
  console.log(
    `\nWorst cases in a ${stress.textLength.toLocaleString('en')}-character article ` +
      `(collapsing its whitespace, once: ${stress.prepareMillis} ms):`,
  );
  for (const c of stress.cases) {
    console.log(`  ${c.name.padEnd(50)} ${String(c.millis).padStart(8)} ms  ${c.outcome}`);
  }
}

/** Prints a highlight that was not re-anchored correctly, with its context, to stderr. */
export const printFailure: FailureReporter = ({
  page,
  highlight,
  edited,
  expected,
  anchored,
  verdict,
}) => {
  const show = (text: string): string => JSON.stringify(text.replace(/\s+/g, ' '));
  const around = (start: number, end: number): string =>
    `${show(edited.text.slice(Math.max(0, start - 40), start))} ` +
    `[${show(edited.text.slice(start, end))}] ${show(edited.text.slice(end, end + 40))}`;
  const [quote] = highlight.selectors;
  console.error(`\n${verdict.toUpperCase()} ${page} ${highlight.id} (${highlight.kind})`);
  console.error(`  quote    ${show(quote.prefix)} [${show(quote.exact)}] ${show(quote.suffix)}`);
  const where = expected.range ? around(expected.range.start, expected.range.end) : 'orphan';
  console.error(`  expected ${where}${expected.split ? ' (torn)' : ''}`);
  console.error(`  anchored ${anchored ? around(anchored.start, anchored.end) : 'orphan'}`);
};
