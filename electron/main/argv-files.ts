import path from 'node:path';

const IMPORTABLE = /\.(txt|md|markdown|html?)$/i;

/**
 * The article files a launch was given (`margin page.html`, "Open with Margin"), as absolute
 * paths. A second launch hands these to the running app instead of opening the library twice.
 * Flags, their values, the executable and deep links are not files.
 */
export function importableFilesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--library') {
      i++;
      continue;
    }
    if (arg.startsWith('-') || /^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) continue;
    if (IMPORTABLE.test(arg)) files.push(path.resolve(cwd, arg));
  }
  return files;
}
