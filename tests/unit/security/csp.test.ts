import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/common/csp';
import type { MarginServices } from '../../../electron/core/services';
import { startHost, type HostServer } from '../../../electron/host/server';
import { tempDir, tempLibrary } from '../../support/library';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('Content-Security-Policy', () => {
  it('is exactly this (change it here on purpose, never by accident)', () => {
    expect(CONTENT_SECURITY_POLICY).toMatchInlineSnapshot(
      `"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: margin-asset:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types dompurify"`,
    );
  });

  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows no eval, no inline script or style, and nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|strict-dynamic|nonce-|sha\d+-/);
    for (const [name, values] of policy) {
      for (const value of values) {
        expect([name, value]).not.toEqual([name, expect.stringMatching(/^(https?|wss?):|\*/)]);
      }
    }
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('locks down everything else', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(policy.get('trusted-types')).toEqual(['dompurify']);
    expect(policy.has('frame-src')).toBe(false); // falls back to default-src 'none'
  });
});

describe('the browser host sends it as a response header', () => {
  let services: MarginServices;
  let host: HostServer;
  beforeAll(async () => {
    services = await tempLibrary();
    const rendererDir = await tempDir('margin-renderer-');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Margin</title>');
    host = await startHost({ services, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await services.close();
  });

  it.each(['/', '/index.html', '/missing.js'])('on %s', async (pathname) => {
    const response = await fetch(`http://127.0.0.1:${host.port}${pathname}`);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
