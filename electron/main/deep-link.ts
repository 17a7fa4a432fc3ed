/**
 * `margin://` links, as exported into notes: `margin://article/<articleId>` opens an article,
 * `margin://article/<articleId>#hl-<highlightId>` scrolls it to a highlight. Pure, so every rule
 * has a unit test; the Electron wiring is in deep-links.ts.
 *
 * Anything else is ignored: the link comes from outside (any app, any web page can launch a
 * custom scheme), so it can only ever name ids, checked with the API's own schema.
 */
import { MARGIN_SCHEME } from '../common/export/ids';
import { parseDeepLink } from '../common/export/deep-link';
import type { DeepLinkTarget } from '../common/ipc-channels';

export { parseDeepLink };

/** The scheme the export writes its links with. */
export const DEEP_LINK_SCHEME = MARGIN_SCHEME;

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
