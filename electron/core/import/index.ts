/**
 * Importers: turn a dropped file or pasted text into an article — title, metadata and a
 * sanitized HTML body. Pure parsing: nothing here writes files or touches the network.
 */
import type { SourceKind } from '../../common/model';
import type { ArticleDraft } from './draft';
import { decodeImportBytes } from './decode';
import { parseHtmlPage } from './html-page';
import { importFailed } from './import-error';
import { parseMarkdown } from './markdown';
import { parsePlainText } from './plain-text';
import { sanitizeArticle } from './sanitize';
import { countWords, excerptOf, hasReadableText, titleFromLine } from './text-stats';

export { sanitizeArticleHtml } from './sanitize';
export { localizeImages } from './page-images';
export { savedHtmlPage, savedMhtmlPage } from './saved-page';

export interface ParsedArticle {
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  publishedTime: string | null;
  kind: SourceKind;
  /** Sanitized HTML fragment: the article body, without the title. */
  html: string;
  /** `textContent` of `html` parsed as a fragment: the coordinate space of highlights. */
  text: string;
  wordCount: number;
  /** Extension to store the original under: 'txt' | 'md' | 'html'. */
  sourceExtension: SourceExtension;
}

type Format = 'txt' | 'md' | 'html';
/** Extension the original is kept under (`source.<ext>`). */
export type SourceExtension = Format;

const FORMATS: Readonly<Record<string, Format>> = {
  txt: 'txt',
  md: 'md',
  html: 'html',
  htm: 'html',
};

export const IMPORTABLE_EXTENSIONS = [...Object.keys(FORMATS), 'mhtml', 'mht'];

const PASTED_LABEL = 'The pasted text';

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function draftFor(format: Format, text: string): ArticleDraft {
  switch (format) {
    case 'txt':
      return parsePlainText(text);
    case 'md':
      return parseMarkdown(text);
    case 'html':
      return parseHtmlPage(text);
  }
}

function finish(
  draft: ArticleDraft,
  kind: SourceKind,
  format: Format,
  label: string,
  fallbackTitle: (text: string) => string,
): ParsedArticle {
  const { html, text } = sanitizeArticle(draft.html);
  if (!hasReadableText(text)) {
    throw importFailed(`${label} has no readable ${format === 'html' ? 'article ' : ''}text`);
  }
  return {
    title: draft.title.trim() || fallbackTitle(text),
    byline: draft.byline ?? null,
    siteName: draft.siteName ?? null,
    url: draft.url ?? null,
    lang: draft.lang ?? null,
    dir: draft.dir ?? null,
    excerpt: draft.excerpt ?? excerptOf(text),
    publishedTime: draft.publishedTime ?? null,
    kind,
    html,
    text,
    wordCount: countWords(text),
    sourceExtension: format,
  };
}

/** Imports a .txt, .md, .html or .htm file. Throws MarginError('import-failed') with the reason. */
export function parseImport(file: { name: string; bytes: Uint8Array }): ParsedArticle {
  const name = baseName(file.name);
  const format = FORMATS[extensionOf(name)];
  if (format === undefined) {
    throw importFailed(`${name}: Margin imports .txt, .md, .html, .htm, .mhtml and .mht files`);
  }
  const text = decodeImportBytes(name, file.bytes, format === 'html');
  return finish(draftFor(format, text), format, format, name, () => stem(name));
}

/** A saved page's bytes as text, in the character set it declares (BOM, `<meta charset>`). */
export function decodePageBytes(name: string, bytes: Uint8Array): string {
  return decodeImportBytes(baseName(name), bytes, true);
}

/**
 * A page's article before its images are stored: metadata and the unsanitized body. `url` is
 * the page's address when the caller knows it; otherwise it is looked for in the page.
 */
export function extractPage(html: string, url: string | null): ArticleDraft {
  return parseHtmlPage(html, url);
}

/** Sanitizes an extracted page, once its images are stored, into the article to keep. */
export function finishPage(draft: ArticleDraft, label: string): ParsedArticle {
  const name = baseName(label);
  return finish(draft, 'html', 'html', name, () => stem(name));
}

function firstLineOf(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? 'Pasted text' : titleFromLine(line);
}

/** Markup such as "<p>…" or "<!DOCTYPE html>" at the start, with real tags in it. */
function looksLikeHtml(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('<') && /<(?:!doctype\s+html|\/?[a-z][a-z0-9-]*[\s/>])/i.test(start);
}

/** Imports pasted text: read as plain text, or as a page when it is HTML markup. */
export function parsePastedText(text: string): ParsedArticle {
  if (text.trim() === '') throw importFailed(`${PASTED_LABEL} is empty`);
  const format: Format = looksLikeHtml(text) ? 'html' : 'txt';
  return finish(draftFor(format, text), 'paste', format, PASTED_LABEL, firstLineOf);
}
