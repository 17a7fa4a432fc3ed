import path from 'node:path';
import type { Dirent } from 'node:fs';
import { assetExtension, ASSET_SCHEME } from '../../common/asset-url';
import { isTempFile } from './atomic-write';
import { ASSETS_DIR } from './assets';
import { archiveFs } from './fs-facade';
import { sha256 } from './hash';
import { ARTICLES_DIR, CONTENT_FILE } from './layout';

export type AssetProblemKind = 'file-missing' | 'file-damaged' | 'stray-temp-file' | 'stray-asset';

export interface AssetCheck {
  /** Stored images whose bytes were checked against the hash in their name. */
  checked: number;
  problems: { kind: AssetProblemKind; path: string; message: string; repairable: boolean }[];
}

/**
 * Checks an article's stored images (`articles/<id>/assets/`). An image is named by its SHA-256,
 * so it verifies itself; every `margin-asset://<id>/<file>` its content.html shows must be there;
 * a half-written file or anything that is not an image's name is a stray (set aside by repair).
 */
export async function checkArticleAssets(
  libraryDir: string,
  articleId: string,
  title: string,
): Promise<AssetCheck> {
  const result: AssetCheck = { checked: 0, problems: [] };
  const relDir = path.join(ARTICLES_DIR, articleId, ASSETS_DIR);
  const entries = await entriesOf(path.join(libraryDir, relDir));
  const present = new Set<string>();
  for (const entry of entries) {
    const rel = path.join(relDir, entry.name);
    if (isTempFile(entry.name)) {
      result.problems.push({
        kind: 'stray-temp-file',
        path: rel,
        message: `${rel} is left over from an interrupted write.`,
        repairable: true,
      });
      continue;
    }
    if (!entry.isFile() || assetExtension(entry.name) === null) {
      result.problems.push({
        kind: 'stray-asset',
        path: rel,
        message: `${rel} is not one of the images Margin stores; it is never shown.`,
        repairable: true,
      });
      continue;
    }
    present.add(entry.name);
    result.checked++;
    const hash = sha256(await archiveFs.readFile(path.join(libraryDir, rel)));
    if (`${hash}.${path.extname(entry.name).slice(1)}` !== entry.name) {
      result.problems.push({
        kind: 'file-damaged',
        path: rel,
        message: `${rel}, an image of "${title}", does not match its checksum (it was changed or damaged).`,
        repairable: false,
      });
    }
  }
  for (const file of await referencedAssets(libraryDir, articleId)) {
    if (present.has(file)) continue;
    const rel = path.join(relDir, file);
    result.problems.push({
      kind: 'file-missing',
      path: rel,
      message: `${rel}, an image of "${title}", is missing.`,
      repairable: false,
    });
  }
  return result;
}

/** The asset files of this article that its content.html shows. */
async function referencedAssets(libraryDir: string, articleId: string): Promise<Set<string>> {
  let html: string;
  try {
    html = await archiveFs.readFile(
      path.join(libraryDir, ARTICLES_DIR, articleId, CONTENT_FILE),
      'utf8',
    );
  } catch {
    return new Set(); // a missing content.html is reported by the article check
  }
  const files = new Set<string>();
  const prefix = `${ASSET_SCHEME}://${articleId}/`;
  const pattern = new RegExp(
    `${ASSET_SCHEME}://([A-Za-z0-9_-]{1,64})/([0-9a-f]{64}\\.[a-z]{3,4})`,
    'g',
  );
  for (const match of html.matchAll(pattern)) {
    if (match[0].startsWith(prefix) && assetExtension(match[2]!) !== null) files.add(match[2]!);
  }
  return files;
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    const entries = await archiveFs.readdir(dir, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}
