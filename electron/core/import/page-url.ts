/** Where a saved page came from: its canonical link, `og:url`, or the browser's save comment. */

// Browsers stamp "Save Page As" files with `<!-- saved from url=(0042)https://… -->`.
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i;

/** `value` as an absolute http(s) URL, resolved against `base` if relative; else null. */
export function resolveUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The save comment sits before `<html>`; the raw source is the simplest place to find it. */
export function savedFromUrl(source: string): string | null {
  return resolveUrl(SAVED_FROM.exec(source.slice(0, 4096))?.[1]);
}

export function findPageUrl(document: Document, savedFrom: string | null): string | null {
  const canonical = Array.from(document.querySelectorAll('link[rel][href]')).find((link) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const ogUrl = document.querySelector('meta[property="og:url" i][content]');
  return (
    resolveUrl(canonical?.getAttribute('href'), savedFrom) ??
    resolveUrl(ogUrl?.getAttribute('content'), savedFrom) ??
    savedFrom
  );
}
