/**
 * `margin://` links, as exported into notes: `margin://article/<articleId>` opens an article,
 * `margin://article/<articleId>#hl-<highlightId>` scrolls it to a highlight. Pure, so every rule
 * has a unit test; the Electron wiring is in deep-links.ts.
 *
 * Anything else is ignored: the link comes from outside (any app, any web page can launch a
 * custom scheme), so it can only ever name ids, checked with the API's own schema.
 */
import { apiArgs } from '../common/api';
import { MARGIN_SCHEME } from '../common/export/ids';
import type { DeepLinkTarget } from '../common/ipc-channels';

/** The scheme the export writes its links with. */
export const DEEP_LINK_SCHEME = MARGIN_SCHEME;
const MAX_URL_LENGTH = 2048;
/** Windows may hand the link over with a trailing slash. */
const ARTICLE_PATH = /^\/([^/]+)\/?$/;
const HIGHLIGHT_HASH = /^#hl-(.+)$/;

/** The article (and highlight) a `margin://` URL points at, or null if it is not a valid one. */
export function parseDeepLink(url: string): DeepLinkTarget | null {
  if (url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${DEEP_LINK_SCHEME}:` || parsed.host !== 'article') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  const articleId = ARTICLE_PATH.exec(parsed.pathname)?.[1];
  if (articleId === undefined || !isApiId(articleId, 'article')) return null;
  if (parsed.hash === '' || parsed.hash === '#') return { articleId, highlightId: null };
  const highlightId = HIGHLIGHT_HASH.exec(parsed.hash)?.[1];
  if (highlightId === undefined || !isApiId(highlightId, 'highlight')) return null;
  return { articleId, highlightId };
}

/**
 * The link Margin was launched with: Windows and Linux pass it as a command-line argument (on
 * the first launch, and to the running instance in `second-instance`). The last one wins.
 */
export function deepLinkFromArgv(argv: readonly string[]): DeepLinkTarget | null {
  for (let index = argv.length - 1; index >= 0; index--) {
    const arg = argv[index] ?? '';
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const target = parseDeepLink(arg);
    if (target) return target;
  }
  return null;
}

/** Exactly what the API accepts as an id (no decoding: ids never need percent-encoding). */
function isApiId(value: string, kind: 'article' | 'highlight'): boolean {
  const schema = kind === 'article' ? apiArgs.getArticle : apiArgs.deleteHighlight;
  return schema.safeParse([value]).success;
}
