import DOMPurify from 'dompurify';
import {
  ARTICLE_HTML_POLICY,
  displayedImageSrc,
} from '../../../electron/common/article-html-policy';

// The CSP allows one Trusted Types policy, `dompurify`, and DOMPurify makes it lazily, on its
// first sanitize: make it now, as the app starts, so no other script can ever take the name.
if (DOMPurify.isSupported) DOMPurify.sanitize('', { RETURN_TRUSTED_TYPE: true });

/**
 * Image sources are settled inside the sanitizer, so its output is never changed afterwards:
 * stored images (`margin-asset:`) are shown from Electron's protocol or the browser host's asset
 * route, inlined ones as they are, and every other source (remote first) is dropped.
 */
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'IMG') return;
  const element = node as Element;
  const src = element.getAttribute('src');
  if (src === null) return;
  const shown = displayedImageSrc(src, window.margin ? 'electron' : 'browser-host');
  if (shown === null) element.removeAttribute('src');
  else element.setAttribute('src', shown);
});

/**
 * The only way article HTML enters the page. Bodies were sanitized at import; they are
 * sanitized again here, as TrustedHTML, because the page's CSP requires Trusted Types for
 * every HTML sink: a body that somehow skipped the importer's sanitizer still cannot run script.
 */
export function setArticleHtml(element: HTMLElement, html: string): void {
  if (!DOMPurify.isSupported) throw new Error('This browser cannot sanitize article HTML.');
  const trusted = DOMPurify.sanitize(html, { ...ARTICLE_HTML_POLICY, RETURN_TRUSTED_TYPE: true });
  // TrustedHTML is accepted wherever a string is; TypeScript's DOM types only know strings.
  element.innerHTML = trusted as unknown as string;
}
