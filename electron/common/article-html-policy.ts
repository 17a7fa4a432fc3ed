/**
 * What an article body may contain: the DOMPurify configuration used when an article is
 * imported (core, on jsdom) and again when the reader renders it (renderer, under Trusted
 * Types), so both sides agree on one policy.
 */
import type { Config } from 'dompurify';
import { hostAssetPath, parseAssetUrl } from './asset-url';

/** Where a remote image's address is kept; the reader shows a placeholder instead. */
export const REMOTE_SRC = 'data-margin-remote-src';

const ALLOWED_TAGS = [
  // structure
  ...'article section header footer aside div span address h1 h2 h3 h4 h5 h6 p br hr'.split(' '),
  ...'blockquote pre ul ol li dl dt dd figure figcaption details summary'.split(' '),
  ...'table caption colgroup col thead tbody tfoot tr th td'.split(' '),
  // text-level
  ...'a abbr b bdi bdo cite code del dfn em i ins kbd q rp rt ruby s samp small strong'.split(' '),
  ...'sub sup time u var wbr img'.split(' '),
  // allowed through only to be turned into <span> below
  'mark',
];

const ALLOWED_ATTR = [
  ...'href src alt title width height lang dir datetime cite colspan rowspan span scope'.split(' '),
  ...'headers abbr start reversed value rel open'.split(' '),
  REMOTE_SRC,
];

/**
 * Values with a scheme must be http(s), mailto or margin-asset (stored images); scheme-less
 * values (numbers, relative paths) pass here and links/images are checked strictly afterwards.
 */
const ALLOWED_URI_REGEXP =
  /^(?:(?:https?|mailto|margin-asset):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

export const ARTICLE_HTML_POLICY: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_ATTR: ['style', 'srcset', 'id', 'name', 'class'],
  // Removed together with their content (as are script, style, svg, math, iframe, video…);
  // other disallowed tags, such as <form> or <picture>, are unwrapped and their content kept.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'object', 'embed', 'canvas', 'map'],
  KEEP_CONTENT: true,
};

const DATA_IMAGE = /^data:image\//i;

/**
 * The only image sources an article may keep: a stored image (`margin-asset://<id>/<file>`) or
 * an image inlined at import (`data:image/…`). Anything else, remote ones first, is dropped,
 * because reading must never touch the network.
 */
export function isStoredImageSrc(src: string): boolean {
  return DATA_IMAGE.test(src) || parseAssetUrl(src) !== null;
}

/**
 * The `src` an article image gets in the page, or null to drop it. Electron serves
 * `margin-asset:` itself; in the browser host the same image comes from the host's asset route.
 */
export function displayedImageSrc(src: string, where: 'electron' | 'browser-host'): string | null {
  const trimmed = src.trim();
  if (DATA_IMAGE.test(trimmed)) return trimmed;
  const asset = parseAssetUrl(trimmed);
  if (asset === null) return null;
  return where === 'electron' ? trimmed : hostAssetPath(asset);
}
