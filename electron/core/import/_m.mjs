// electron/core/import/_mem.ts
import fs from "node:fs";

// electron/core/import/html-page.ts
import { Readability } from "@mozilla/readability";

// electron/core/import/dom.ts
import { JSDOM } from "jsdom";
var window;
function sharedWindow() {
  window ??= new JSDOM("").window;
  return window;
}
function fragmentText(html) {
  const container = sharedWindow().document.createElement("div");
  container.innerHTML = html;
  return container.textContent ?? "";
}

// electron/core/import/page-url.ts
var SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i;
function resolveUrl(value, base) {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base ?? void 0);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
function savedFromUrl(source) {
  return resolveUrl(SAVED_FROM.exec(source.slice(0, 4096))?.[1]);
}
function findPageUrl(document, savedFrom) {
  const canonical = Array.from(document.querySelectorAll("link[rel][href]")).find(
    (link) => (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("canonical")
  );
  const ogUrl = document.querySelector('meta[property="og:url" i][content]');
  return resolveUrl(canonical?.getAttribute("href"), savedFrom) ?? resolveUrl(ogUrl?.getAttribute("content"), savedFrom) ?? savedFrom;
}

// electron/core/import/text-stats.ts
function collapseWhitespace(text) {
  return text.replace(/[ \t\n\f\r]+/g, " ").replace(/^ | $/g, "");
}

// electron/core/import/html-page.ts
function dropScriptsAndStyles(source) {
  return source.replace(
    /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi,
    (whole, attributes) => /application\/ld\+json/i.test(attributes) ? whole : ""
  ).replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "");
}
function parsePage(source) {
  const window2 = sharedWindow();
  const document = new window2.DOMParser().parseFromString(dropScriptsAndStyles(source), "text/html");
  const url = findPageUrl(document, savedFromUrl(source));
  const base = document.querySelector("base[href]");
  if (base !== null) {
    const absolute = resolveUrl(base.getAttribute("href"), url);
    if (absolute === null) base.removeAttribute("href");
    else base.setAttribute("href", absolute);
  } else if (url !== null) {
    const element = document.createElement("base");
    element.setAttribute("href", url);
    document.head.prepend(element);
  }
  return { document, url };
}
function clean(value) {
  const flat = collapseWhitespace(value ?? "");
  return flat === "" ? null : flat;
}
function textDirection(value) {
  const dir2 = value?.trim().toLowerCase();
  return dir2 === "ltr" || dir2 === "rtl" ? dir2 : null;
}
function comparable(text) {
  return collapseWhitespace(text).toLowerCase();
}
function dropTitleHeading(root, title) {
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, 1 | 4);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? "").trim() !== "") return;
      continue;
    }
    if (!/^H[1-3]$/.test(node.nodeName)) continue;
    const heading = comparable(node.textContent ?? "");
    const full = comparable(title);
    const repeatsTitle = heading !== "" && (heading === full || full.startsWith(heading) && /^\s*[|–—:·-]/.test(full.slice(heading.length)));
    const rest = comparable(root.textContent ?? "").length - heading.length;
    if (repeatsTitle && rest > 0) node.remove();
    return;
  }
}
function firstHeadingText(root) {
  return clean(root.querySelector("h1, h2, h3")?.textContent);
}
function wholeBody(source) {
  const { document, url } = parsePage(source);
  for (const element of Array.from(
    document.body.querySelectorAll("script, style, noscript, template, nav, header, footer")
  )) {
    element.remove();
  }
  const title = clean(document.title) ?? firstHeadingText(document.body) ?? "";
  const draft = {
    title,
    html: document.body.innerHTML,
    url,
    lang: clean(document.documentElement.lang),
    dir: textDirection(document.documentElement.dir)
  };
  return draft;
}
function parseHtmlPage(source) {
  const { document, url } = parsePage(source);
  let article = null;
  try {
    article = new Readability(document, { serializer: (node) => node }).parse();
  } catch {
    article = null;
  }
  const content = article?.content;
  if (article === null || !content || (content.textContent ?? "").trim() === "") {
    return wholeBody(source);
  }
  const title = clean(article.title) ?? firstHeadingText(content) ?? "";
  if (title !== "") dropTitleHeading(content, title);
  const draft = {
    title,
    html: content.innerHTML,
    byline: clean(article.byline),
    siteName: clean(article.siteName),
    url,
    lang: clean(article.lang),
    dir: textDirection(article.dir),
    excerpt: clean(article.excerpt),
    publishedTime: clean(article.publishedTime)
  };
  return draft;
}

// electron/core/import/sanitize.ts
import createDOMPurify from "dompurify";

// electron/core/import/block-spacing.ts
var BLOCKS = /* @__PURE__ */ new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL"
]);
var ELEMENT_NODE = 1;
var TEXT_NODE = 3;
function endsWithSpace(node) {
  return node === null || node.nodeType === TEXT_NODE && /\s$/.test(node.nodeValue ?? "");
}
function startsWithSpace(node) {
  return node === null || node.nodeType === TEXT_NODE && /^\s/.test(node.nodeValue ?? "");
}
function separateBlock(element) {
  const isBlock = BLOCKS.has(element.nodeName);
  if (!isBlock && element.nodeName !== "BR") return;
  const parent = element.parentNode;
  if (parent === null) return;
  const document = element.ownerDocument;
  if (isBlock && !endsWithSpace(element.previousSibling)) {
    parent.insertBefore(document.createTextNode("\n"), element);
  }
  if (!startsWithSpace(element.nextSibling)) {
    parent.insertBefore(document.createTextNode("\n"), element.nextSibling);
  }
}
function isElement(node) {
  return node.nodeType === ELEMENT_NODE;
}

// electron/core/import/sanitize.ts
var REMOTE_SRC = "data-margin-remote-src";
var ALLOWED_TAGS = [
  // structure
  "article",
  "section",
  "header",
  "footer",
  "aside",
  "div",
  "span",
  "address",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "br",
  "hr",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "figure",
  "figcaption",
  "details",
  "summary",
  "table",
  "caption",
  "colgroup",
  "col",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  // text-level
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "del",
  "dfn",
  "em",
  "i",
  "ins",
  "kbd",
  "q",
  "rp",
  "rt",
  "ruby",
  "s",
  "samp",
  "small",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
  "wbr",
  "img"
];
var ALLOWED_ATTR = [
  "href",
  "src",
  "alt",
  "title",
  "width",
  "height",
  "lang",
  "dir",
  "datetime",
  "cite",
  "colspan",
  "rowspan",
  "span",
  "scope",
  "headers",
  "abbr",
  "start",
  "reversed",
  "value",
  "rel",
  "open",
  REMOTE_SRC
];
var ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
var CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_ATTR: ["style", "srcset", "id", "name", "class"],
  // Removed together with their content; other disallowed tags (e.g. <form>, <picture>,
  // <mark>) are unwrapped and their content kept.
  ADD_FORBID_CONTENTS: ["button", "select", "textarea", "object", "embed", "canvas", "map"],
  KEEP_CONTENT: true
};
var LINK_SCHEME = /^(?:https?:|mailto:)/i;
var HTTP_SCHEME = /^https?:/i;
var DATA_IMAGE = /^data:image\//i;
var purifier;
function getPurifier() {
  if (purifier === void 0) {
    const instance = createDOMPurify(sharedWindow());
    if (!instance.isSupported) {
      throw new Error("DOMPurify is not supported on this DOM; refusing to import unsanitized HTML");
    }
    purifier = instance;
  }
  return purifier;
}
function replaceMark(mark) {
  const span = mark.ownerDocument.createElement("span");
  span.append(...Array.from(mark.childNodes));
  mark.replaceWith(span);
  return span;
}
function finishLink(link) {
  const href = link.getAttribute("href")?.trim();
  if (href !== void 0 && LINK_SCHEME.test(href)) link.setAttribute("rel", "noopener noreferrer");
  else {
    link.removeAttribute("href");
    link.removeAttribute("rel");
  }
}
function finishImage(img) {
  const src = img.getAttribute("src")?.trim();
  if (src !== void 0 && !DATA_IMAGE.test(src)) {
    img.removeAttribute("src");
    if (HTTP_SCHEME.test(src) && !img.hasAttribute(REMOTE_SRC)) img.setAttribute(REMOTE_SRC, src);
  }
  if (!HTTP_SCHEME.test(img.getAttribute(REMOTE_SRC) ?? "http:")) img.removeAttribute(REMOTE_SRC);
}
function finishTree(parent, insidePre) {
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (!isElement(node)) continue;
    let element = node;
    if (element.nodeName === "MARK") element = replaceMark(element);
    if (element.nodeName === "A") finishLink(element);
    else element.removeAttribute("rel");
    if (element.nodeName === "IMG") finishImage(element);
    else element.removeAttribute(REMOTE_SRC);
    finishTree(element, insidePre || element.nodeName === "PRE");
    if (!insidePre) separateBlock(element);
    node = element;
  }
}
function sanitizeOnce(html) {
  const body = getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM: true });
  finishTree(body, false);
  return body.innerHTML;
}
function sanitizeArticleHtml(html) {
  let current = sanitizeOnce(html);
  for (let round = 0; round < 4; round++) {
    const next = sanitizeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

// electron/core/import/_mem.ts
var dir = "/work/shared/corpus/web-pages";
var srcs = fs.readdirSync(dir).filter((d) => fs.existsSync(`${dir}/${d}/source.html`)).map((d) => fs.readFileSync(`${dir}/${d}/source.html`, "utf8"));
var gc = globalThis.gc;
var heap = (l) => {
  gc();
  console.log(l, Math.round(process.memoryUsage().heapUsed / 1e6), "MB");
};
heap("start");
var mode = process.argv[2];
if (mode === "parse") {
  for (const s of srcs) new (sharedWindow()).DOMParser().parseFromString(s, "text/html");
  heap("after DOMParser x32");
}
if (mode === "page") {
  const htmls = srcs.map((s) => parseHtmlPage(s).html);
  heap("after pages");
  for (const h of htmls) sanitizeArticleHtml(h);
  heap("after sanitize");
  for (const h of htmls) fragmentText(h);
  heap("after text");
}
