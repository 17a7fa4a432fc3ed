#!/usr/bin/env node
/**
 * Is the pinned Electron major still getting security fixes? Electron supports its latest three
 * majors and ships a new major at most every 8 weeks (electronjs.org/docs/latest/tutorial/
 * electron-timelines); 33.0.0 came out on 2024-10-15. The answer depends on today's date, so it
 * is a warning printed by `npm run check:electron`, not a test: a test must not turn red on a
 * later day with no change to the code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The oldest Electron major that still gets security fixes on `today`, at the latest. */
export function oldestSupportedMajor(today) {
  const days = (today.getTime() - Date.UTC(2024, 9, 15)) / 86_400_000;
  return 33 + Math.floor(days / 56) - 2;
}

/** A one-line warning when `version` may have lost security fixes by `today`, else null. */
export function supportWarning(version, today) {
  const major = Number(String(version).split('.')[0]);
  const oldest = oldestSupportedMajor(today);
  if (major >= oldest) return null;
  return `Electron ${version} may no longer get security fixes (by ${today.toISOString().slice(0, 10)} the oldest supported major is about ${oldest}); upgrade it.`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { version } = JSON.parse(
    readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  );
  const warning = supportWarning(version, new Date());
  console.log(warning ? `warning: ${warning}` : `Electron ${version} is in its support window.`);
}
