/**
 * A saved web page to article HTML: Mozilla Readability (Firefox's Reader View) picks the
 * article and its metadata out of the page. Nothing in the page runs and nothing is fetched.
 * The result is not yet safe: sanitize.ts is the gate every body passes afterwards.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { ARTICLE_HTML_POLICY } from '../../common/article-html-policy';
import type { ArticleDraft } from './draft';
import { findPageUrl, resolveUrl, savedFromUrl } from './page-url';
import { collapseWhitespace } from './text-stats';

/**
 * Removes `<tag …>…</tag>` elements from raw HTML unless `keep(attributes)` says otherwise. A
 * match holding comment markers or another opening tag may not be one element to the HTML
 * parser (a "<script>" inside a comment or an attribute, a script's escaped text), so it is
 * left alone for the parser to handle.
 */
function stripElements(source: string, tag: string, keep: (attributes: string) => boolean): string {
  const element = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}\\s*>`, 'gi');
  const ambiguous = new RegExp(`<!--|-->|<${tag}\\b`, 'i');
  return source.replace(element, (whole, attributes: string, content: string) =>
    keep(attributes) || ambiguous.test(content) ? whole : '',
  );
}

/**
 * Script and style elements are thrown away anyway, and building them (jsdom parses every
 * stylesheet) is a large part of the cost of a big page. JSON-LD scripts stay: Readability
 * reads metadata from them.
 */
function dropScriptsAndStyles(source: string): string {
  const withoutScripts = stripElements(source, 'script', (attributes) =>
    /application\/ld\+json/i.test(attributes),
  );
  return stripElements(withoutScripts, 'style', () => false);
}

/** A parsed page, and how to let go of it. */
interface ParsedSource {
  document: Document;
  dispose: () => void;
}

/**
 * A whole saved page (with its `<html>` and `<body>` tags) is parsed with linkedom, several times
 * faster than jsdom on big pages; what Readability keeps of it is sanitized on jsdom afterwards
 * (see sanitize.ts), so linkedom's looser parsing never decides what is safe. Anything else
 * (a fragment, pasted markup) needs the HTML parser's repairs and goes to jsdom.
 */
function isWholePage(source: string): boolean {
  return /<html[\s>]/i.test(source.slice(0, 16_384)) && /<body[\s>]/i.test(source);
}

function parseSource(source: string): ParsedSource {
  if (isWholePage(source)) {
    const { document } = parseHTML(source);
    return { document: document as unknown as Document, dispose: () => undefined };
  }
  // Defaults: no scripts run and no resources load. The console is silenced: a saved page's
  // broken CSS is not the user's problem. DOMParser documents have no browsing context, so
  // nothing (not even an iframe) is loaded.
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
  const document = new window.DOMParser().parseFromString(source, 'text/html');
  // jsdom keeps documents alive for as long as the window they were parsed in: close it.
  return { document, dispose: () => window.close() };
}

/**
 * Parses the page into an inert document (no script runs, nothing loads). The page's URL
 * becomes its base URL, which Readability resolves links and images against.
 */
function parsePage(source: string, knownUrl: string | null): ParsedSource & { url: string | null } {
  const parsed = parseSource(dropScriptsAndStyles(source));
  const { document } = parsed;
  const url = knownUrl ?? findPageUrl(document, savedFromUrl(source));
  const base = document.querySelector('base[href]');
  if (base !== null) {
    // A page's own <base> is kept, made absolute (a relative one would resolve against nothing).
    const absolute = resolveUrl(base.getAttribute('href'), url);
    if (absolute === null) base.removeAttribute('href');
    else base.setAttribute('href', absolute);
  } else if (url !== null && document.head) {
    const element = document.createElement('base');
    element.setAttribute('href', url);
    document.head.prepend(element);
  }
  return { ...parsed, url };
}

function clean(value: string | null | undefined): string | null {
  const flat = collapseWhitespace(value ?? '');
  return flat === '' ? null : flat;
}

function textDirection(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const dir = value?.trim().toLowerCase();
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}

function comparable(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}

/**
 * The reader shows the title itself, so a heading that opens the article and repeats the title
 * (possibly without the " | Site" suffix) is removed, unless it is all the text there is.
 */
function dropTitleHeading(root: Element, title: string): void {
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, 0x1 | 0x4); // elements and text
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').trim() !== '') return; // text came first: no title heading
      continue;
    }
    if (!/^H[1-3]$/.test(node.nodeName)) continue;
    const heading = comparable(node.textContent ?? '');
    const full = comparable(title);
    const repeatsTitle =
      heading !== '' &&
      (heading === full ||
        (full.startsWith(heading) && /^\s*[|–—:·-]/.test(full.slice(heading.length))));
    const rest = comparable(root.textContent ?? '').length - heading.length;
    if (repeatsTitle && rest > 0) (node as Element).remove();
    return;
  }
}

/** Attributes the sanitizer keeps, plus `srcset`, which images.ts may still read an image from. */
const KEPT_ATTRIBUTES = new Set([...(ARTICLE_HTML_POLICY.ALLOWED_ATTR ?? []), 'srcset']);
/** Elements the sanitizer removes with everything in them. */
const DROPPED_ELEMENTS =
  'script, style, noscript, template, svg, math, iframe, frame, object, embed, video, audio, canvas, map, button, select, textarea';

/**
 * Removes, on the fast DOM, what the sanitizer would remove anyway, so that its slower (but
 * standard) DOM has less to parse and prune. Not a safety measure: sanitize.ts still checks all.
 */
function trimForSanitizer(root: Element): void {
  for (const element of Array.from(root.querySelectorAll(DROPPED_ELEMENTS))) element.remove();
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const name of element.getAttributeNames()) {
      if (!KEPT_ATTRIBUTES.has(name)) element.removeAttribute(name);
    }
  }
}

function firstHeadingText(root: Element): string | null {
  return clean(root.querySelector('h1, h2, h3')?.textContent);
}

/** When Readability finds no article: the page's whole body, minus the obvious chrome. */
function wholeBody(document: Document, url: string | null): ArticleDraft {
  // linkedom builds no <html> at all for some broken sources (an unclosed comment first, say);
  // there is nothing to read then, and the importer says so.
  if (document.documentElement === null) return { title: '', html: '', url, lang: null, dir: null };
  for (const element of Array.from(document.body.querySelectorAll('nav, header, footer'))) {
    if (element.closest('article, main') === null) element.remove();
  }
  return {
    title: clean(document.title) ?? firstHeadingText(document.body) ?? '',
    html: document.body.innerHTML,
    url,
    lang: clean(document.documentElement.lang),
    dir: textDirection(document.documentElement.dir),
  };
}

function readArticle(document: Document): ReturnType<Readability<Node>['parse']> {
  try {
    return new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch {
    return null; // Readability gives up on some odd documents; the caller falls back
  }
}

/** `knownUrl`: the page's address when the caller knows it (a fetched URL); else it is looked for. */
export function parseHtmlPage(source: string, knownUrl: string | null = null): ArticleDraft {
  const first = parsePage(source, knownUrl);
  try {
    const { document, url } = first;
    const article = readArticle(document);
    // With the identity serializer, `content` is the article's container element.
    const content = article?.content as Element | null | undefined;
    if (!article || !content || (content.textContent ?? '').trim() === '') {
      // Readability changed the document: parse it afresh.
      const again = parsePage(source, knownUrl);
      try {
        return wholeBody(again.document, again.url);
      } finally {
        again.dispose();
      }
    }
    const title = clean(article.title) ?? firstHeadingText(content) ?? '';
    if (title !== '') dropTitleHeading(content, title);
    trimForSanitizer(content);
    return {
      title,
      html: content.innerHTML,
      byline: clean(article.byline),
      siteName: clean(article.siteName),
      url,
      lang: clean(article.lang),
      dir: textDirection(article.dir),
      excerpt: clean(article.excerpt),
      publishedTime: clean(article.publishedTime),
    };
  } finally {
    first.dispose();
  }
}
