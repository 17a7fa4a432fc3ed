/**
 * Reading an exported file back the way a note-taking app would: YAML front matter with js-yaml,
 * the rest with marked's CommonMark/GFM lexer. These helpers know nothing of how the export is
 * written; they only say what a parser makes of it.
 */
import { createRequire } from 'node:module';
import { marked, type Token, type Tokens } from 'marked';

const require = createRequire(import.meta.url);
// js-yaml's types are installed but its ESM entry is not what vitest resolves here.
const yaml = require('js-yaml') as { load(text: string): unknown };

export interface ParsedExport {
  /** The front matter as YAML parses it; null if there is none. */
  frontMatter: Record<string, unknown> | null;
  /** Everything after the front matter. */
  body: string;
  tokens: Token[];
}

export function parseExport(markdown: string): ParsedExport {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const frontMatter = match ? (yaml.load(match[1] ?? '') as Record<string, unknown>) : null;
  const body = match ? markdown.slice(match[0].length) : markdown;
  return { frontMatter, body, tokens: marked.lexer(body) };
}

/** Every token, depth first (blocks, list items, inline tokens). */
export function allTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      out.push(token);
      const withChildren = token as Token & { tokens?: Token[]; items?: Token[] };
      if (withChildren.tokens) visit(withChildren.tokens);
      if (withChildren.items) visit(withChildren.items);
    }
  };
  visit(tokens);
  return out;
}

export function blockQuotes(tokens: readonly Token[]): Tokens.Blockquote[] {
  return allTokens(tokens).filter(
    (token): token is Tokens.Blockquote => token.type === 'blockquote',
  );
}

/** The top-level block types, without blank-line tokens. */
export function blockTypes(tokens: readonly Token[]): string[] {
  return tokens.filter((token) => token.type !== 'space').map((token) => token.type);
}

/**
 * The text a block quote renders to, or a description of what else it holds: anything but plain
 * paragraphs (emphasis, code, links, HTML, breaks, lists…) means Markdown leaked out of a quote.
 */
export function quoteText(quote: Tokens.Blockquote): string {
  const html = marked.parser(quote.tokens).trim();
  const tags = (html.match(/<[^>]*>/g) ?? []).filter((tag) => tag !== '<p>' && tag !== '</p>');
  if (tags.length > 0) return `NOT PLAIN TEXT: ${html}`;
  return decodeEntities(html.replace(/<\/p>\s*<p>/g, '\n\n').replace(/^<p>|<\/p>$/g, ''));
}

/**
 * What a highlight's text looks like once in Markdown: line endings as "\n", whitespace at the
 * ends of lines gone and runs of blank lines as one (Markdown has no way to hold those), U+0000
 * as U+FFFD (CommonMark's rule). Every other character and line break is kept.
 */
export function asMarkdownText(text: string): string {
  const lines = text
    .replace(/\0/g, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim());
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

export function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Raw HTML the parser found, apart from Margin's own begin/end markers. */
export function liveHtml(tokens: readonly Token[]): string[] {
  return allTokens(tokens)
    .filter((token) => token.type === 'html')
    .map((token) => token.raw.trim())
    .filter((raw) => !/^<!-- margin:(?:begin|end) [A-Za-z0-9_-]+ -->$/.test(raw));
}

/** Link and image destinations the parser found. */
export function linkTargets(tokens: readonly Token[]): string[] {
  return allTokens(tokens)
    .filter((token) => token.type === 'link' || token.type === 'image')
    .map((token) => (token as Tokens.Link | Tokens.Image).href);
}

/** http(s), mailto:, margin:, or relative (no scheme). */
export function isSafeHref(href: string): boolean {
  const decoded = decodeEntities(href).trim();
  if (/^(?:https?:|mailto:|margin:)/i.test(decoded)) return true;
  return !/^[\s\p{Cc}]*[A-Za-z][A-Za-z0-9+.-]*[\s\p{Cc}]*:/u.test(decoded.replace(/[\t\n\r]/g, ''));
}
