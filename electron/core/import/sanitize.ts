/**
 * The one gate every article body passes through before it is stored: whatever the importers
 * produce, only this module's output reaches the reader. It must stay the last transform, and
 * it is idempotent (`sanitizeArticleHtml(x) === x` for its own output) so bodies can be
 * re-checked at any time.
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import {
  defaultTreeAdapter,
  html as parse5Html,
  parseFragment,
  serialize,
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
} from 'parse5';
import {
  ARTICLE_HTML_POLICY as CONFIG,
  isStoredImageSrc,
  REMOTE_SRC,
} from '../../common/article-html-policy';
import { isElement, isText, separateBlock } from './block-spacing';
import { discardDocument, sharedWindow } from './dom';

export { REMOTE_SRC };

const LINK_SCHEME = /^(?:https?:|mailto:)/i;
const HTTP_SCHEME = /^https?:/i;

let purifier: DOMPurify | undefined;

export function getPurifier(): DOMPurify {
  if (purifier === undefined) {
    const instance = createDOMPurify(sharedWindow() as unknown as WindowLike);
    if (!instance.isSupported) {
      throw new Error(
        'DOMPurify is not supported on this DOM; refusing to import unsanitized HTML',
      );
    }
    purifier = instance;
  }
  return purifier;
}

/** `<mark>` becomes `<span>`: the reader marks highlights with <mark>. */
function replaceMark(mark: Element): Element {
  const span = mark.ownerDocument.createElement('span');
  span.append(...Array.from(mark.childNodes));
  mark.replaceWith(span);
  return span;
}

function finishLink(link: Element): void {
  const href = link.getAttribute('href')?.trim();
  if (href !== undefined && LINK_SCHEME.test(href)) link.setAttribute('rel', 'noopener noreferrer');
  else {
    link.removeAttribute('href');
    link.removeAttribute('rel');
  }
}

/** Reading must never touch the network: a remote image becomes a placeholder. */
function finishImage(img: Element): void {
  const src = img.getAttribute('src')?.trim();
  if (src !== undefined && !isStoredImageSrc(src)) {
    img.removeAttribute('src');
    if (HTTP_SCHEME.test(src) && !img.hasAttribute(REMOTE_SRC)) img.setAttribute(REMOTE_SRC, src);
  }
  const remote = img.getAttribute(REMOTE_SRC);
  if (remote !== null && !HTTP_SCHEME.test(remote)) img.removeAttribute(REMOTE_SRC);
}

/**
 * Source indentation means nothing outside <pre> (it renders as one space) but would fill the
 * article's text with runs of blanks; a run becomes one newline if it had one, else one space.
 */
function collapseIndentation(text: Text): void {
  const value = text.nodeValue ?? '';
  const collapsed = value.replace(/[ \t\n\f\r]+/g, (run) => (run.includes('\n') ? '\n' : ' '));
  if (collapsed !== value) text.nodeValue = collapsed;
}

/** Rewrites DOMPurify's allow-lists cannot express, in one walk over the tree. */
function finishTree(parent: Element, insidePre: boolean): void {
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (isText(node)) {
      if (!insidePre) collapseIndentation(node);
      continue;
    }
    if (!isElement(node)) continue;
    let element = node;
    if (element.nodeName === 'MARK') element = replaceMark(element);
    if (element.nodeName === 'A') finishLink(element);
    else element.removeAttribute('rel');
    if (element.nodeName === 'IMG') finishImage(element);
    else element.removeAttribute(REMOTE_SRC);
    finishTree(element, insidePre || element.nodeName === 'PRE');
    if (!insidePre) separateBlock(element);
    node = element;
  }
}

function sanitizeOnce(html: string): string {
  // RETURN_DOM hands back the <body> DOMPurify parsed into, for the rewrites above.
  const body = getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM: true }) as HTMLElement;
  body.normalize(); // adjacent text nodes (left by unwrapped tags) would collapse apart
  finishTree(body, false);
  const clean = body.innerHTML;
  discardDocument(body.ownerDocument);
  return clean;
}

export interface SanitizedArticle {
  html: string;
  /** `textContent` of `html` parsed as a fragment, as the reader's browser will see it. */
  text: string;
}

const MAX_ROUNDS = 4;

type Parse5Node = DefaultTreeAdapterTypes.ChildNode;

/** The reader parses a body as a `<div>`'s `innerHTML`: the same context here. */
const READER_CONTEXT = defaultTreeAdapter.createElement('div', parse5Html.NS.HTML, []);

/** `textContent` of a parsed fragment: its text nodes in order (a template's content is not in it). */
function textOf(nodes: readonly Parse5Node[], out: string[]): void {
  for (const node of nodes) {
    if (defaultTreeAdapter.isTextNode(node)) out.push(node.value);
    else if ('childNodes' in node) textOf(node.childNodes, out);
  }
}

/**
 * `html` parsed the way the reader will parse it: the spec's HTML parser (parse5, the very
 * parser jsdom uses, without jsdom's costly node objects) in a `<div>` context. Returns the
 * re-serialized markup (equal to `html` when the markup is stable) and its text.
 */
function reparse(html: string): SanitizedArticle {
  const fragment = parseFragment<DefaultTreeAdapterMap>(READER_CONTEXT, html, {});
  const text: string[] = [];
  textOf(fragment.childNodes, text);
  return { html: serialize(fragment), text: text.join('') };
}

/**
 * Sanitizes `html` and reads its text in the same step. Removing elements can leave a tree the
 * HTML parser would build differently (say, text left directly in a <table>: the stuff of
 * mutation XSS), so the output is re-parsed the way the reader will parse it and sanitized again
 * until it survives unchanged: that makes sanitizing idempotent, and the text is the re-parsed
 * tree's.
 */
export function sanitizeArticle(html: string): SanitizedArticle {
  let current = sanitizeOnce(html);
  for (let round = 1; ; round++) {
    const again = reparse(current);
    if (again.html === current || round === MAX_ROUNDS) return { html: current, text: again.text };
    current = sanitizeOnce(current);
  }
}

export function sanitizeArticleHtml(html: string): string {
  return sanitizeArticle(html).html;
}
