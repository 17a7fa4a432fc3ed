import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarginError } from '../../../electron/common/errors';
import { verifyLibrary } from '../../../electron/core/archive/verify';
import { parseImport } from '../../../electron/core/import/index';
import { snapshot, tempLibrary, textFile } from '../../support/library';

/**
 * Inputs per importer straight through `parseImport`. The full run is 10,000 per importer
 * (`MARGIN_FUZZ_RUNS=10000`, several minutes: a page costs the HTML importer ~20 ms); the
 * default keeps `npm test` quick and still tries thousands of inputs.
 */
const RUNS_BY_EXT = { txt: 2_000, md: 2_000, html: 400 };
const runsFor = (ext: keyof typeof RUNS_BY_EXT) =>
  Number(process.env.MARGIN_FUZZ_RUNS ?? RUNS_BY_EXT[ext]);
/** Set to replay a run, or to split a long run into several processes with different seeds. */
const seed = process.env.MARGIN_FUZZ_SEED ? Number(process.env.MARGIN_FUZZ_SEED) : undefined;
/** Inputs through the whole service, each checked against a byte-for-byte snapshot. */
const SERVICE_RUNS = Number(process.env.MARGIN_FUZZ_SERVICE_RUNS ?? 300);
/** Longer than this for one small input counts as a hang (generous: CI machines stall). */
const SLOW_MS = 10_000;

const words = fc.constantFrom('the', 'margin', 'Ghazni', 'naïve', 'اليوم', '東京', '🙂', 'x');
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(words, { maxLength: 40 }).map((w) => w.join(' ')),
);
const bytes = fc.uint8Array({ maxLength: 300 });

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'img',
  'script',
  'style',
  'table',
  'tr',
  'td',
  'svg',
  'math',
  'template',
  'noscript',
  'iframe',
  'h1',
  'article',
  'pre',
  'br',
  'meta',
  'title',
  'body',
  'html',
  'head',
];
const ATTRS = [
  'href="javascript:alert(1)"',
  'src="http://x/y.png"',
  'onerror="alert(1)"',
  'style="x"',
  'id="x"',
  'name="body"',
  'srcset="a 1x"',
  'content="0;url=x"',
  'lang="ar"',
  'dir="rtl"',
];
/** Tag soup: plausible and broken markup mixed, as saved pages (and attacks) are. */
const html = fc
  .array(
    fc.oneof(
      fc
        .tuple(fc.constantFrom(...TAGS), fc.subarray(ATTRS, { maxLength: 3 }))
        .map(([tag, attrs]) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>`),
      fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
      fc.constantFrom(
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<!DOCTYPE html>',
        '&amp;',
        '&#0;',
        '&#x110000;',
        '<',
        '>',
        '"',
        "'",
      ),
      text,
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
/** Markdown pieces, nested and broken. */
const markdown = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '# ',
        '## ',
        '> ',
        '- ',
        '1. ',
        '```',
        '`',
        '*',
        '**',
        '_',
        '[',
        '](',
        ')',
        '![',
        '|',
        '---',
        '\n',
        '\n\n',
        '    ',
        '<div>',
        '</div>',
        '<script>',
        '\\',
      ),
      text,
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const asBytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

const IMPORTERS = [
  { ext: 'txt', input: fc.oneof(text.map(asBytes), bytes) },
  { ext: 'md', input: fc.oneof(markdown.map(asBytes), text.map(asBytes), bytes) },
  { ext: 'html', input: fc.oneof(html.map(asBytes), text.map(asBytes), bytes) },
] as const;

describe('the importers, fuzzed', () => {
  it.each(IMPORTERS)(
    `.$ext: generated inputs import or fail with MarginError('import-failed'), never anything else`,
    ({ ext, input }) => {
      const runs = runsFor(ext);
      let slowest = 0;
      const attempt = (data: Uint8Array): number => {
        const started = performance.now();
        try {
          parseImport({ name: `fuzz.${ext}`, bytes: data });
        } catch (error) {
          if (!(error instanceof MarginError) || error.code !== 'import-failed') throw error;
          expect(error.message).not.toContain('\n');
        }
        return performance.now() - started;
      };
      fc.assert(
        fc.property(input, (data) => {
          let took = attempt(data);
          // A slow input is tried again: a garbage-collector pause is not a hang, a hang repeats.
          if (took > SLOW_MS) took = attempt(data);
          slowest = Math.max(slowest, took);
          expect(took).toBeLessThan(SLOW_MS);
        }),
        { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
      );
      console.log(`fuzz .${ext}: ${runs} inputs, slowest ${slowest.toFixed(0)} ms`);
    },
    600_000,
  );

  it(`through the service: ${SERVICE_RUNS} inputs, every failure leaves the library byte for byte as it was`, async () => {
    const services = await tempLibrary({ minWriteIntervalMs: 0 });
    const inputs = IMPORTERS.flatMap(({ ext, input }) =>
      fc.sample(input, SERVICE_RUNS / IMPORTERS.length).map((data) => ({ ext, data })),
    );
    let current = await snapshot(services.libraryDir);
    let imported = 0;
    for (const [i, { ext, data }] of inputs.entries()) {
      const result = await services.library.importFiles([textFile(`fuzz-${i}.${ext}`, data)]);
      if (result.failed.length > 0) {
        expect(result.failed[0]!.reason).not.toMatch(/[\n\r]/);
        expect(await snapshot(services.libraryDir)).toEqual(current);
      } else {
        imported += result.imported.length;
        current = await snapshot(services.libraryDir);
      }
    }
    await services.close();
    expect((await verifyLibrary(services.libraryDir)).problems).toEqual([]);
    console.log(`fuzz service: ${inputs.length} inputs, ${imported} imported, the rest refused`);
  }, 300_000);
});
