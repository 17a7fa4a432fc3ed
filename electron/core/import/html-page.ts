/**
 * A saved web page to article HTML: Mozilla Readability (Firefox's Reader View) picks the
 * article and its metadata out of the page. Nothing in the page runs and nothing is fetched.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleDraft } from './draft';
import { sharedWindow } from './dom';
import { findPageUrl, resolveUrl, savedFromUrl } from './page-url';
import { collapseWhitespace } from './text-stats';

/**
 * Script and style elements are thrown away anyway, and building them (jsdom parses every
 * stylesheet) is much of the cost of a large page. JSON-LD scripts stay: Readability reads
 * metadata from them.
 */
function dropScriptsAndStyles(source: string): string {
  return source
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (whole, attributes: string) =>
      /application\/ld\+json/i.test(attributes) ? whole : '',
    )
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '');
}

/**
 * Parses the page into an inert document: DOMParser documents have no browsing context, so
 * scripts cannot run, nothing (not even an iframe) is loaded, and no window is built per page.
 * The page's own URL becomes its base URL, which Readability resolves links against.
 */
function parsePage(source: string): { document: Document; url: string | null } {
  const window = sharedWindow();
  const document = new window.DOMParser().parseFromString(dropScriptsAndStyles(source), 'text/html');
  const url = findPageUrl(document, savedFromUrl(source));
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
      (heading === full || (full.startsWith(heading) && /^\s*[|–—:·-]/.test(full.slice(heading.length))));
    const rest = comparable(root.textContent ?? '').length - heading.length;
    if (repeatsTitle && rest > 0) (node as Element).remove();
    return;
  }
}

function firstHeadingText(root: Element): string | null {
  return clean(root.querySelector('h1, h2, h3')?.textContent);
}

/** When Readability finds no article: the page's whole body text, minus the obvious chrome. */
function wholeBody(source: string): ArticleDraft {
  const { document, url } = parsePage(source);
  for (const element of Array.from(
    document.body.querySelectorAll('script, style, noscript, template, nav, header, footer'),
  )) {
    element.remove();
  }
  const title = clean(document.title) ?? firstHeadingText(document.body) ?? '';
  const draft: ArticleDraft = {
    title,
    html: document.body.innerHTML,
    url,
    lang: clean(document.documentElement.lang),
    dir: textDirection(document.documentElement.dir),
  };
  return draft;
}

export function parseHtmlPage(source: string): ArticleDraft {
  const { document, url } = parsePage(source);
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch {
    article = null; // Readability gives up on some odd documents; fall back to the body
  }
  const content = article?.content as Element | null | undefined;
  if (article === null || !content || (content.textContent ?? '').trim() === '') {
      return wholeBody(source);
  }
  const title = clean(article.title) ?? firstHeadingText(content) ?? '';
  if (title !== '') dropTitleHeading(content, title);
  const draft: ArticleDraft = {
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
  return draft;
}
