import type { Session } from 'electron';
import { ASSET_SCHEME, parseAssetUrl } from '../common/asset-url';
import { readAsset, type AssetReply } from '../core/archive/assets';

/**
 * Serves `margin-asset://<articleId>/<file>` (an article's stored images) from the library:
 * images only, GET/HEAD only, 403 for anything that is not an asset's name, 404 for a missing
 * file or one that resolves outside the library. The rules live in core (readAsset).
 */
export function serveAssets(session: Session, libraryDir: string): void {
  session.protocol.handle(ASSET_SCHEME, (request) => assetResponse(libraryDir, request));
}

export async function assetResponse(libraryDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return toResponse(request, { status: 403, headers: {}, body: 'Forbidden' });
  }
  const ref = parseAssetUrl(request.url);
  const reply: AssetReply = ref
    ? await readAsset(libraryDir, ref.articleId, ref.file)
    : { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Forbidden' };
  return toResponse(request, reply);
}

function toResponse(request: Request, reply: AssetReply): Response {
  const body = request.method === 'HEAD' ? null : reply.body;
  return new Response(body, {
    status: reply.status,
    headers: { 'X-Content-Type-Options': 'nosniff', ...reply.headers },
  });
}
