import DOMPurify from 'dompurify';
import { ARTICLE_HTML_POLICY } from '../../../electron/common/article-html-policy';

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
