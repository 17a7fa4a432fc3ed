import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const mainDir = path.resolve(import.meta.dirname, '../../../electron/main');

/**
 * These modules are unit-tested without Electron and must stay that way: a runtime import of
 * `electron` from Node would try to locate (and download) the Electron binary.
 */
const PURE_MODULES = [
  'app-paths.ts',
  'app-url.ts',
  'bundle-files.ts',
  'deep-link.ts',
  'deep-links.ts',
  'file-names.ts',
  'menu-template.ts',
  'navigation-policy.ts',
  'security.ts',
  'responses.ts',
  'sender-policy.ts',
  'startup-errors.ts',
  'window-options.ts',
];

describe('pure main-process modules', () => {
  it.each(PURE_MODULES)('%s imports electron for types only', (file) => {
    const source = readFileSync(path.join(mainDir, file), 'utf8');
    const runtimeImports = source
      .split('\n')
      .filter((line) => /from ['"]electron['"]/.test(line) && !/^\s*import type\b/.test(line));
    expect(runtimeImports).toEqual([]);
  });
});
