/**
 * Stored article images. Each lives in `<library>/articles/<articleId>/assets/<file>`, where
 * `file` is the SHA-256 of its bytes plus an image extension, and a stored `content.html` refers
 * to it as `margin-asset://<articleId>/<file>`. Electron serves that scheme directly; the browser
 * host serves the same bytes at `/asset/<articleId>/<file>`.
 *
 * The names are so narrow (an id, then 64 hex digits and a known extension) that no encoding,
 * separator or dot segment can ever pass: every check below is a whole-string match, nothing is
 * decoded first.
 */
export const ASSET_SCHEME = 'margin-asset';

/** The browser host's route for the same files. */
export const HOST_ASSET_PREFIX = '/asset/';

/** The extensions an asset may have, and the only types it is ever served as. */
export const ASSET_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
} as const;

export type AssetExtension = keyof typeof ASSET_TYPES;

/** Article ids as the API accepts them (see `id` in api.ts). */
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ASSET_FILE = /^[0-9a-f]{64}\.(png|jpg|gif|webp|avif|svg)$/;
const ASSET_URL =
  /^margin-asset:\/\/([A-Za-z0-9_-]{1,64})\/([0-9a-f]{64}\.(?:png|jpg|gif|webp|avif|svg))$/;

export interface AssetRef {
  articleId: string;
  file: string;
}

export function isAssetArticleId(value: string): boolean {
  return ARTICLE_ID.test(value);
}

/** The extension of a well-formed asset file name, or null for anything else. */
export function assetExtension(file: string): AssetExtension | null {
  const match = ASSET_FILE.exec(file);
  return match ? (match[1] as AssetExtension) : null;
}

/** The content type an asset file is served as; null when the name is not an asset's. */
export function assetMimeType(file: string): string | null {
  const ext = assetExtension(file);
  return ext === null ? null : ASSET_TYPES[ext];
}

export function assetUrl(articleId: string, file: string): string {
  if (!isAssetArticleId(articleId) || assetExtension(file) === null) {
    throw new Error(`Not an asset: ${articleId}/${file}`);
  }
  return `${ASSET_SCHEME}://${articleId}/${file}`;
}

/** `margin-asset://<id>/<file>` exactly (no query, fragment, encoding or extra segment). */
export function parseAssetUrl(url: string): AssetRef | null {
  const match = ASSET_URL.exec(url);
  return match ? { articleId: match[1]!, file: match[2]! } : null;
}

/** Where the browser host serves an asset (relative to the page, so it stays on the host). */
export function hostAssetPath(ref: AssetRef): string {
  return `.${HOST_ASSET_PREFIX}${ref.articleId}/${ref.file}`;
}

/**
 * Headers every asset response carries: an image type only, no sniffing, and a sandboxing CSP
 * so that an SVG opened on its own (not through <img>) still cannot run script.
 */
export function assetResponseHeaders(mime: string): Record<string, string> {
  return {
    'Content-Type': mime,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    // Named by their content, so a given URL never changes.
    'Cache-Control': 'private, max-age=31536000, immutable',
  };
}
