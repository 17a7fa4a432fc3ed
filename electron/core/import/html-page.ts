/**
 * A saved web page to article HTML: Mozilla Readability (Firefox's Reader View) picks the
 * article and its metadata out of the page. Nothing in the page runs and nothing is fetched.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';
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

/**
 * Runs `read` with a fresh window, closed afterwards: jsdom keeps documents alive for as long
 * as the window they were parsed in, so a shared window would leak every imported page.
 */
function withWindow<T>(read: (window: DOMWindow) => T): T {
  // Defaults: no scripts run and no resources load. The console is silenced: a saved page's
  // broken CSS is not the user's problem.
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
  try {
    return read(window);
  } finally {
    window.close();
  }
}

/**
 * Parses the page into an inert document: DOMParser documents have no browsing context, so
 * scripts cannot run and nothing (not even an iframe) is loaded, and they build about twice
 * as fast as a window's own document. The page's URL becomes its base URL, which Readability
 * resolves links and images against.
 */
function parsePage(
  window: DOMWindow,
  source: string,
  knownUrl: string | null,
): { document: Document; url: string | null } {
  const document = new window.DOMParser().parseFromString(
    dropScriptsAndStyles(source),
    'text/html',
  );
  const url = knownUrl ?? findPageUrl(document, savedFromUrl(source));
  const base = document.querySelector('base[href]');
  if (base !== null) {
    // A page's own <base> is kept, made absolute (a relative one would resolve against nothing).
    const absolute = resolveUrl(base.getAttribute('href'), url);
    if (absolute === null) base.removeAttribute('href');
    else base.setAttribute('href', absolute);
  } else if (url !== null) {
    const element = document.createElement('base');
    element.setAttribute('href', url);
    document.head.prepend(element);
  }
  return { document, url };
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

function firstHeadingText(root: Element): string | null {
  return clean(root.querySelector('h1, h2, h3')?.textContent);
}

/** When Readability finds no article: the page's whole body, minus the obvious chrome. */
function wholeBody(window: DOMWindow, source: string, knownUrl: string | null): ArticleDraft {
  const { document, url } = parsePage(window, source, knownUrl);
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
  return withWindow((window) => {
    const { document, url } = parsePage(window, source, knownUrl);
    const article = readArticle(document);
    // With the identity serializer, `content` is the article's container element.
    const content = article?.content as Element | null | undefined;
    if (!article || !content || (content.textContent ?? '').trim() === '') {
      return wholeBody(window, source, knownUrl); // Readability changed the document: parse it afresh
    }
    const title = clean(article.title) ?? firstHeadingText(content) ?? '';
    if (title !== '') dropTitleHeading(content, title);
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
  });
}
