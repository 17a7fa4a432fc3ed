import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, checked by its own behaviour here
import { oldestSupportedMajor, supportWarning } from '../../../scripts/electron-support.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const installed = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
) as { version: string };
const declared = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies.electron!;

const oldest = oldestSupportedMajor as (today: Date) => number;
const warn = supportWarning as (version: string, today: Date) => string | null;

describe('Electron version', () => {
  it('is pinned exactly, and installed as pinned', () => {
    expect(declared).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(declared);
  });

  it('computes the support window from the release cadence', () => {
    expect(oldest(new Date('2024-10-15T12:00:00Z'))).toBe(31);
    expect(oldest(new Date('2026-11-26T12:00:00Z'))).toBe(44);
  });

  it('defect 10: a later date gives a warning from check:electron, not a failing test', () => {
    expect(warn('45.5.0', new Date('2026-12-02T12:00:00Z'))).toBeNull();
    expect(warn('45.5.0', new Date('2031-01-01T00:00:00Z'))).toMatch(
      /^Electron 45\.5\.0 may no longer get security fixes/,
    );
    // Nothing in this file reads today's date.
    const source = readFileSync(import.meta.filename, 'utf8');
    expect(source.includes('new ' + 'Date()')).toBe(false);
  });

  it('defect 10: no end-to-end test writes into the tracked docs/ folder', () => {
    const spec = readFileSync(path.join(root, 'tests/e2e/reading-story.spec.ts'), 'utf8');
    expect(spec).not.toMatch(/screenshot\(\{\s*path:\s*path\.join\(repoRoot,\s*'docs'/);
  });
});
