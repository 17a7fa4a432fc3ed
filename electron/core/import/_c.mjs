// electron/core/import/_corpus.ts
import fs from "node:fs";

// electron/common/errors.ts
var MarginError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = "MarginError";
  }
  code;
};

// electron/core/import/import-error.ts
function importFailed(message) {
  return new MarginError("import-failed", message);
}

// electron/core/import/decode.ts
var MAGIC_NUMBERS = [
  { format: "PNG", bytes: [137, 80, 78, 71] },
  { format: "PDF", bytes: [37, 80, 68, 70] },
  // %PDF
  { format: "ZIP", bytes: [80, 75, 3, 4] },
  { format: "ZIP", bytes: [80, 75, 5, 6] },
  { format: "JPEG", bytes: [255, 216, 255] },
  { format: "GIF", bytes: [71, 73, 70, 56] }
  // GIF8(7|9)a
];
var MAX_INVALID_SHARE = 1e-3;
var MAX_INVALID_ALWAYS_OK = 3;
function startsWith(bytes, prefix) {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}
function notText(label) {
  throw importFailed(`${label} is not a text file (it looks binary)`);
}
function count(text, pattern) {
  return text.match(pattern)?.length ?? 0;
}
function declaredHtmlCharset(bytes) {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!match?.[1]) return null;
  try {
    return new TextDecoder(match[1]).encoding;
  } catch {
    return null;
  }
}
function decodeUtf8(label, bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const invalid = count(lossy, /\uFFFD/g);
    if (invalid > MAX_INVALID_ALWAYS_OK && invalid / lossy.length > MAX_INVALID_SHARE) {
      throw importFailed(`${label} is not UTF-8 text (save it as UTF-8 and try again)`);
    }
    return lossy;
  }
}
function decodeImportBytes(label, bytes, isHtml) {
  if (bytes.length === 0) throw importFailed(`${label} is empty`);
  if (startsWith(bytes, [239, 187, 191])) return checked(label, decodeUtf8(label, bytes.subarray(3)));
  if (startsWith(bytes, [255, 254])) {
    return checked(label, new TextDecoder("utf-16le").decode(bytes.subarray(2)));
  }
  if (startsWith(bytes, [254, 255])) {
    return checked(label, new TextDecoder("utf-16be").decode(bytes.subarray(2)));
  }
  if (MAGIC_NUMBERS.some(({ bytes: magic }) => startsWith(bytes, magic))) notText(label);
  if (bytes.includes(0)) notText(label);
  const charset = isHtml ? declaredHtmlCharset(bytes) : null;
  const text = charset !== null && charset !== "utf-8" && !charset.startsWith("utf-16") ? new TextDecoder(charset).decode(bytes) : decodeUtf8(label, bytes);
  return checked(label, text);
}
function countControlCharacters(text) {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 127 || code < 32 && !(code >= 9 && code <= 13)) controls++;
  }
  return controls;
}
function checked(label, text) {
  const controls = countControlCharacters(text);
  if (controls > 8 && controls / text.length > 0.01) notText(label);
  if (text.trim() === "") throw importFailed(`${label} is empty (it holds only blank space)`);
  return text;
}

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

// electron/core/import/html-page.ts
import { Readability } from "@mozilla/readability";

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
var WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
function countWords(text) {
  return text.match(WORD)?.length ?? 0;
}
function hasReadableText(text) {
  return /[\p{L}\p{N}]/u.test(text);
}
function collapseWhitespace(text) {
  return text.replace(/[ \t\n\f\r]+/g, " ").replace(/^ | $/g, "");
}
function truncateAtWord(text, max) {
  const flat = collapseWhitespace(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/u, "")}\u2026`;
}
function excerptOf(text) {
  const flat = collapseWhitespace(text);
  return flat === "" ? null : truncateAtWord(flat, 200);
}
var MAX_TITLE_LINE = 200;
var DERIVED_TITLE_LENGTH = 80;
function titleFromLine(line) {
  return line.length > MAX_TITLE_LINE ? truncateAtWord(line, DERIVED_TITLE_LENGTH) : collapseWhitespace(line);
}
function isTitleLine(line) {
  return line.length <= MAX_TITLE_LINE;
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

// electron/core/import/markdown.ts
import { Marked } from "marked";

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

// electron/core/import/markdown.ts
var markdown = new Marked({ gfm: true, async: false });
var FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
function splitFrontMatter(source) {
  const match = FRONT_MATTER.exec(source);
  if (match === null) return { title: null, body: source };
  const titleLine = /^title:[ \t]*(.+)$/m.exec(match[1] ?? "");
  const title = titleLine?.[1]?.trim().replace(/^(["'])(.*)\1$/, "$2") ?? "";
  return { title: title === "" ? null : title, body: source.slice(match[0].length) };
}
function plainText(html) {
  return collapseWhitespace(fragmentText(sanitizeArticleHtml(html)));
}
function isContent(token) {
  if (token.type === "space") return false;
  return !(token.type === "html" && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw));
}
function firstLineTitle(token) {
  if (token === void 0) return "";
  const text = fragmentText(sanitizeArticleHtml(markdown.parser([token])));
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return titleFromLine(line);
}
function parseMarkdown(source) {
  const normalized = source.replace(/\r\n?/g, "\n");
  const front = splitFrontMatter(normalized);
  const tokens = markdown.lexer(front.body);
  const firstIndex = tokens.findIndex(isContent);
  const first = tokens[firstIndex];
  const hasMoreContent = tokens.slice(firstIndex + 1).some(isContent);
  let title = front.title;
  if (first?.type === "heading" && first.depth === 1) {
    const headingTitle = plainText(markdown.parseInline(first.text, { async: false }));
    title ??= headingTitle;
    if (headingTitle === title && hasMoreContent) tokens.splice(firstIndex, 1);
  }
  title ??= firstLineTitle(first);
  return { title, html: markdown.parser(tokens) };
}

// electron/core/import/plain-text.ts
var MAX_CAPTION_LABEL = 60;
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function splitBlocks(text) {
  const blocks = [];
  let current = [];
  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trim();
    if (line !== "") current.push(line);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}
var LIST_MARKER = /^(?:[-*+•–]|\d+[.)])\s/;
var SENTENCE_END = /[.!?,;:…]["'”’)\]]*$/;
function isCaptionBlock(block, before) {
  if (before.length === 0 || block.length !== 2) return false;
  const [label = "", caption = ""] = block;
  if (label.length >= MAX_CAPTION_LABEL || caption.length <= label.length) return false;
  if (SENTENCE_END.test(label)) return false;
  if (LIST_MARKER.test(label) || LIST_MARKER.test(caption)) return false;
  const singleLine = before.filter((b) => b.length === 1).length;
  return singleLine / before.length >= 0.8;
}
function linesHtml(lines) {
  return lines.map(escapeHtml).join("<br>\n");
}
function takeTitle(blocks) {
  const [first = [], ...rest] = blocks;
  const [firstLine = "", ...firstRest] = first;
  if (!isTitleLine(firstLine)) return { title: titleFromLine(firstLine), body: blocks };
  const body = firstRest.length > 0 ? [firstRest, ...rest] : rest;
  return { title: collapseWhitespace(firstLine), body: body.length > 0 ? body : [[firstLine]] };
}
function parsePlainText(text) {
  const { title, body } = takeTitle(splitBlocks(text));
  const last = body[body.length - 1];
  const caption = last !== void 0 && isCaptionBlock(last, body.slice(0, -1)) ? last : null;
  const paragraphs = caption === null ? body : body.slice(0, -1);
  const parts = paragraphs.map((lines) => `<p>${linesHtml(lines)}</p>`);
  if (caption !== null) parts.push(`<figure><figcaption>${linesHtml(caption)}</figcaption></figure>`);
  return { title, html: parts.join("\n") };
}

// electron/core/import/index.ts
var FORMATS = {
  txt: "txt",
  md: "md",
  html: "html",
  htm: "html"
};
var IMPORTABLE_EXTENSIONS = Object.keys(FORMATS);
function baseName(name) {
  return name.split(/[\\/]/).pop() ?? name;
}
function extensionOf(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}
function stem(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}
function draftFor(format, text) {
  switch (format) {
    case "txt":
      return parsePlainText(text);
    case "md":
      return parseMarkdown(text);
    case "html":
      return parseHtmlPage(text);
  }
}
function finish(draft, kind, format, label, fallbackTitle) {
  const html = sanitizeArticleHtml(draft.html);
  const text = fragmentText(html);
  if (!hasReadableText(text)) {
    throw importFailed(
      `${label} has no readable ${format === "html" ? "article " : ""}text`
    );
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
    sourceExtension: format
  };
}
function parseImport(file) {
  const name = baseName(file.name);
  const format = FORMATS[extensionOf(name)];
  if (format === void 0) {
    throw importFailed(`${name}: Margin imports .txt, .md, .html and .htm files`);
  }
  const text = decodeImportBytes(name, file.bytes, format === "html");
  return finish(draftFor(format, text), format, format, name, () => stem(name));
}

// electron/core/import/_corpus.ts
var dir = "/work/shared/corpus/web-pages";
var names = fs.readdirSync(dir).filter((d) => fs.existsSync(`${dir}/${d}/source.html`));
var inputs = names.map((d) => ({ d, bytes: fs.readFileSync(`${dir}/${d}/source.html`), exp: JSON.parse(fs.readFileSync(`${dir}/${d}/expected-metadata.json`, "utf8")) }));
var ok = 0;
var t0 = performance.now();
var outs = inputs.map(({ d, bytes }) => {
  const t = performance.now();
  const r = parseImport({ name: "source.html", bytes });
  return { d, r, ms: performance.now() - t };
});
var total = performance.now() - t0;
for (const [i, { d, r, ms }] of outs.entries()) {
  const exp = inputs[i].exp;
  const m = r.title === exp.title;
  if (m) ok++;
  const bad = /<script|\son\w+=|javascript:|\ssrc="(?!data:)/i.test(r.html);
  const idem = sanitizeArticleHtml(r.html) === r.html;
  console.log(d.padEnd(40), Math.round(ms), m ? "OK" : `MISS ${JSON.stringify(r.title)} vs ${JSON.stringify(exp.title)}`, "by", r.byline === exp.byline, "site", r.siteName === exp.siteName, "dir", r.dir === exp.dir, "pub", r.publishedTime === exp.publishedTime, "words", r.wordCount, "url", r.url, bad ? "BAD" : "", idem ? "" : "NOT-IDEMPOTENT");
}
console.log(ok, "/", outs.length, "total ms", Math.round(total));
