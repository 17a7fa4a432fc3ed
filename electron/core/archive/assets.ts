/**
 * Stored article images (see common/asset-url.ts for the naming convention). Writing sniffs the
 * bytes, so only real images of a known type are kept, named by their SHA-256; resolving turns a
 * requested name back into a file only if it is an asset's name and the file really lies inside
 * the library (a symlink planted in the folder cannot lead out of it).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import {
  assetMimeType,
  assetResponseHeaders,
  assetUrl,
  isAssetArticleId,
  type AssetExtension,
} from '../../common/asset-url';
import { MarginError } from '../../common/errors';
import { mkdirDurable, writeFileAtomic } from './atomic-write';
import { archiveFs } from './fs-facade';
import { sha256 } from './hash';
import { ARTICLES_DIR } from './layout';

export { assetUrl };

/** The folder, inside an article's folder, that holds its images. */
export const ASSETS_DIR = 'assets';

/** One image larger than this is not worth keeping offline (and is likely not an image). */
export const MAX_ASSET_BYTES = 25 * 1024 * 1024;

/** `articles/<id>/assets`, relative to the library. */
export function assetsDirOf(libraryDir: string, articleId: string): string {
  return path.join(libraryDir, ARTICLES_DIR, articleId, ASSETS_DIR);
}

/**
 * Stores an image of an article and returns its file name (`<sha256>.<ext>`); the same bytes are
 * stored once. The type comes from the bytes, never from the declared `mime` alone: a declared
 * type that is not an image, or bytes that are no PNG, JPEG, GIF, WebP, AVIF or SVG, are refused
 * with a MarginError ('invalid-argument'), and nothing is written.
 */
export async function writeAsset(
  libraryDir: string,
  articleId: string,
  bytes: Uint8Array,
  mime?: string,
): Promise<string> {
  if (!isAssetArticleId(articleId)) {
    throw new MarginError('invalid-argument', `"${articleId}" is not an article id.`);
  }
  if (mime !== undefined && !/^image\//i.test(mime.trim())) {
    throw new MarginError('invalid-argument', `A ${mime} file is not an image; it was not kept.`);
  }
  if (bytes.length > MAX_ASSET_BYTES) {
    throw new MarginError('invalid-argument', 'This image is larger than 25 MB; it was not kept.');
  }
  const ext = sniffImage(bytes);
  if (ext === null) {
    throw new MarginError(
      'invalid-argument',
      'This file is not a supported image; it was not kept.',
    );
  }
  const file = `${sha256(bytes)}.${ext}`;
  const dir = assetsDirOf(libraryDir, articleId);
  await mkdirDurable(dir);
  const target = path.join(dir, file);
  // Named by content: an existing file already holds exactly these bytes.
  if (!(await isFile(target))) await writeFileAtomic(target, bytes);
  return file;
}

export interface ResolvedAsset {
  /** The real path of the file (symlinks resolved), inside the library. */
  path: string;
  mime: string;
}

/**
 * The file behind `margin-asset://<articleId>/<file>`, or null when the name is not an asset's
 * (dot segments, encoded or raw separators, NUL, absolute paths, other extensions), when there is
 * no such file, or when it resolves outside the library.
 */
export async function resolveAsset(
  libraryDir: string,
  articleId: string,
  file: string,
): Promise<ResolvedAsset | null> {
  const mime = assetMimeType(file);
  if (!isAssetArticleId(articleId) || mime === null) return null;
  let real: string;
  let root: string;
  try {
    root = await realpath(libraryDir);
    real = await realpath(path.join(assetsDirOf(libraryDir, articleId), file));
  } catch {
    return null;
  }
  const fromRoot = path.relative(root, real);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  if (!(await isFile(real))) return null;
  return { path: real, mime };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await archiveFs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The image type of `bytes` by their signature; null for anything else. */
export function sniffImage(bytes: Uint8Array): AssetExtension | null {
  const starts = (sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  const ascii = (text: string, at: number) =>
    starts(
      [...text].map((c) => c.charCodeAt(0)),
      at,
    );
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpg';
  if (ascii('GIF87a', 0) || ascii('GIF89a', 0)) return 'gif';
  if (ascii('RIFF', 0) && ascii('WEBP', 8)) return 'webp';
  if (ascii('ftyp', 4) && isAvifBrand(bytes)) return 'avif';
  if (looksLikeSvg(bytes)) return 'svg';
  return null;
}

function isAvifBrand(bytes: Uint8Array): boolean {
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(boxSize, bytes.length, 64);
  const text = Buffer.from(bytes.subarray(8, end)).toString('latin1');
  // Major brand at 8, then the compatible brands from 16 on, four bytes each.
  const brands = [text.slice(0, 4)];
  for (let at = 8; at + 4 <= text.length; at += 4) brands.push(text.slice(at, at + 4));
  return brands.includes('avif') || brands.includes('avis');
}

/**
 * An SVG is text whose first element is <svg>, after an optional BOM, XML declaration, comments
 * and doctype. It is served only as image/svg+xml with a sandboxing CSP, and shown through <img>,
 * where SVG never runs script.
 */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const prolog =
    /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<svg[\s>]/i;
  return prolog.test(head);
}

export interface AssetReply {
  status: 200 | 403 | 404;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer> | string;
}

/**
 * What both the `margin-asset:` protocol and the browser host answer: 403 for a name that is not
 * an asset's (a traversal attempt, another type), 404 when no such image is in the library, and
 * otherwise the image with `assetResponseHeaders`.
 */
export async function readAsset(
  libraryDir: string,
  articleId: string,
  file: string,
): Promise<AssetReply> {
  if (!isAssetArticleId(articleId) || assetMimeType(file) === null) {
    return textReply(403, 'Forbidden');
  }
  const asset = await resolveAsset(libraryDir, articleId, file);
  if (asset === null) return textReply(404, 'Not found');
  try {
    const body = await archiveFs.readFile(asset.path);
    return { status: 200, headers: assetResponseHeaders(asset.mime), body };
  } catch {
    return textReply(404, 'Not found');
  }
}

function textReply(status: 403 | 404, text: string): AssetReply {
  return {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
    body: text,
  };
}

/**
 * An article's files as a backup carries them (`content.html`, `assets/<file>`, …), split into
 * the plain files and the stored images, each image checked against the hash in its name.
 * Returns null when an image is damaged.
 */
export function splitArticleFiles(files: Record<string, Buffer>): {
  plain: Record<string, Buffer>;
  assets: [string, Buffer][];
} | null {
  const plain: Record<string, Buffer> = {};
  const assets: [string, Buffer][] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!name.startsWith(`${ASSETS_DIR}/`)) {
      plain[name] = data;
      continue;
    }
    const file = name.slice(ASSETS_DIR.length + 1);
    const ext = assetMimeType(file) === null ? null : path.extname(file).slice(1);
    if (ext === null || `${sha256(data)}.${ext}` !== file) return null;
    assets.push([file, data]);
  }
  return { plain, assets };
}
