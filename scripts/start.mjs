// `npm start`: opens Margin in Electron where Electron can run; otherwise says why in one line
// and serves the same UI through the browser host, opening the system browser when there is a
// display and printing the address when there is not. Run after `npm run build`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

/**
 * Why Electron cannot run here, or null when it can. Never `require('electron')`: without its
 * binary that starts a download, which fails with a stack trace on a closed network.
 */
export function electronUnavailable(env = process.env, platform = process.platform) {
  if (env.MARGIN_NO_ELECTRON) return 'MARGIN_NO_ELECTRON is set';
  const binary = electronBinary(env);
  if (binary === null) return "Electron's binary is not installed (it could not be downloaded)";
  if (!existsSync(binary)) return `Electron's binary is missing (${binary})`;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'there is no display';
  return null;
}

/** Where the `electron` package put its binary (as its index.js finds it), or null if nowhere. */
function electronBinary(env = process.env) {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  return path.join(
    env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'),
    readFileSync(pathFile, 'utf8'),
  );
}

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openInBrowser(url) {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  // No browser to open is not an error: the address is printed above.
  child.on('error', () => undefined);
  child.unref();
}

function runElectron() {
  const child = spawn(electronBinary(), ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function runHost() {
  const tsx = path.join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'tsx.cmd' : 'tsx',
  );
  const child = spawn(tsx, ['electron/host/main.ts', ...passThrough], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const match = /Margin is at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(chunk);
    if (match && !opened) {
      opened = true;
      if (hasDisplay() && !process.env.MARGIN_NO_BROWSER) openInBrowser(match[1]);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const why = electronUnavailable();
  if (why === null) runElectron();
  else {
    console.log(`Margin: Electron cannot run here (${why}); starting the browser host instead.`);
    runHost();
  }
}
