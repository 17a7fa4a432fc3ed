import { API_METHODS } from '../../../electron/common/api-methods';
import type { MarginApi } from '../../../electron/common/api';
import { ApiCallError, unwrapResponse } from '../../../electron/common/errors';

/**
 * The API over the browser host's HTTP endpoint, with the same shape as Electron's
 * `window.margin`, so the UI cannot tell the two apart.
 */
export function createHttpApi(token: string): MarginApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    api[method] = async (...args: unknown[]) => {
      const res = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Margin-Token': token },
        body: JSON.stringify(args),
      });
      if (!res.ok) {
        const code = res.status === 401 ? 'unauthorized' : 'internal';
        throw new ApiCallError(
          code,
          `Margin host refused the call (${res.status} ${await res.text()})`,
        );
      }
      return unwrapResponse(await res.json());
    };
  }
  return api as unknown as MarginApi;
}
