import { performance } from 'node:perf_hooks';
import { anchor, describeRange, prepareAnchorText } from '../../../../electron/common/anchoring';
import type { Selectors } from '../../../../electron/common/model';
import type { CorpusPage } from './corpus-text';
import { editText } from './edit-text';
import { seededRandom } from './random';

export interface StressResult {
  textLength: number;
  prepareMillis: number;
  cases: { name: string; millis: number; outcome: string }[];
  maxMillis: number;
}

const STRESS_LENGTH = 200_000;

/**
 * The slow paths on a long article: the corpus pages joined into 200,000 characters, edited at
 * 5%, and highlights that force the full search (edited quotes and context, quotes that are gone,
 * a one-word quote occurring thousands of times with unrelated context).
 */
export function runStress(pages: readonly CorpusPage[]): StressResult {
  let original = '';
  for (let i = 0; original.length < STRESS_LENGTH; i += 1) {
    original += `${pages[i % pages.length]!.text}\n`;
  }
  original = original.slice(0, STRESS_LENGTH);
  const edited = editText(original, 0.05, seededRandom(2024)).text;
  const prepared = prepareAnchorText(edited);
  let started = performance.now();
  prepared.collapsed();
  const prepareMillis = round(performance.now() - started);

  const rangeOf = (at: number, length: number): Selectors => {
    const start = wordStart(original, at);
    const end = wordEnd(original, Math.min(original.length, start + length));
    return describeRange(original, start, end);
  };
  const gone = (exact: string, prefix: string, suffix: string): Selectors => [
    { type: 'TextQuoteSelector', exact, prefix, suffix },
    { type: 'TextPositionSelector', start: 1000, end: 1000 + exact.length },
  ];
  const nonsense = (length: number): string =>
    Array.from({ length: Math.ceil(length / 8) }, (_, i) => `qz${(i * 7919).toString(36)}x`)
      .join(' ')
      .slice(0, length);

  const cases: [string, Selectors][] = [
    ['short quote (3 words), edited text', rangeOf(150_000, 15)],
    ['long quote (60 words), edited text', rangeOf(120_000, 360)],
    ['2,000-character quote, edited text', rangeOf(60_000, 2000)],
    ['6,000-character quote, edited text', rangeOf(90_000, 6000)],
    ['"the" with unrelated context (thousands exact)', gone('the', nonsense(32), nonsense(32))],
    ['orphan: 2 words that are nowhere', gone('qzv wxk', nonsense(32), nonsense(32))],
    ['orphan: 300 characters that are nowhere', gone(nonsense(300), nonsense(32), nonsense(32))],
    ['orphan: 6,000 characters that are nowhere', gone(nonsense(6000), nonsense(32), nonsense(32))],
  ];
  const results = cases.map(([name, selectors]) => {
    started = performance.now();
    const place = anchor(prepared, selectors);
    const millis = round(performance.now() - started);
    return {
      name,
      millis,
      outcome: place ? `anchored (score ${place.score.toFixed(3)})` : 'orphan',
    };
  });
  return {
    textLength: edited.length,
    prepareMillis,
    cases: results,
    maxMillis: Math.max(...results.map((r) => r.millis)),
  };
}

function wordStart(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i] ?? '')) i += 1;
  while (i > 0 && /\S/.test(text[i - 1] ?? '')) i -= 1;
  return i;
}

function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\S/.test(text[i] ?? '')) i += 1;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i -= 1;
  return i;
}

function round(millis: number): number {
  return Math.round(millis * 100) / 100;
}
