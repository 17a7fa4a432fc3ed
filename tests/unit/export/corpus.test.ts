/**
 * Acceptance: every quote of real article text, salted with Markdown-special characters, comes
 * back from a CommonMark/GFM parser as exactly its text, in every preset, for the sample article
 * and the 32 saved web pages of the corpus (their text read through jsdom, as the importer does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  articleToMarkdown,
  presetTemplate,
  TEMPLATE_PRESETS,
  type TemplatePresetName,
} from '../../../electron/common/export/markdown';
import type { Highlight } from '../../../electron/common/model';
import { highlight, meta } from './support/fixtures';
import {
  asMarkdownText,
  blockQuotes,
  isSafeHref,
  linkTargets,
  liveHtml,
  parseExport,
  quoteText,
} from './support/markdown-check';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
const PRESETS = Object.keys(TEMPLATE_PRESETS) as TemplatePresetName[];
const HIGHLIGHTS_PER_TEXT = 24;

/** What a highlight of these pages could hold that Markdown would otherwise read as syntax. */
const SPECIALS = [
  '*',
  '_',
  '**bold**',
  '#',
  '# ',
  '>',
  '> ',
  '`',
  '```',
  '[',
  ']',
  '[link](https://example.com)',
  '|',
  ' | ',
  '<tag>',
  '</div>',
  '<!--',
  '&amp;',
  '&copy;',
  '\n1. ',
  '\n- ',
  '\n+ ',
  '\n* ',
  '\n# ',
  '\n> ',
  '\n---\n',
  '\n===\n',
  '  \n',
  '\\',
  '~~',
  '$',
  '%%',
  '==',
  ' ^id',
  '![img](x.png)',
  'https://example.com',
  'www.example.com',
  '\n    indented',
  '\t',
];

interface Text {
  name: string;
  title: string;
  text: string;
}

function corpusTexts(): Text[] {
  const sample = readFileSync(path.join(CORPUS, 'sample/taliban-executions-newsweek.txt'), 'utf8');
  const texts: Text[] = [{ name: 'sample', title: sample.split('\n', 1)[0] ?? '', text: sample }];
  const pagesDir = path.join(CORPUS, 'web-pages');
  for (const entry of readdirSync(pagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(pagesDir, entry.name);
    const html = readFileSync(path.join(dir, 'expected.html'), 'utf8');
    const metadata = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as {
      title?: string;
    };
    const text = new JSDOM(html).window.document.body.textContent ?? '';
    texts.push({ name: entry.name, title: metadata.title ?? entry.name, text });
  }
  return texts;
}

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

/** Passages of the text, half as they are, half with special characters put in. */
function highlightsOf(text: Text, index: number): Highlight[] {
  const next = random(index + 1);
  return Array.from({ length: HIGHLIGHTS_PER_TEXT }, (_, h) => {
    const length = 20 + next(400);
    const start = next(Math.max(1, text.text.length - length));
    let exact = text.text.slice(start, start + length);
    if (h % 2 === 1) {
      for (let s = 0; s < 6; s++) {
        const at = next(exact.length + 1);
        exact = exact.slice(0, at) + SPECIALS[next(SPECIALS.length)] + exact.slice(at);
      }
    }
    if (exact.trim() === '') exact = `${SPECIALS[h % SPECIALS.length]}x`;
    const note = h % 3 === 0 ? `Note on *${h}*: <b>${SPECIALS[h % SPECIALS.length]}</b>` : '';
    return highlight(exact, start, { id: `${text.name}-${h}`, articleId: text.name, note });
  });
}

const texts = corpusTexts();

describe('corpus round trip', () => {
  it('reads the sample article and the 32 web pages', () => {
    expect(texts).toHaveLength(33);
    for (const text of texts) expect(text.text.trim().length, text.name).toBeGreaterThan(10);
  });

  it.each(PRESETS)('keeps every quote literal text with the %s preset', (preset) => {
    const template = presetTemplate(preset);
    let quotes = 0;
    const failures: string[] = [];
    texts.forEach((text, index) => {
      const highlights = highlightsOf(text, index);
      const markdown = articleToMarkdown(
        {
          meta: meta({ id: text.name, title: text.title }),
          highlights,
          textLength: text.text.length,
        },
        template,
      );
      const parsed = parseExport(markdown);
      const title = text.title.replace(/\s+/g, ' ').trim() || 'Untitled';
      expect(parsed.frontMatter?.title, text.name).toBe(title);
      expect(liveHtml(parsed.tokens), text.name).toEqual([]);
      expect(
        linkTargets(parsed.tokens).filter((href) => !isSafeHref(href)),
        text.name,
      ).toEqual([]);
      // Reading order is tested elsewhere; here each quote must be found, exactly, once.
      const found = blockQuotes(parsed.tokens).map(quoteText);
      expect(found.length, text.name).toBe(highlights.length);
      const unmatched = [...found];
      for (const h of highlights) {
        quotes += 1;
        const at = unmatched.indexOf(asMarkdownText(h.selectors[0].exact));
        if (at === -1)
          failures.push(`${text.name} ${h.id}: ${JSON.stringify(h.selectors[0].exact)}`);
        else unmatched.splice(at, 1);
      }
    });
    expect(failures).toEqual([]);
    expect(quotes).toBe(texts.length * HIGHLIGHTS_PER_TEXT);
  });
});
