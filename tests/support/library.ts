import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  openServices,
  type MarginServices,
  type OpenServicesOptions,
} from '../../electron/core/services';

export async function tempDir(prefix = 'margin-lib-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A new library in a temp folder, open for writing (it holds the folder's lock until closed). */
export async function tempLibrary(options: OpenServicesOptions = {}): Promise<MarginServices> {
  return openServices(await tempDir(), options);
}

export async function fileToImport(file: string) {
  return { name: path.basename(file), base64: (await readFile(file)).toString('base64') };
}

/** A file as the import API takes it. */
export function textFile(name: string, text: string | Uint8Array) {
  return { name, base64: Buffer.from(text).toString('base64') };
}

/**
 * Every file in the library folder with its bytes, for "left exactly as it was" checks. The
 * search index (`index/`) is derived data, written a moment after changes, so it is left out.
 */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (path.relative(dir, full).split(path.sep)[0] === 'index') continue;
    if (entry.isFile()) {
      out[path.relative(dir, full)] = await readFile(full, 'base64');
    }
  }
  return out;
}
