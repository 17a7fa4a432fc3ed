import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const installed = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
) as { version: string };
const declared = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies.electron!;

/**
 * Electron supports its latest three majors and ships a new major at most every 8 weeks
 * (electronjs.org/docs/latest/tutorial/electron-timelines); 33.0.0 came out on 2024-10-15. So on
 * a given day the newest major is at most 33 + weeks/8, and anything older than the two before
 * it has lost security fixes. This test starts failing when Electron needs an upgrade.
 */
function oldestSupportedMajor(today: Date): number {
  const days = (today.getTime() - Date.UTC(2024, 9, 15)) / 86_400_000;
  return 33 + Math.floor(days / 56) - 2;
}

describe('Electron version', () => {
  it('is pinned exactly, and installed as pinned', () => {
    expect(declared).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(declared);
  });

  it('is on a major that still gets security fixes', () => {
    const major = Number(installed.version.split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(oldestSupportedMajor(new Date()));
  });

  it('computes the support window from the release cadence', () => {
    expect(oldestSupportedMajor(new Date('2024-10-15T12:00:00Z'))).toBe(31);
    expect(oldestSupportedMajor(new Date('2026-11-26T12:00:00Z'))).toBe(44);
  });
});
