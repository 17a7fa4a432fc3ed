import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MarginError } from '../common/errors';
import { resolveLibraryDir } from '../core/library-location';
import { openServices } from '../core/services';
import { startHost } from './server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { library: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false,
  });
  const libraryDir = resolveLibraryDir({
    argv: values.library ? ['--library', values.library] : [],
    env: process.env,
  });
  // The host writes the library: it holds its lock until it stops, so the CLI cannot interleave.
  // URLs saved while offline are fetched when the network is back.
  const services = await openServices(libraryDir, {
    owner: 'Margin (browser host)',
    retryPendingUrls: true,
  });
  const host = await startHost({
    services,
    rendererDir: path.join(repoRoot, 'dist', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Margin is at ${host.url}`);
  console.log(`Library: ${libraryDir}`);
  for (const message of services.archive.messages) console.log(`Note: ${message}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Everything pending goes to disk and the lock is released before the process ends. A
    // browser's keep-alive connection can hold server.close() open, so it gets a second at most.
    await services.close().catch((error: unknown) => {
      console.error(`margin host: could not save before stopping: ${String(error)}`);
    });
    await Promise.race([host.close(), new Promise((resolve) => setTimeout(resolve, 1000))]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  const message =
    error instanceof MarginError || error instanceof Error ? error.message : String(error);
  console.error(`margin host: ${message.split('\n', 1)[0]}`);
  process.exit(1);
});
