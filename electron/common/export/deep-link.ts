/**
 * Reading `margin://` links, as exported into notes: `margin://article/<articleId>` opens an
 * article, `margin://article/<articleId>#hl-<highlightId>` scrolls it to a highlight. Shared by
 * the Electron app (links the OS hands over) and the UI (the browser host's `?open=` address).
 *
 * Anything else is ignored: the link comes from outside (any app, any web page can launch a
 * custom scheme), so it can only ever name ids, checked with the API's id rule.
 */
import { isDeepLinkTarget, type DeepLinkTarget } from '../ipc-channels';
import { MARGIN_SCHEME } from './ids';

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
  if (parsed.protocol !== `${MARGIN_SCHEME}:` || parsed.host !== 'article') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  const articleId = ARTICLE_PATH.exec(parsed.pathname)?.[1];
  if (articleId === undefined) return null;
  let highlightId: string | null = null;
  if (parsed.hash !== '' && parsed.hash !== '#') {
    highlightId = HIGHLIGHT_HASH.exec(parsed.hash)?.[1] ?? '';
  }
  // No decoding: ids never need percent-encoding, so an encoded one is not Margin's.
  const target = { articleId, highlightId };
  return isDeepLinkTarget(target) ? target : null;
}
