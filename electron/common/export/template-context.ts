/**
 * How template values are written, by where they land. Every value is one of:
 * - plain text (title, author, tags, color…): escaped so it stays literal text;
 * - Markdown (a highlight's text, already escaped; a note, the user's own Markdown, made safe):
 *   written as is, never escaped twice;
 * - a link (validated http(s) or margin: URL): written as `<url>`, which is both a valid link
 *   destination, `[text]({{url}})`, and an autolink on its own;
 * - numbers, booleans, dates (YYYY-MM-DD in the user's time zone) and lists of these.
 * In front matter every value is written as YAML instead.
 */
import { escapeMarkdownLine } from './escape-markdown';
import type { RenderOptions, TemplateLeaf, TemplateValue } from './template';
import { localDay, yamlValue, type YamlValue } from './yaml';

/** Markdown to be written as it is. (Classes, not plain objects: those are views.) */
export class MarkdownValue {
  readonly kind = 'markdown';
  constructor(readonly markdown: string) {}
}

/** A URL known to be safe to link to. */
export class LinkValue {
  readonly kind = 'link';
  constructor(readonly href: string) {}
}

export const markdownValue = (markdown: string): MarkdownValue => new MarkdownValue(markdown);

const SAFE_LINK = /^(?:https?:\/\/[^\s<>]+|margin:\/\/[^\s<>]+)$/i;

/**
 * `url` as a link if it is an absolute http(s) URL (or a margin: link), normalized by the URL
 * parser (spaces, quotes, "<" and ">" percent-encoded); null for anything else, `javascript:`
 * and `file:` included.
 */
export function linkValue(url: string | null | undefined): LinkValue | null {
  if (!url) return null;
  let href: string;
  try {
    href = new URL(url.trim()).href;
  } catch {
    return null;
  }
  return SAFE_LINK.test(href) ? new LinkValue(href) : null;
}

function isMarkdown(value: TemplateLeaf): value is MarkdownValue {
  return value instanceof MarkdownValue;
}

function isLink(value: TemplateLeaf): value is LinkValue {
  return value instanceof LinkValue;
}

/** `{{x}}` and `{{{x}}}` in the Markdown body. */
export const markdownContext: RenderOptions = {
  escape(value) {
    if (typeof value === 'string') return escapeMarkdownLine(value.replace(/\s+/gu, ' '));
    if (isMarkdown(value)) return value.markdown;
    if (isLink(value)) return `<${value.href}>`;
    return plain(value);
  },
  raw(value) {
    if (typeof value === 'string') return value;
    if (isMarkdown(value)) return value.markdown;
    if (isLink(value)) return value.href;
    return plain(value);
  },
};

/** `{{x}}` and `{{{x}}}` in front matter: always a YAML value, whatever the brace count. */
export const yamlContext: RenderOptions = {
  escape: (value) => yamlValue(toYaml(value)),
  raw: (value) => yamlValue(toYaml(value)),
  // A list is one YAML value, a flow sequence, not its items one after another.
  list: (values) => yamlValue(values.map(yamlItem)),
};

function yamlItem(value: TemplateValue): YamlValue {
  if (Array.isArray(value)) return value.map(yamlItem);
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return null;
  }
  return toYaml(value as TemplateLeaf);
}

function toYaml(value: TemplateLeaf): YamlValue {
  if (value === undefined) return null;
  if (isMarkdown(value)) return value.markdown;
  if (isLink(value)) return value.href;
  if (typeof value === 'object' && !(value instanceof Date)) return null;
  return value;
}

function plain(value: TemplateLeaf): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return localDay(value) ?? '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
