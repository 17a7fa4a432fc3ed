import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MarginError } from '../common/errors';
import { writeFileAtomic } from '../core/archive/atomic-write';
import { writeMarkdownFolder } from '../core/export/write-folder';
import { resolveLibraryDir } from '../core/library-location';
import { openServices, type MarginServices } from '../core/services';

const USAGE = `Usage: margin [--library DIR] <command> [options]

Commands:
  import <file>... [--json]                     import .txt, .md, .html or .htm files
  list [--json]                                 list the library, newest first
  search <query> [--json]                       search titles, text, authors, sites, highlights, notes
  highlight <articleId> --quote <text> [--note <text>] [--json]
  export <articleId> [--out <file.md>]          one article's notes as Markdown (stdout without --out)
  export --all --out <dir>                      one .md file per article with highlights or a note

The library is --library DIR, else $MARGIN_LIBRARY, else Margin's own library folder.`;

/** `npm run` changes to the package folder; the user's relative paths are relative to where they typed. */
const userCwd = process.env.INIT_CWD ?? process.cwd();
const userPath = (p: string) => path.resolve(userCwd, p);

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      json: { type: 'boolean', default: false },
      quote: { type: 'string' },
      note: { type: 'string' },
      out: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const libraryDir = resolveLibraryDir({
    argv: values.library ? ['--library', userPath(values.library)] : [],
    env: process.env,
  });
  const services = await openServices(libraryDir);
  try {
    await run(services, command, rest, values);
  } finally {
    await services.close();
  }
}

interface Options {
  json: boolean;
  quote?: string;
  note?: string;
  out?: string;
  all: boolean;
}

async function run(services: MarginServices, command: string, args: string[], opts: Options) {
  const library = services.library;
  const print = (json: unknown, human: () => string) =>
    console.log(opts.json ? JSON.stringify(json, null, 2) : human());

  switch (command) {
    case 'import': {
      if (args.length === 0) throw usage('import needs at least one file');
      const files = await Promise.all(
        args.map(async (file) => {
          const bytes = await readFile(userPath(file)).catch((error: NodeJS.ErrnoException) => {
            throw new MarginError(
              'import-failed',
              `${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
            );
          });
          return { name: path.basename(file), base64: bytes.toString('base64') };
        }),
      );
      const result = await library.importFiles(files);
      for (const f of result.failed) console.error(`margin: ${f.name}: ${f.reason}`);
      for (const d of result.duplicates) {
        console.error(`margin: ${d.name} is already in your library as "${d.title}" (${d.id})`);
      }
      print(
        result.imported.map(({ id, title }) => ({ id, title })),
        () => result.imported.map((a) => `${a.id}  ${a.title}`).join('\n') || 'Nothing imported.',
      );
      if (result.failed.length > 0) process.exitCode = 1;
      return;
    }
    case 'list': {
      const articles = await library.listArticles();
      print(
        articles.map((a) => ({
          id: a.id,
          title: a.title,
          site: a.siteName,
          url: a.url,
          savedAt: a.savedAt,
          readingMinutes: a.readingMinutes,
          highlights: a.highlightCount,
          read: a.read,
          favorite: a.favorite,
        })),
        () =>
          articles
            .map(
              (a) =>
                `${a.id}  ${a.title}  (${a.siteName ?? a.source}, ${a.savedAt.slice(0, 10)}, ${a.readingMinutes} min, ${a.highlightCount} highlights)`,
            )
            .join('\n') || 'The library is empty. Add articles with: margin import <file>',
      );
      return;
    }
    case 'search': {
      const query = args.join(' ');
      if (!query.trim()) throw usage('search needs a query');
      const hits = await library.search(query);
      print(
        hits.map(({ id, title, snippet }) => ({ id, title, snippet })),
        () => hits.map((h) => `${h.id}  ${h.title}\n    ${h.snippet}`).join('\n') || 'No matches.',
      );
      return;
    }
    case 'highlight': {
      const [articleId] = args;
      if (!articleId || opts.quote === undefined)
        throw usage('highlight needs <articleId> --quote <text>');
      const h = await library.highlightQuote(articleId, opts.quote, opts.note ?? '');
      print(
        { id: h.id, articleId: h.articleId, quote: h.selectors[0].exact, note: h.note },
        () => `Highlighted (${h.id}): ${h.selectors[0].exact}`,
      );
      return;
    }
    case 'export': {
      if (opts.all) {
        if (!opts.out) throw usage('export --all needs --out <dir>');
        const files = await library.exportAll();
        const written = await writeMarkdownFolder(userPath(opts.out), files);
        print(
          { written, dir: userPath(opts.out) },
          () => `Wrote ${written} file(s) to ${userPath(opts.out ?? '')}`,
        );
        return;
      }
      const [articleId] = args;
      if (!articleId) throw usage('export needs <articleId> or --all');
      const file = await library.exportArticle(articleId);
      if (!opts.out) {
        process.stdout.write(file.markdown);
        return;
      }
      await writeFileAtomic(userPath(opts.out), file.markdown);
      print({ file: userPath(opts.out) }, () => `Wrote ${userPath(opts.out ?? '')}`);
      return;
    }
    default:
      throw usage(`unknown command "${command}"`);
  }
}

function usage(message: string): MarginError {
  return new MarginError('invalid-argument', `${message} (see margin --help)`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`margin: ${message.split('\n', 1)[0]}`);
  process.exitCode = 1;
});
