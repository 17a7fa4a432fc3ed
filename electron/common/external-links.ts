/**
 * Which links of an article may leave Margin for the system browser: absolute http(s) URLs with
 * a host and no embedded credentials. Everything else (file:, javascript:, smb:, mailto:, custom
 * schemes that launch other apps, relative links) opens nothing. Shared by the renderer, which
 * asks, and the main process, which checks again before `shell.openExternal`.
 */
export function externalLinkTarget(href: string | null | undefined): string | null {
  if (typeof href !== 'string') return null;
  let url: URL;
  try {
    // No base: a relative link would otherwise resolve against the app's own origin.
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}
