// Bundles the Electron main process and the preload with esbuild. No typechecking here: `tsc`
// does that. Main keeps every runtime dependency external (electron-builder ships them in
// node_modules); the sandboxed preload must be one CommonJS file that requires only `electron`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const started = performance.now();

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const [main, preload] = await Promise.all([
  build({
    ...common,
    // The import worker (electron/core/import/parse-pool.ts) is loaded from beside main.mjs.
    entryPoints: {
      main: 'electron/main/main.ts',
      'import-worker': 'electron/core/import/parse-worker.ts',
    },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
    // Bundled CommonJS code calls `require`; give ESM output a real one.
    banner: {
      js: "import { createRequire as __marginCreateRequire } from 'node:module';\nconst require = __marginCreateRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]).catch(() => {
  // esbuild has already printed the errors with their locations.
  console.error('build-electron: failed');
  process.exit(1);
});

// A sandboxed preload can only require a handful of modules; anything else fails at runtime.
const preloadImports = Object.values(preload.metafile.outputs)
  .flatMap((output) => output.imports)
  .filter((entry) => entry.external)
  .map((entry) => entry.path);
const stray = preloadImports.filter((specifier) => specifier !== 'electron');
if (stray.length > 0) {
  console.error(`preload must only require "electron", but requires: ${stray.join(', ')}`);
  process.exit(1);
}

const size = (result) =>
  Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, output]) => `${file} ${(output.bytes / 1024).toFixed(1)} KiB`)
    .join(', ');
console.log(
  `built ${size(main)}; ${size(preload)} in ${Math.round(performance.now() - started)} ms`,
);
