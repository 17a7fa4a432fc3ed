/**
 * A deterministic synthetic library for the search benchmark: a Zipf-distributed vocabulary
 * (a few words very common, most rare, as in real text), articles of about 1,500 words in
 * paragraphs, some highlights (passages of the text) with notes, tags, read and favorite flags.
 * Article `n` depends only on the seed and `n`, so any process can regenerate any article.
 */
import type { ArticleMeta, Highlight } from '../../../electron/common/model';

export const VOCABULARY_SIZE = 200_000;
const ZIPF_EXPONENT = 1.0;

/** mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'bcdfghjklmnprstvwz';
const VOWELS = 'aeiou';
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü' };

/** The vocabulary, most frequent first: short words are the common ones, as in real languages. */
export function vocabulary(seed = 1): string[] {
  const next = random(seed);
  const words = new Set<string>();
  const list: string[] = [];
  while (list.length < VOCABULARY_SIZE) {
    const rank = list.length;
    const syllables = rank < 100 ? 1 + Math.floor(next() * 2) : 2 + Math.floor(next() * 3);
    let word = '';
    for (let s = 0; s < syllables; s += 1) {
      word += CONSONANTS[Math.floor(next() * CONSONANTS.length)] ?? 'b';
      word += VOWELS[Math.floor(next() * VOWELS.length)] ?? 'a';
      if (next() < 0.3) word += CONSONANTS[Math.floor(next() * CONSONANTS.length)] ?? 'n';
    }
    // Some rarer words carry an accent, so folding is exercised.
    if (rank > 1000 && next() < 0.03) word = word.replace(/[aeiou]/, (v) => ACCENTED[v] ?? v);
    if (words.has(word)) continue;
    words.add(word);
    list.push(word);
  }
  return list;
}

/** Walker's alias method: O(1) draws from the Zipf distribution over ranks. */
export class ZipfSampler {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(size: number, exponent = ZIPF_EXPONENT) {
    const weights = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank += 1) {
      weights[rank] = 1 / (rank + 1) ** exponent;
      total += weights[rank] ?? 0;
    }
    this.probability = new Float64Array(size);
    this.alias = new Int32Array(size);
    const scaled = weights.map((weight) => (weight * size) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((value, rank) => (value < 1 ? small : large).push(rank));
    while (small.length > 0 && large.length > 0) {
      const less = small.pop() ?? 0;
      const more = large.pop() ?? 0;
      this.probability[less] = scaled[less] ?? 0;
      this.alias[less] = more;
      scaled[more] = (scaled[more] ?? 0) + (scaled[less] ?? 0) - 1;
      ((scaled[more] ?? 0) < 1 ? small : large).push(more);
    }
    for (const rank of [...small, ...large]) this.probability[rank] = 1;
  }

  draw(next: () => number): number {
    const column = Math.floor(next() * this.probability.length);
    return next() < (this.probability[column] ?? 1) ? column : (this.alias[column] ?? 0);
  }
}

export interface GeneratedArticle {
  meta: ArticleMeta;
  highlights: Highlight[];
  paragraphs: string[];
  text: string;
}

const TAGS = Array.from({ length: 40 }, (_, n) => `topic-${n}`);
const START = Date.UTC(2021, 0, 1);
const SPAN = Date.UTC(2025, 0, 1) - START;

export class CorpusGenerator {
  readonly words: string[];
  private readonly zipf: ZipfSampler;
  private readonly authors: string[];
  private readonly sites: string[];

  constructor(readonly seed = 42) {
    this.words = vocabulary(seed);
    this.zipf = new ZipfSampler(this.words.length);
    const pick = random(seed + 1);
    const name = () => {
      const word = this.words[200 + Math.floor(pick() * 5000)] ?? 'name';
      return word[0]?.toUpperCase() + word.slice(1);
    };
    this.authors = Array.from({ length: 500 }, () => `${name()} ${name()}`);
    this.sites = Array.from({ length: 300 }, () => name());
  }

  private word(next: () => number): string {
    return this.words[this.zipf.draw(next)] ?? 'a';
  }

  article(n: number): GeneratedArticle {
    const next = random(this.seed * 1_000_003 + n);
    const target = 500 + Math.floor(next() * 2000);
    const paragraphs: string[] = [];
    let count = 0;
    while (count < target) {
      const sentences: string[] = [];
      const size = 40 + Math.floor(next() * 80);
      let inParagraph = 0;
      while (inParagraph < size) {
        const length = 6 + Math.floor(next() * 18);
        const words = Array.from({ length }, () => this.word(next));
        const first = words[0] ?? '';
        words[0] = first.charAt(0).toUpperCase() + first.slice(1);
        sentences.push(`${words.join(next() < 0.1 ? ', ' : ' ')}.`);
        inParagraph += length;
      }
      count += inParagraph;
      paragraphs.push(sentences.join(' '));
    }
    const text = paragraphs.join('\n\n');
    const titleWords = Array.from({ length: 4 + Math.floor(next() * 6) }, () => this.word(next));
    const title = titleWords.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    const site = this.sites[Math.floor(next() * this.sites.length)] ?? 'Site';
    const id = `a${n.toString(36).padStart(8, '0')}`;
    const savedAt = new Date(START + Math.floor(next() * SPAN)).toISOString();
    const tags = TAGS.filter(() => next() < 0.04);
    const meta: ArticleMeta = {
      id,
      title,
      byline: this.authors[Math.floor(next() * this.authors.length)] ?? null,
      siteName: site,
      url: `https://www.${site.toLowerCase()}.com/${titleWords.join('-')}`,
      source: `${id}.txt`,
      kind: 'txt',
      lang: 'en',
      dir: 'ltr',
      excerpt: text.slice(0, 160),
      publishedTime: null,
      savedAt,
      wordCount: count,
      sourceHash: `hash-${this.seed}-${n}`,
      sourceFile: 'source.txt',
      read: next() < 0.6,
      favorite: next() < 0.1,
      tags,
      note: next() < 0.1 ? this.sentence(next, 12) : '',
      scrollPosition: 0,
      deletedAt: null,
      files: {},
    };
    const highlights: Highlight[] = [];
    if (next() < 0.3) {
      const howMany = 1 + Math.floor(next() * 4);
      for (let h = 0; h < howMany; h += 1) {
        const start = Math.floor(next() * Math.max(1, text.length - 300));
        const from = text.indexOf(' ', start) + 1;
        const to = text.indexOf(' ', from + 60 + Math.floor(next() * 140));
        if (from <= 0 || to <= from) continue;
        highlights.push({
          id: `${id}h${h}`,
          articleId: id,
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: text.slice(from, to),
              prefix: text.slice(Math.max(0, from - 32), from),
              suffix: text.slice(to, to + 32),
            },
            { type: 'TextPositionSelector', start: from, end: to },
          ],
          color: 'yellow',
          note: next() < 0.4 ? this.sentence(next, 10) : '',
          createdAt: savedAt,
          updatedAt: savedAt,
        });
      }
    }
    return { meta, highlights, paragraphs, text };
  }

  private sentence(next: () => number, length: number): string {
    return `${Array.from({ length }, () => this.word(next)).join(' ')}.`;
  }

  /**
   * Queries as a reader types them: 1 to 3 words, rarer and commoner alike (ranks spread evenly
   * over orders of magnitude), the last one cut to a prefix of at least 2 letters.
   */
  queries(count: number): string[] {
    const next = random(this.seed + 7);
    const queries: string[] = [];
    while (queries.length < count) {
      const length = 1 + Math.floor(next() * 3);
      const words = Array.from({ length }, () => {
        const rank = Math.floor(
          Math.exp(Math.log(10) + next() * (Math.log(50_000) - Math.log(10))),
        );
        return this.words[rank] ?? 'a';
      });
      const last = words[length - 1] ?? '';
      const keep = last.length <= 2 ? last.length : 2 + Math.floor(next() * (last.length - 1));
      words[length - 1] = last.slice(0, keep);
      queries.push(words.join(' '));
    }
    return queries;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
