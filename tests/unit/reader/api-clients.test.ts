import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EnvelopeApi } from '../../../electron/common/api';
import { ApiCallError } from '../../../electron/common/errors';
import { unwrapped } from '../../../renderer/src/api/bridge';
import { createHttpApi } from '../../../renderer/src/api/http-client';

const gone = { ok: false, error: { code: 'not-found', message: 'That article is gone.' } };

afterEach(() => vi.unstubAllGlobals());

describe('the renderer API clients (issue 18)', () => {
  it('defect 9: the browser host client keeps the error code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(gone), { status: 200 })),
    );
    const error = await createHttpApi('t')
      .getArticle('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'not-found', message: 'That article is gone.' });
  });

  it('defect 9: the Electron bridge client keeps the error code', async () => {
    const bridge = { getArticle: async () => gone } as unknown as EnvelopeApi;
    const error = await unwrapped(bridge)
      .getArticle('x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-found', message: 'That article is gone.' });
  });

  it('a refused call (wrong token) says so with its own code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Missing or wrong token', { status: 401 })),
    );
    await expect(createHttpApi('bad').listArticles()).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });
});
