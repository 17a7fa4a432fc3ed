/**
 * An export template, compiled and checked: its front matter (rendered as YAML) and its body
 * (rendered as Markdown, inside Margin's markers). Checking happens once, up front, against a
 * sample article that has every variable, so a bad template is reported with its line before a
 * single file is written, and rendering a checked template cannot fail.
 */
import type { ArticleMeta, Highlight } from '../model';
import { DEFAULT_PRESET, TEMPLATE_PRESETS, type TemplatePresetName } from './presets';
import {
  parseTemplate,
  renderTemplate,
  sectionBody,
  TemplateError,
  validateTemplate,
  type Template,
  type TemplateView,
} from './template';
import { markdownContext, yamlContext } from './template-context';
import { articleView, type ArticleExport } from './views';

export interface ExportTemplate {
  readonly name: string;
  /** Null when the template writes no front matter. */
  readonly frontMatter: Template | null;
  readonly body: Template;
  /** The layout of one highlight: the inside of `{{#highlights}}`, else of `{{#orphans}}`. */
  readonly highlight: Template | null;
  readonly orphan: Template | null;
  /** Top-level front matter keys the template writes: Margin's on re-export, the rest the user's. */
  readonly ownedKeys: ReadonlySet<string>;
}

const FENCE = /^---[ \t]*$/;
/** A front matter line of the template: `key: …`, written out (keys are never variables). */
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|$)/;
const STANDALONE_TAG = /^[ \t]*\{\{[#^/!][^}]*\}\}[ \t]*$/;
const MARKER_TEXT = /margin:(?:begin|end)\b/;

/** Compiles a template's source; throws a TemplateError (with its line) if anything is wrong. */
export function compileTemplate(source: string, name = 'custom'): ExportTemplate {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    const marker = MARKER_TEXT.exec(line);
    if (marker) {
      throw new TemplateError(
        'a template may not write Margin\'s "margin:begin"/"margin:end" markers',
        index + 1,
        marker.index + 1,
      );
    }
  });
  let frontMatter: Template | null = null;
  let bodyStart = 0;
  const ownedKeys = new Set<string>();
  if (FENCE.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
    if (close === -1) throw new TemplateError('the front matter is never closed by "---"', 1, 1);
    const yamlLines = lines.slice(1, close);
    yamlLines.forEach((line, index) => {
      const key = KEY.exec(line);
      if (key) ownedKeys.add(key[1] ?? '');
      else if (line.trim() !== '' && !STANDALONE_TAG.test(line) && !/^[ \t]*#/.test(line)) {
        throw new TemplateError(
          'each front matter line must be "key: {{variable}}" (or a section tag on its own line)',
          index + 2,
          1,
        );
      }
    });
    frontMatter = parseTemplate(yamlLines.join('\n'), 2);
    bodyStart = close + 1;
  }
  const body = parseTemplate(lines.slice(bodyStart).join('\n'), bodyStart + 1);
  const sample = sampleView();
  if (frontMatter) validateTemplate(frontMatter, sample);
  validateTemplate(body, sample);
  return {
    name,
    frontMatter,
    body,
    highlight: sectionBody(body, 'highlights'),
    orphan: sectionBody(body, 'orphans') ?? sectionBody(body, 'highlights'),
    ownedKeys,
  };
}

const compiledPresets = new Map<TemplatePresetName, ExportTemplate>();

/** A built-in template, compiled once. */
export function presetTemplate(name: TemplatePresetName = DEFAULT_PRESET): ExportTemplate {
  let template = compiledPresets.get(name);
  if (!template) {
    template = compileTemplate(TEMPLATE_PRESETS[name], name);
    compiledPresets.set(name, template);
  }
  return template;
}

/** The YAML between the front matter fences (no fences), or null if the template has none. */
export function renderFrontMatter(template: ExportTemplate, view: TemplateView): string | null {
  if (!template.frontMatter) return null;
  return renderTemplate(template.frontMatter, view, yamlContext)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n');
}

/** The Markdown body, without blank lines at its start or end. */
export function renderBody(template: ExportTemplate, view: TemplateView): string {
  return trimBlankLines(renderTemplate(template.body, view, markdownContext));
}

/** One highlight laid out as in the body; `view` is the article's and the highlight's merged. */
export function renderHighlight(
  template: ExportTemplate,
  view: TemplateView,
  orphan: boolean,
): string {
  const layout = orphan ? template.orphan : template.highlight;
  return layout ? trimBlankLines(renderTemplate(layout, view, markdownContext)) : '';
}

export function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
}

/** An article with every variable set and one highlight in each list. */
function sampleView(): TemplateView {
  const meta: ArticleMeta = {
    id: 'sample',
    title: 'Sample',
    byline: 'Author',
    siteName: 'Site',
    url: 'https://example.com/',
    source: 'sample.html',
    kind: 'html',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'Excerpt',
    publishedTime: '2024-01-01T00:00:00.000Z',
    savedAt: '2024-01-02T00:00:00.000Z',
    wordCount: 1,
    sourceHash: '',
    sourceFile: 'source.html',
    read: false,
    favorite: false,
    tags: ['tag'],
    note: 'Note',
    scrollPosition: 0,
    deletedAt: null,
  } as ArticleMeta;
  const highlight = (id: string): Highlight => ({
    id,
    articleId: meta.id,
    selectors: [
      { type: 'TextQuoteSelector', exact: 'quote', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 5 },
    ],
    color: 'yellow',
    note: 'Note',
    createdAt: meta.savedAt,
    updatedAt: meta.savedAt,
  });
  const input: ArticleExport = {
    meta,
    highlights: [highlight('placed'), highlight('orphan')],
    orphanIds: new Set(['orphan']),
    textLength: 10,
  };
  return articleView(input);
}
