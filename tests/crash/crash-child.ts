/**
 * The process the crash test kills. It opens a library for writing and, until it is killed,
 * imports articles, highlights passages, writes notes and deletes highlights, a few at a time.
 * Each change is reported on stdout as one JSON line only after its promise resolved: that is
 * the acknowledgement the test holds the library to after the kill.
 *
 * argv: <libraryDir> <run number> <seed> <imports: 0|1> [<min ms between writes>]
 */
import { writeSync } from 'node:fs';
import { openServices } from '../../electron/core/services';

const [dir, runArg, seedArg, importsArg, intervalArg] = process.argv.slice(2);
// The test kills this process within seconds; if the test itself dies first, do not linger.
setTimeout(() => process.exit(3), 30_000).unref();
if (!dir) throw new Error('usage: crash-child <libraryDir> <run> <seed> <imports>');
const run = Number(runArg);
const withImports = importsArg === '1';
let seed = Number(seedArg) >>> 0 || 1;

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

/** Synchronous, so an acknowledgement is either out whole or not at all when the kill lands. */
function report(message: object): void {
  writeSync(1, JSON.stringify(message) + '\n');
}

const WORDS =
  'reading margin archive quiet river lantern orchard signal harbor meadow copper'.split(' ');

function articleText(n: number): string {
  const words = Array.from({ length: 40 + Math.floor(random() * 80) }, () => pick(WORDS)!);
  return `Crash article ${run}-${n}\n\n${words.join(' ')}.\n\nThe end of article ${run}-${n}.`;
}

// With no interval, writes follow each other back to back: more kills land inside one.
const services = await openServices(dir, {
  owner: 'crash-child',
  minWriteIntervalMs: intervalArg === undefined ? undefined : Number(intervalArg),
});
const { library } = services;
report({ op: 'ready' });

/** Monotonic across runs: the run number is the high part. */
let sequence = run * 1_000_000;
let imported = 0;
const deleting = new Set<string>();

async function oneChange(): Promise<void> {
  const articles = await library.listArticles();
  const roll = random();
  // An empty library gets an article even in a run that does not import, so there is work.
  if (articles.length === 0 || (withImports && (articles.length < 2 || roll < 0.25))) {
    const result = await library.importText(articleText(++imported));
    const a = result.imported[0];
    if (a) report({ op: 'import', id: a.id, title: a.title });
    return;
  }
  const article = pick(articles);
  if (!article) return;
  const content = await library.getArticle(article.id);
  const highlights = content.highlights.filter((h) => !deleting.has(h.id));
  if (roll < 0.45) {
    const text = await library.articleText(article.id);
    const start = Math.floor(random() * Math.max(1, text.length - 30));
    const quote = text.slice(start, start + 5 + Math.floor(random() * 25)).trim();
    if (quote.length < 3) return;
    const h = await library.highlightQuote(article.id, quote);
    report({ op: 'highlight', id: h.id, articleId: article.id });
  } else if (roll < 0.7 || highlights.length === 0) {
    const n = ++sequence;
    await library.updateArticle(article.id, { note: `note ${n}` });
    report({ op: 'note', articleId: article.id, n });
  } else if (roll < 0.9 || highlights.length < 4) {
    const h = pick(highlights)!;
    const n = ++sequence;
    await library.updateHighlight(h.id, { note: `hnote ${n}` });
    report({ op: 'hnote', id: h.id, n });
  } else {
    const h = pick(highlights)!;
    deleting.add(h.id);
    report({ op: 'delete-issued', id: h.id });
    await library.deleteHighlight(h.id);
    report({ op: 'delete', id: h.id });
  }
}

/** A few changes in flight at once, as a busy UI issues them. */
async function worker(): Promise<never> {
  for (;;) {
    try {
      await oneChange();
    } catch (error) {
      // Two workers may pick the same highlight to delete: a not-found is expected, nothing else.
      if ((error as { code?: string }).code !== 'not-found') throw error;
    }
  }
}

await Promise.all([worker(), worker(), worker()]);
