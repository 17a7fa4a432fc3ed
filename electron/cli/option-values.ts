/**
 * `--quote "- a line of dialogue"`: Node's parseArgs refuses a value that starts with `-` as
 * ambiguous. A string option's next argument is its value unless it is itself one of the
 * command's options, so it is joined as `--quote=- a line…`, which parseArgs always reads as a value.
 */
export function joinOptionValues(
  argv: readonly string[],
  stringOptions: ReadonlySet<string>,
  allOptions: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    if (name !== null && stringOptions.has(name) && next !== undefined && next.startsWith('-')) {
      if (!isOption(next, allOptions)) {
        out.push(`${arg}=${next}`);
        i++;
        continue;
      }
    }
    out.push(arg);
  }
  return out;
}

function isOption(arg: string, allOptions: ReadonlySet<string>): boolean {
  if (arg === '--' || arg === '-h') return true;
  if (!arg.startsWith('--')) return false;
  const name = arg.slice(2).split('=', 1)[0] ?? '';
  return allOptions.has(name);
}
