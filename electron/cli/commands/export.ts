import { readFile } from 'node:fs/promises';
import { MarginError } from '../../common/errors';
import {
  compileTemplate,
  presetTemplate,
  type ExportTemplate,
} from '../../common/export/export-template';
import { isTemplatePresetName } from '../../common/export/presets';
import { TemplateError } from '../../common/export/template';
import { articleToMarkdown } from '../../common/export/markdown';
import { writeFileAtomic } from '../../core/archive/atomic-write';
import {
  articleExport,
  exportLibraryToFolder,
  exportSingleFile,
} from '../../core/export/library-export';
import type { FolderExportResult } from '../../core/export/folder-export';
import { usage, userPath, type Command } from '../context';

/**
 * `margin export <id>… [--out FILE]`, `margin export --all --out DIR`, `margin export --all
 * --single-file FILE`; each with `--template obsidian|logseq|plain|<file>`. The template is
 * compiled first: an error in it is reported with its line before anything is written.
 */
export const exportCommand: Command = {
  async run({ args, opts, open, print }) {
    const template = await loadTemplate(opts.template);
    const singleFile = opts['single-file'];
    if (singleFile !== undefined) {
      if (!opts.all && args.length === 0) throw usage('export --single-file needs --all or ids');
      const out = userPath(singleFile);
      const { library } = await open('read');
      const { count, markdown } = await exportSingleFile(library, {
        ...(opts.all ? {} : { ids: args }),
        template,
      });
      await writeFileAtomic(out, markdown);
      print({ file: out, articles: count }, () => `Wrote ${count} article(s) to ${out}`);
      return;
    }
    if (opts.all) {
      if (!opts.out) throw usage('export --all needs --out <dir> (or --single-file <file>)');
      const dir = userPath(opts.out);
      const { library } = await open('read');
      const progress = process.stderr.isTTY && !opts.json ? progressLine() : undefined;
      const result = await exportLibraryToFolder(library, { dir, template, onProgress: progress });
      if (progress) process.stderr.write('\n');
      for (const file of result.skippedFiles) {
        console.error(`margin: skipped ${file.file}: ${file.reason}`);
      }
      print({ dir, ...counts(result), skippedFiles: result.skippedFiles }, () =>
        summary(result, dir),
      );
      return;
    }
    const [articleId] = args;
    if (!articleId) throw usage('export needs <articleId> or --all');
    const { library } = await open('read');
    const meta = library.archive.data.articles.find((a) => a.id === articleId && !a.deletedAt);
    if (!meta)
      throw new MarginError('not-found', `No article with id ${articleId} in this library.`);
    const markdown = articleToMarkdown(await articleExport(library, meta), template);
    if (!opts.out) {
      process.stdout.write(markdown);
      return;
    }
    const out = userPath(opts.out);
    await writeFileAtomic(out, markdown);
    print({ file: out }, () => `Wrote ${out}`);
  },
};

/** A preset's name, else a template file; a bad one is refused with its line and column. */
async function loadTemplate(name: string | undefined): Promise<ExportTemplate> {
  if (name === undefined) return presetTemplate();
  if (isTemplatePresetName(name)) return presetTemplate(name);
  let source: string;
  try {
    source = await readFile(userPath(name), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw usage(
      `--template "${name}" is neither obsidian, logseq nor plain, nor a readable file (${code})`,
    );
  }
  try {
    return compileTemplate(source, name);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new MarginError('invalid-argument', `${name}: ${error.message}; nothing was written`);
    }
    throw error;
  }
}

function counts(result: FolderExportResult) {
  return { written: result.written, unchanged: result.unchanged, skipped: result.skipped };
}

function summary(result: FolderExportResult, dir: string): string {
  return `${dir}: ${result.written} written, ${result.unchanged} unchanged, ${result.skipped} skipped`;
}

function progressLine(): (done: number, total: number | null) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - last < 100 && done !== total) return;
    last = now;
    process.stderr.write(`\rExporting ${done}${total === null ? '' : ` of ${total}`}…`);
  };
}
