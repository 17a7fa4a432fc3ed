import path from 'node:path';

export interface AppPaths {
  /** The Vite build served as `app://bundle/`. */
  rendererDir: string;
  /** The sandboxed preload bundle (CommonJS: sandboxed preloads cannot be ESM). */
  preloadPath: string;
  /** Window icon for Linux, where the window does not take it from the executable. */
  iconPath: string;
}

/** Where the built pieces live relative to the app root (the project, or app.asar). */
export function appPaths(appRoot: string): AppPaths {
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
    iconPath: path.join(appRoot, 'assets', 'icon.png'),
  };
}
