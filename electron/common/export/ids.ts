/**
 * Stable names for exported highlights: a short id for Obsidian block references
 * (`^hl-ab12cd34`) and `margin://` deep links back into the app. Both derive from ids only, so
 * they are the same on every export.
 */

export const MARGIN_SCHEME = 'margin';
const SHORT_ID_LENGTH = 8;
const BASE36_8 = 36 ** SHORT_ID_LENGTH;

/** Eight characters [a-z0-9] derived from the highlight's id (a 53-bit hash, cyrb53). */
export function shortHighlightId(highlightId: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < highlightId.length; index++) {
    const code = highlightId.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return (hash % BASE36_8).toString(36).padStart(SHORT_ID_LENGTH, '0');
}

/**
 * Block ids for the highlights of one file, unique within it. Two ids hashing alike (about one
 * chance in 10^9 for an article with 100 highlights) are told apart deterministically: the
 * lexicographically later id is re-hashed with a seed.
 */
export function blockIds(highlightIds: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const owners = new Map<string, string>();
  let collided = false;
  for (const id of highlightIds) {
    const blockId = `hl-${shortHighlightId(id)}`;
    const owner = owners.get(blockId);
    if (owner !== undefined && owner !== id) collided = true;
    owners.set(blockId, id);
    ids.set(id, blockId);
  }
  return collided ? resolveCollisions(highlightIds) : ids;
}

function resolveCollisions(highlightIds: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of [...new Set(highlightIds)].sort()) {
    let seed = 0;
    let blockId = `hl-${shortHighlightId(id)}`;
    while (taken.has(blockId)) blockId = `hl-${shortHighlightId(id, ++seed)}`;
    taken.add(blockId);
    ids.set(id, blockId);
  }
  return ids;
}

/** `margin://article/<articleId>`: opens the article in Margin. */
export function articleDeepLink(articleId: string): string {
  return `${MARGIN_SCHEME}://article/${encodeURIComponent(articleId)}`;
}

/** `margin://article/<articleId>#hl-<highlightId>`: opens the article scrolled to the highlight. */
export function highlightDeepLink(articleId: string, highlightId: string): string {
  return `${articleDeepLink(articleId)}#hl-${encodeURIComponent(highlightId)}`;
}
