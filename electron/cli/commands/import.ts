import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { MarginError } from '../../common/errors';
import { readCompanionFolder } from '../../core/import/companion-folder';
import { MAX_IMPORT_FILE_BYTES, printable } from '../../core/library-service';
import { usage, userPath, type Command } from '../context';
import { replaceFromFile } from './replace';

export const importCommand: Command = {
  async run(ctx) {
    const { args, open, print } = ctx;
    if (ctx.opts.replace !== undefined) return replaceFromFile(ctx, ctx.opts.replace);
    if (args.length === 0) throw usage('import needs at least one file');
    // Sizes first: a huge file is refused before anything is read (or the library opened).
    for (const file of args) await checkSize(file);
    const files = await Promise.all(
      args.map(async (file) => {
        const bytes = await readFile(userPath(file)).catch((error: NodeJS.ErrnoException) => {
          throw cannotRead(file, error);
        });
        return { name: path.basename(file), base64: bytes.toString('base64') };
      }),
    );
    // A page saved "complete" brings its page_files/ folder (images stored with the article).
    for (const file of args) {
      for (const extra of await readCompanionFolder(userPath(file))) {
        files.push({ name: extra.name, base64: Buffer.from(extra.bytes).toString('base64') });
      }
    }
    const { library } = await open('write');
    const result = await library.importFiles(files);
    for (const f of result.failed) console.error(`margin: ${f.reason}`);
    for (const d of result.duplicates) {
      console.error(
        `margin: ${printable(d.name)} is already in your library as "${d.title}" (${d.id})`,
      );
    }
    print(
      result.imported.map(({ id, title }) => ({ id, title })),
      () => result.imported.map((a) => `${a.id}  ${a.title}`).join('\n') || 'Nothing imported.',
    );
    if (result.failed.length > 0) process.exitCode = 1;
  },
};

async function checkSize(file: string): Promise<void> {
  const info = await stat(userPath(file)).catch((error: NodeJS.ErrnoException) => {
    throw cannotRead(file, error);
  });
  if (!info.isFile()) {
    throw new MarginError('import-failed', `${printable(file)}: not a file`);
  }
  if (info.size > MAX_IMPORT_FILE_BYTES) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    throw new MarginError(
      'import-failed',
      `${printable(file)} is ${mb(info.size)}; Margin imports files up to ${mb(MAX_IMPORT_FILE_BYTES)}. Nothing was imported.`,
    );
  }
}

function cannotRead(file: string, error: NodeJS.ErrnoException): MarginError {
  const reason = error.code === 'ENOENT' ? 'no such file' : error.message.split('\n', 1)[0];
  return new MarginError('import-failed', `${printable(file)}: ${reason}`);
}
