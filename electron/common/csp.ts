/**
 * The Content-Security-Policy for the UI, sent as a response header by both the Electron
 * protocol handler and the browser host (a <meta> policy cannot carry frame-ancestors).
 * Articles are untrusted HTML: no inline script, nothing remote, images only from the app, the
 * library's stored images (`margin-asset:`, Electron; the browser host serves them from 'self')
 * or inlined as data: URIs at import time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: margin-asset:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  // Every HTML sink needs TrustedHTML, and only DOMPurify's policy can make it.
  "require-trusted-types-for 'script'",
  'trusted-types dompurify',
].join('; ');
