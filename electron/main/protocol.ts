import { readFile, stat } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { ASSET_SCHEME } from '../common/asset-url';
import { APP_SCHEME } from './app-url';
import { contentTypeFor, isHtmlFile, resolveBundleFile } from './bundle-files';

/**
 * Must run before `app` is ready. `standard` + `secure` give the bundle a real, secure origin
 * (so CSP 'self', fetch and storage behave as on https); bypassCSP is deliberately not granted.
 * `margin-asset:` (stored images) is standard, so `<articleId>` parses as its host, and secure,
 * so images load into the secure app:// page; it needs nothing more.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

/** Serves `app://bundle/*` from the renderer build, read-only, GET/HEAD only. */
export function serveBundle(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed');
    }
    const file = resolveBundleFile(rendererDir, request.url);
    if (file === null) return plainResponse(404, 'Not found');
    try {
      if (!(await stat(file)).isFile()) return plainResponse(404, 'Not found');
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'Content-Type': contentTypeFor(file),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      };
      if (isHtmlFile(file)) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return plainResponse(404, 'Not found');
    }
  });
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    },
  });
}
