/**
 * Markdown to article HTML with `marked`. The title is the document's leading `# heading` (or
 * a front-matter `title:`), removed from the body; otherwise the first line's plain text.
 */
import { Marked, type Token, type Tokens } from 'marked';
import type { ArticleDraft } from './draft';
import { fragmentText } from './dom';
import { sanitizeArticleHtml } from './sanitize';
import { collapseWhitespace, titleFromLine } from './text-stats';

const markdown = new Marked({ gfm: true, async: false });

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Obsidian/Jekyll-style front matter: dropped from the body; its `title:` is used. */
function splitFrontMatter(source: string): { title: string | null; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (match === null) return { title: null, body: source };
  const titleLine = /^title:[ \t]*(.+)$/m.exec(match[1] ?? '');
  const title = titleLine?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2') ?? '';
  return { title: title === '' ? null : title, body: source.slice(match[0].length) };
}

function plainText(html: string): string {
  return collapseWhitespace(fragmentText(sanitizeArticleHtml(html)));
}

function isContent(token: Token): boolean {
  if (token.type === 'space') return false;
  return !(token.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw));
}

function firstLineTitle(token: Token | undefined): string {
  if (token === undefined) return '';
  const text = fragmentText(sanitizeArticleHtml(markdown.parser([token])));
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return titleFromLine(line);
}

export function parseMarkdown(source: string): ArticleDraft {
  const normalized = source.replace(/\r\n?/g, '\n');
  const front = splitFrontMatter(normalized);
  const tokens = markdown.lexer(front.body);
  const firstIndex = tokens.findIndex(isContent);
  const first = tokens[firstIndex];
  const hasMoreContent = tokens.slice(firstIndex + 1).some(isContent);

  let title = front.title;
  if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1) {
    const headingTitle = plainText(
      markdown.parseInline((first as Tokens.Heading).text, { async: false }),
    );
    title ??= headingTitle;
    // Removed only when it duplicates the title and something is left to read.
    if (headingTitle === title && hasMoreContent) tokens.splice(firstIndex, 1);
  }
  title ??= firstLineTitle(first);
  return { title, html: markdown.parser(tokens) };
}
