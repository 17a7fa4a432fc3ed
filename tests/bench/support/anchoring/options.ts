export interface BenchOptions {
  /** Print one JSON object with every figure as the last line. */
  json: boolean;
  perPage: number;
  /** Each seed places its own highlights and edits: more seeds, finer figures. */
  seeds: number[];
  /** Edit rates, as fractions of the words. */
  rates: number[];
  /** Paragraph moves per page at least (0: r * paragraphs, see edit-text.ts). */
  minMoves: number;
  /** Print every highlight not re-anchored correctly (to stderr). */
  failures: boolean;
  /** Print counts per page. */
  byPage: boolean;
  /** Time the worst cases in a 200,000-character article. */
  stress: boolean;
}

export const USAGE =
  'npm run bench:anchoring [-- --json] [--seeds 1,2,3] [--per-page 30] [--rates 1,5,10] ' +
  '[--min-moves 0] [--failures] [--by-page] [--no-stress]';

export function parseOptions(argv: readonly string[]): BenchOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const numbers = (text: string): number[] =>
    text.split(',').map((part) => {
      const n = Number(part);
      if (!Number.isFinite(n)) throw new Error(`Not a number: ${part}\nUsage: ${USAGE}`);
      return n;
    });
  return {
    json: argv.includes('--json'),
    perPage: Number(value('--per-page') ?? 30),
    seeds: numbers(value('--seeds') ?? '1,2,3'),
    rates: numbers(value('--rates') ?? '1,5,10').map((r) => r / 100),
    minMoves: Number(value('--min-moves') ?? 0),
    failures: argv.includes('--failures'),
    byPage: argv.includes('--by-page'),
    stress: !argv.includes('--no-stress'),
  };
}
