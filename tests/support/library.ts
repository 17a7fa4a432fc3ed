import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openServices, type MarginServices } from '../../electron/core/services';

export async function tempLibrary(): Promise<MarginServices> {
  return openServices(await mkdtemp(path.join(os.tmpdir(), 'margin-lib-')));
}

export async function fileToImport(file: string) {
  return { name: path.basename(file), base64: (await readFile(file)).toString('base64') };
}
