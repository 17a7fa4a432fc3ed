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
  const services = await openServices(libraryDir);
  const host = await startHost({
    services,
    rendererDir: path.join(repoRoot, 'dist', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Margin is at ${host.url}`);
  console.log(`Library: ${libraryDir}`);

  const stop = async () => {
    await services.flush();
    await host.close();
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
