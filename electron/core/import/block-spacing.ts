/**
 * Makes sure block boundaries show up as whitespace in `textContent`. Browsers render
 * `<p>a</p><p>b</p>` as two paragraphs, but its text is "ab": search would see one word and
 * highlights would anchor across it. A newline between blocks renders as nothing.
 */

const BLOCKS = new Set([
  ...'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIV DL DT FIGCAPTION FIGURE'.split(' '),
  ...'FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI OL P PRE SECTION SUMMARY TABLE TBODY TD'.split(' '),
  ...'TFOOT TH THEAD TR UL'.split(' '),
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function endsWithSpace(node: Node | null): boolean {
  return node === null || (node.nodeType === TEXT_NODE && /\s$/.test(node.nodeValue ?? ''));
}

function startsWithSpace(node: Node | null): boolean {
  return node === null || (node.nodeType === TEXT_NODE && /^\s/.test(node.nodeValue ?? ''));
}

/**
 * Inserts "\n" around `element` if it is a block (or after it if it is a `<br>`) where no
 * whitespace separates it from its neighbours yet. Not for use inside `<pre>`, where a newline
 * would show.
 */
export function separateBlock(element: Element): void {
  const isBlock = BLOCKS.has(element.nodeName);
  if (!isBlock && element.nodeName !== 'BR') return;
  const parent = element.parentNode;
  if (parent === null) return;
  const document = element.ownerDocument;
  // A <br> ends a line: it needs the newline after it only.
  if (isBlock && !endsWithSpace(element.previousSibling)) {
    parent.insertBefore(document.createTextNode('\n'), element);
  }
  if (!startsWithSpace(element.nextSibling)) {
    parent.insertBefore(document.createTextNode('\n'), element.nextSibling);
  }
}

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}
