/**
 * Markdown export, the public entry points: one article as a file, one highlight for the
 * clipboard, many articles as one file. Layout comes from a template (Obsidian by default; see
 * presets.ts and docs/export.md); the file format around it from managed-file.ts.
 */
import {
  presetTemplate,
  renderBody,
  renderFrontMatter,
  renderHighlight,
  type ExportTemplate,
} from './export-template';
import { newManagedFile, type RenderedArticle } from './managed-file';
import type { TemplateView } from './template';
import { articleView, type ArticleExport } from './views';

export { MAX_FILE_NAME_LENGTH, markdownFileName, uniqueFileNames } from './file-name';
export { compileTemplate, presetTemplate, type ExportTemplate } from './export-template';
export { TEMPLATE_PRESETS, isTemplatePresetName, type TemplatePresetName } from './presets';
export { TemplateError } from './template';
export { placeHighlights } from './placement';
export type { ArticleExport } from './views';

/** The front matter and body of one article, rendered (the parts a file is made of). */
export function renderArticle(
  input: ArticleExport,
  template: ExportTemplate = presetTemplate(),
): RenderedArticle {
  const view = articleView(input);
  return {
    articleId: input.meta.id,
    frontMatter: renderFrontMatter(template, view),
    body: renderBody(template, view),
  };
}

/**
 * An article's highlights and notes as a Markdown file: front matter, then the managed region
 * (title, each highlight in reading order as a block quote of its exact text with its note
 * below, orphaned highlights apart, the article's note), between Margin's markers.
 */
export function articleToMarkdown(
  input: ArticleExport,
  template: ExportTemplate = presetTemplate(),
): string {
  return newManagedFile(renderArticle(input, template));
}

/**
 * One highlight laid out as in the article's file (quote, block id, link, note), for "Copy as
 * Markdown". Null if the article has no highlight with that id.
 */
export function highlightToMarkdown(
  input: ArticleExport,
  highlightId: string,
  template: ExportTemplate = presetTemplate(),
): string | null {
  const article = articleView(input);
  const lists = [article.highlights, article.orphans];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list as readonly TemplateView[]) {
      if (item.id !== highlightId) continue;
      const merged: TemplateView = { ...article, ...item };
      return `${renderHighlight(template, merged, item.orphan === true)}\n`;
    }
  }
  return null;
}

/**
 * Many articles in one Markdown file, each article's managed region (its own markers around it)
 * one after the other. No front matter: it would describe only one of them.
 */
export function articlesToMarkdown(
  inputs: Iterable<ArticleExport>,
  template: ExportTemplate = presetTemplate(),
): string {
  const regions: string[] = [];
  for (const input of inputs) {
    const article = renderArticle(input, template);
    regions.push(newManagedFile({ ...article, frontMatter: null }).trimEnd());
  }
  return regions.length === 0 ? '' : `${regions.join('\n\n')}\n`;
}
