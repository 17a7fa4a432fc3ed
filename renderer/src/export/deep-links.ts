import { useEffect, useRef } from 'react';
import { parseDeepLink } from '../../../electron/common/export/deep-link';
import type { DeepLinkTarget } from '../../../electron/common/ipc-channels';

/**
 * `margin://article/<id>#hl-<id>` links, wherever they come from: the Electron app hands them over
 * (`window.marginShell.onOpen`); in a browser, the address carries one as `?open=<link>` when
 * the page loads, or `#open=<link>` at any time.
 */
const OPEN_PARAM = 'open';

function fromAddress(): DeepLinkTarget | null {
  const url = new URL(window.location.href);
  const link = url.searchParams.get(OPEN_PARAM);
  if (link === null) return null;
  url.searchParams.delete(OPEN_PARAM);
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  return parseDeepLink(link);
}

function fromHash(): DeepLinkTarget | null {
  const hash = window.location.hash;
  if (!hash.startsWith(`#${OPEN_PARAM}=`)) return null;
  const link = decodeURIComponent(hash.slice(OPEN_PARAM.length + 2));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return parseDeepLink(link);
}

/** The link the page was opened with, read once (the address is cleaned up after). */
let initial: DeepLinkTarget | null | undefined;
export function initialDeepLink(): DeepLinkTarget | null {
  initial ??= fromAddress() ?? fromHash();
  return initial;
}

/** Calls `open` for the link the page was opened with, then for every link that comes in. */
export function useDeepLinks(open: (target: DeepLinkTarget) => void): void {
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });
  useEffect(() => {
    const first = initialDeepLink();
    if (first) openRef.current(first);
    const onHash = () => {
      const target = fromHash();
      if (target) openRef.current(target);
    };
    window.addEventListener('hashchange', onHash);
    const unsubscribe = window.marginShell?.onOpen?.((target) => openRef.current(target));
    return () => {
      window.removeEventListener('hashchange', onHash);
      unsubscribe?.();
    };
  }, []);
}
