import { API_METHODS } from '../../../electron/common/api-methods';
import type { ApiResponse, MarginApi } from '../../../electron/common/api';

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
      if (!res.ok)
        throw new Error(`Margin host refused the call (${res.status} ${await res.text()})`);
      const body = (await res.json()) as ApiResponse<unknown>;
      if (!body.ok) throw new Error(body.error.message);
      return body.value;
    };
  }
  return api as unknown as MarginApi;
}
