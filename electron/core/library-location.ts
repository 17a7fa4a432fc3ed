import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Margin';

/**
 * Where the library lives: `--library DIR`, else `MARGIN_LIBRARY`, else `<userData>/library`.
 * Without Electron (the CLI, the browser host) userData is worked out the way Electron does it,
 * so every way into Margin opens the same library.
 */
export function resolveLibraryDir(opts: {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  userDataDir?: string;
}): string {
  const flag = libraryFlag(opts.argv);
  if (flag) return path.resolve(flag);
  if (opts.env.MARGIN_LIBRARY) return path.resolve(opts.env.MARGIN_LIBRARY);
  return path.join(opts.userDataDir ?? defaultUserDataDir(opts.env), 'library');
}

function libraryFlag(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--library') return argv[i + 1] ?? null;
    if (arg.startsWith('--library=')) return arg.slice('--library='.length);
  }
  return null;
}

/** Electron's `app.getPath('userData')`: appData joined with the product name. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv, platform = process.platform): string {
  const home = os.homedir();
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}
