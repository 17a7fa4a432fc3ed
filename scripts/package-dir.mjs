// Builds the unpacked Linux app (release/linux-unpacked) with electron-builder --dir, offline,
// then checks that app.asar holds the built app. Run after `npm run build` (package:dir does).
//
// Electron's own binary cannot always be downloaded (CI, offline machines). When
// node_modules/electron/dist is missing, electron-builder is pointed at a stand-in "unpacked
// Electron": a folder with an `electron` executable that carries a real fuse wire, so that
// packaging, asar creation and fuse flipping all run exactly as they would for real.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
// Tools that electron-builder itself depends on, resolved from its own install.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'));
const asar = builderRequire('@electron/asar');
const fuses = builderRequire('@electron/fuses');
const yaml = builderRequire('js-yaml');

const REQUIRED_BUILD_FILES = [
  'dist/main/main.mjs',
  'dist/preload/preload.cjs',
  'dist/renderer/index.html',
];
const OUT_DIR = path.join(root, 'release', 'linux-unpacked');
const EXECUTABLE = 'margin';

const exists = (file) =>
  stat(file).then(
    () => true,
    () => false,
  );

function fail(message) {
  console.error(`package:dir: ${message}`);
  process.exit(1);
}

/** @electron/fuses' sentinel; the two bytes after it are the wire version (1) and length. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in FuseV1Options order: RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
// EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
// LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
const DEFAULT_FUSE_WIRE = '10110001';

async function createStubElectron(version) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-electron-stub-'));
  const wire = Buffer.concat([
    Buffer.from(`# ${FUSE_SENTINEL}`),
    Buffer.from([1, DEFAULT_FUSE_WIRE.length]),
    Buffer.from(DEFAULT_FUSE_WIRE),
    Buffer.from('\n'),
  ]);
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for the Electron binary, used only to test packaging.\n'),
    wire,
    Buffer.from('echo "This is a packaging stub, not Electron." >&2\nexit 1\n'),
  ]);
  await writeFile(path.join(dir, 'electron'), script);
  await chmod(path.join(dir, 'electron'), 0o755);
  await mkdir(path.join(dir, 'resources'));
  await mkdir(path.join(dir, 'locales'));
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), '');
  await writeFile(path.join(dir, 'version'), version);
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in for Electron’s LICENSE (packaging test).\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stub</title>\n');
  return dir;
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

// 1. The build must exist; electron-builder would otherwise package whatever is lying around.
for (const file of REQUIRED_BUILD_FILES) {
  if (!(await exists(path.join(root, file)))) fail(`${file} is missing; run npm run build first`);
}

// 2. Pick the Electron to package: the real one if it was downloaded, else the stand-in.
const electronVersion = JSON.parse(
  await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const realDist = path.join(root, 'node_modules', 'electron', 'dist');
const useReal = await exists(path.join(realDist, 'electron'));
const electronDist = useReal ? realDist : await createStubElectron(electronVersion);
console.log(
  useReal
    ? `package:dir: using Electron ${electronVersion} from ${path.relative(root, realDist)}`
    : `package:dir: Electron binary not installed; using a stand-in for Electron ${electronVersion}`,
);

// 3. Package. Nothing here may touch the network: no downloads, no signing, no publishing.
await rm(OUT_DIR, { recursive: true, force: true });
const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const code = await run(
  process.execPath,
  [
    cli,
    '--dir',
    '--linux',
    // The stand-in works for any arch; a real Electron download matches this machine.
    `--${useReal ? process.arch : 'x64'}`,
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${electronVersion}`,
  ],
  {
    ...process.env,
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    ELECTRON_BUILDER_CACHE: path.join(os.tmpdir(), 'margin-electron-builder-cache'),
  },
);
if (!useReal) await rm(electronDist, { recursive: true, force: true });
if (code !== 0) fail(`electron-builder exited with ${code}`);

// 4. Check the result: the app files are in app.asar and the fuses were flipped as configured.
const asarPath = path.join(OUT_DIR, 'resources', 'app.asar');
if (!(await exists(asarPath))) fail(`${path.relative(root, asarPath)} was not created`);
const entries = new Set(asar.listPackage(asarPath, { isPack: false }).map(toPosixEntry));
const missing = REQUIRED_BUILD_FILES.filter((file) => !entries.has(file));
if (missing.length > 0) fail(`app.asar lacks ${missing.join(', ')}`);
const sourceMaps = [...entries].filter(
  (entry) => entry.startsWith('dist/') && entry.endsWith('.map'),
);
if (sourceMaps.length > 0) fail(`app.asar should not ship source maps: ${sourceMaps.join(', ')}`);

const config = yaml.load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8'));
const fuseProblems = await checkFuses(path.join(OUT_DIR, EXECUTABLE), config.electronFuses ?? {});
if (fuseProblems.length > 0) fail(`fuses not as configured: ${fuseProblems.join('; ')}`);

const asarBytes = (await stat(asarPath)).size;
const modules = new Set(
  [...entries].filter((e) => e.startsWith('node_modules/')).map((e) => e.split('/')[1]),
);
console.log(
  [
    `package:dir: OK in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    `  app:      ${path.relative(root, OUT_DIR)}/${EXECUTABLE}${useReal ? '' : ' (stand-in binary)'}`,
    `  app.asar: ${(asarBytes / 1024 / 1024).toFixed(1)} MiB, ${entries.size} entries, ` +
      `${modules.size} top-level node_modules`,
    `  contains: ${REQUIRED_BUILD_FILES.join(', ')}`,
    `  fuses:    ${Object.keys(config.electronFuses ?? {}).length} set as configured`,
  ].join('\n'),
);

function toPosixEntry(entry) {
  return entry.split(path.sep).join('/').replace(/^\//, '');
}

async function checkFuses(binary, wanted) {
  const names = {
    runAsNode: fuses.FuseV1Options.RunAsNode,
    enableCookieEncryption: fuses.FuseV1Options.EnableCookieEncryption,
    enableNodeOptionsEnvironmentVariable: fuses.FuseV1Options.EnableNodeOptionsEnvironmentVariable,
    enableNodeCliInspectArguments: fuses.FuseV1Options.EnableNodeCliInspectArguments,
    enableEmbeddedAsarIntegrityValidation:
      fuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
    onlyLoadAppFromAsar: fuses.FuseV1Options.OnlyLoadAppFromAsar,
    loadBrowserProcessSpecificV8Snapshot: fuses.FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
    grantFileProtocolExtraPrivileges: fuses.FuseV1Options.GrantFileProtocolExtraPrivileges,
  };
  const wire = await fuses.getCurrentFuseWire(binary);
  const problems = [];
  for (const [key, value] of Object.entries(wanted)) {
    if (!(key in names)) continue;
    const state = wire[names[key]];
    // The wire stores ASCII '1' / '0' (FuseState, which @electron/fuses does not export).
    const expected = (value ? '1' : '0').charCodeAt(0);
    if (state !== expected) problems.push(`${key} is ${String.fromCharCode(state)}`);
  }
  return problems;
}
