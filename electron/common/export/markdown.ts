import type { ArticleMeta, Highlight } from '../model';
import { escapeMarkdownInline, escapeMarkdownLine, textLines } from './escape-markdown';
import { userMarkdownBlock } from './user-markdown';
import { yamlString } from './yaml';

export { MAX_FILE_NAME_LENGTH, markdownFileName, uniqueFileNames } from './file-name';

export interface ArticleMarkdownInput {
  meta: ArticleMeta;
  highlights: readonly Highlight[];
  /**
   * Where each highlight (by id) starts in the article's current text, when re-anchoring moved
   * it; otherwise its position selector is used. Only the order depends on it.
   */
  positions?: ReadonlyMap<string, number>;
}

/**
 * An article's highlights and notes as a Markdown document: YAML front matter with the
 * metadata, the title, each highlight in reading order as a block quote of its exact text with
 * its note (the user's own Markdown, kept as such) below, then the article's note.
 */
export function articleToMarkdown({ meta, highlights, positions }: ArticleMarkdownInput): string {
  const title = singleLine(meta.title) || 'Untitled';
  const blocks = [frontMatter(meta), `# ${escapeMarkdownInline(title)}`];
  for (const highlight of inReadingOrder(highlights, positions)) {
    blocks.push(blockQuote(highlight.selectors[0].exact));
    const note = userMarkdownBlock(highlight.note);
    if (note) blocks.push(note);
  }
  const articleNote = userMarkdownBlock(meta.note);
  if (articleNote) blocks.push('## Note', articleNote);
  return `${blocks.join('\n\n')}\n`;
}

function frontMatter(meta: ArticleMeta): string {
  const lines = ['---', `title: ${yamlString(singleLine(meta.title) || 'Untitled')}`];
  if (meta.byline) lines.push(`author: ${yamlString(meta.byline)}`);
  if (meta.siteName) lines.push(`site: ${yamlString(meta.siteName)}`);
  if (meta.url) lines.push(`url: ${yamlString(meta.url)}`);
  const saved = localDate(meta.savedAt);
  if (saved) lines.push(`saved: ${saved}`);
  if (meta.tags.length === 0) lines.push('tags: []');
  else lines.push('tags:', ...meta.tags.map((tag) => `  - ${yamlString(tag)}`));
  lines.push('---');
  return lines.join('\n');
}

/** Quoted text, literally: every line prefixed with "> ", blank lines inside it as ">". */
function blockQuote(text: string): string {
  return textLines(text)
    .map((line) => (line === '' ? '>' : `> ${escapeMarkdownLine(line)}`))
    .join('\n');
}

function inReadingOrder(
  highlights: readonly Highlight[],
  positions: ReadonlyMap<string, number> | undefined,
): Highlight[] {
  const startOf = (highlight: Highlight): number =>
    positions?.get(highlight.id) ?? highlight.selectors[1].start;
  return [...highlights].sort(
    (a, b) =>
      startOf(a) - startOf(b) ||
      a.selectors[1].end - b.selectors[1].end ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

function singleLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The day the article was saved, in the user's time zone, as YYYY-MM-DD; null if unparseable. */
function localDate(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
