import path from 'node:path';
import { MarginError } from '../common/errors';
import type { OpenMode } from '../core/archive/archive';
import type { MarginServices } from '../core/services';

export interface CliOptions {
  json: boolean;
  quote?: string;
  note?: string;
  /** `import --replace <articleId>`: update that article instead of adding one. */
  replace?: string;
  out?: string;
  template?: string;
  'single-file'?: string;
  all: boolean;
  repair: boolean;
  yes: boolean;
  /** `import --from <app>`: the app whose export is imported. */
  from?: string;
}

export interface CliContext {
  libraryDir: string;
  args: string[];
  opts: CliOptions;
  /** Prints `json` with --json, else the human text. */
  print(json: unknown, human: () => string): void;
  /** Opens the library; 'write' waits for, then refuses, another writer. Closed after the command. */
  open(mode: OpenMode): Promise<MarginServices>;
}

export interface Command {
  run(ctx: CliContext): Promise<void>;
}

/** `npm run` changes to the package folder; the user's relative paths are relative to where they typed. */
const userCwd = process.env.INIT_CWD ?? process.cwd();
export const userPath = (p: string) => path.resolve(userCwd, p);

export function usage(message: string): MarginError {
  return new MarginError('invalid-argument', `${message} (see margin --help)`);
}
