import { parseArgs } from 'node:util';
import { printable } from '../core/library-service';
import { resolveLibraryDir } from '../core/library-location';
import { openServices, type MarginServices } from '../core/services';
import { backupCommand } from './commands/backup';
import { exportCommand } from './commands/export';
import { highlightCommand } from './commands/highlight';
import { highlightsCommand } from './commands/highlights';
import { fetchPendingCommand, importAnyCommand } from './commands/import-web';
import { listCommand } from './commands/list';
import { restoreCommand } from './commands/restore';
import { searchCommand } from './commands/search';
import { verifyCommand } from './commands/verify';
import { usage, userPath, type CliContext, type Command } from './context';
import { joinOptionValues } from './option-values';

const USAGE = `Usage: margin [--library DIR] <command> [options]

Commands:
  import <file>... [--json]                     import .txt, .md, .html or .htm files (up to 50 MB each)
  import --replace <articleId> <file> [--json]  update an article from a new copy; its highlights are
                                                re-anchored on the new text, or kept as orphans
  import <url>... [--json]                      fetch web pages with their images (kept waiting if offline)
  import --from <app> <file> [--json]           import an export: pocket, instapaper, omnivore, wallabag,
                                                urls (one URL a line) or auto
  fetch-pending [--json]                        fetch the URLs saved while offline
  list [--json]                                 list the library, newest first
  search <query> [--json]                       search titles, text, authors, sites, highlights, notes
  highlight <articleId> --quote <text> [--note <text>] [--json]
  highlights <articleId> [--json]               its highlights: quote, note, anchored (offsets into
                                                text.txt) or orphaned
  export <articleId> [--out <file.md>]          one article's notes as Markdown (stdout without --out)
  export --all --out <dir>                      one .md file per article with highlights or a note;
                                                again: updates Margin's region only, reports
                                                written / unchanged / skipped
  export --all --single-file <file.md>          every article's notes in one file (or ids instead
                                                of --all)
         [--template obsidian|logseq|plain|<file>] the layout (default obsidian; docs/export.md)
  verify [--json] [--repair]                    check library.json and every article file; --repair
                                                fixes what it can without losing anything
  backup --out <file.tar.gz> [--json]           the whole library in one archive any tar can open
  restore <file.tar.gz> [--yes] [--json]        show what restoring a backup would add; --yes does it
                                                (merges by id; never deletes or overwrites anything)

list, search, highlights, export, verify and backup only read, and work while Margin is open. Commands that
change the library wait a few seconds for an open Margin to finish, then refuse.

The library is --library DIR, else $MARGIN_LIBRARY, else Margin's own library folder.`;

const COMMANDS: Readonly<Record<string, Command>> = {
  import: importAnyCommand,
  'fetch-pending': fetchPendingCommand,
  list: listCommand,
  search: searchCommand,
  highlight: highlightCommand,
  highlights: highlightsCommand,
  export: exportCommand,
  verify: verifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  quote: { type: 'string' },
  note: { type: 'string' },
  replace: { type: 'string' },
  out: { type: 'string' },
  template: { type: 'string' },
  'single-file': { type: 'string' },
  all: { type: 'boolean', default: false },
  repair: { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const ALL_OPTIONS = new Set(Object.keys(OPTIONS));
const STRING_OPTIONS = new Set(
  Object.entries(OPTIONS)
    .filter(([, spec]) => spec.type === 'string')
    .map(([name]) => name),
);

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: joinOptionValues(argv, STRING_OPTIONS, ALL_OPTIONS),
    allowPositionals: true,
    options: OPTIONS,
  });
  const [name, ...args] = positionals;
  if (values.help || !name) {
    console.log(USAGE);
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw usage(`unknown command "${name}"`);
  const libraryDir = resolveLibraryDir({
    argv: values.library ? ['--library', userPath(values.library)] : [],
    env: process.env,
  });

  let services: MarginServices | null = null;
  const stopOnSignal = (signal: NodeJS.Signals, code: number) => {
    // Whatever was acknowledged is on disk already; flush the rest and let go of the lock.
    process.once(signal, () => {
      void (services?.close() ?? Promise.resolve()).finally(() => process.exit(code));
    });
  };
  stopOnSignal('SIGTERM', 143);
  stopOnSignal('SIGINT', 130);

  const ctx: CliContext = {
    libraryDir,
    args,
    opts: values,
    print: (json, human) => console.log(values.json ? JSON.stringify(json, null, 2) : human()),
    async open(mode) {
      services = await openServices(libraryDir, {
        mode,
        owner: `margin ${name}`,
        search: 'on-demand',
      });
      for (const message of services.archive.messages) console.error(`margin: note: ${message}`);
      return services;
    },
  };
  try {
    await command.run(ctx);
  } finally {
    await (services as MarginServices | null)?.close();
  }
}

// `margin list --json | head -1`: the reader went away, which is not an error of Margin's.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`margin: ${printable(message.split('\n', 1)[0] ?? '')}`);
  process.exitCode = 1;
});
