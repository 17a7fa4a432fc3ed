import { externalLinkTarget } from '../../../electron/common/external-links';

/**
 * A click on a link in an article. Only a real click by the user (never a script's `el.click()`)
 * on an absolute http(s) link opens anything: the system browser in Electron, a new tab in the
 * browser host. A file:, javascript:, smb: or custom-scheme link does nothing.
 */
export function openArticleLink(link: HTMLAnchorElement, event: MouseEvent): void {
  if (!event.isTrusted) return;
  const url = externalLinkTarget(link.getAttribute('href'));
  if (url === null) return;
  if (window.marginShell) void window.marginShell.openExternal(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}
