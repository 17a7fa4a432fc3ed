/**
 * Writing YAML values for front matter. Strings are written plain when that is unambiguous in
 * every YAML schema Obsidian, Logseq and js-yaml use (`site: Newsweek`), and double-quoted
 * otherwise; double quotes are the one style where every character can be written, so a title
 * with ": ", "#", quotes, a leading "-" or a newline is still one valid string.
 */

/** Plain in a block mapping: starts with a letter, no ": ", " #", flow or quote indicators. */
const BLOCK_PLAIN = /^[\p{L}_][\p{L}\p{M}\p{N}_\-/.,'()&+ ]*$/u;
/** Plain inside `[a, b]`: as above, without "," or spaces. */
const FLOW_PLAIN = /^[\p{L}_][\p{L}\p{M}\p{N}_\-/.'()&+]*$/u;
/** Words YAML 1.1 or 1.2 read as booleans or null. */
const RESERVED_WORD = /^(?:true|false|yes|no|on|off|y|n|null|nan|inf)$/i;

export type YamlValue = string | number | boolean | Date | null | readonly YamlValue[];

/** One value as it follows "key: " on a front matter line. */
export function yamlValue(value: YamlValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return yamlFlowList(value);
  if (typeof value === 'string') return yamlText(value, BLOCK_PLAIN);
  return yamlAtom(value as Exclude<YamlValue, string | null | readonly YamlValue[]>);
}

/** A list as a flow sequence, `[a, "b c"]`, which Obsidian reads as a list property. */
export function yamlFlowList(values: readonly YamlValue[]): string {
  const items = values.map((value) => {
    if (value === null) return 'null';
    if (Array.isArray(value)) return yamlFlowList(value);
    if (typeof value === 'string') return yamlText(value, FLOW_PLAIN);
    return yamlAtom(value as Exclude<YamlValue, string | null | readonly YamlValue[]>);
  });
  return `[${items.join(', ')}]`;
}

function yamlAtom(value: number | boolean | Date): string {
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return localDay(value) ?? '';
  // NaN and Infinity are not YAML numbers: write them as text.
  return Number.isFinite(value) ? String(value) : yamlString(String(value));
}

function yamlText(value: string, plain: RegExp): string {
  const unambiguous = value === value.trim() && plain.test(value) && !RESERVED_WORD.test(value);
  return unambiguous ? value : yamlString(value);
}

/** A YAML double-quoted scalar for any string. */
export function yamlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${hex(code, 2)}`;
    // Line and paragraph separators and the byte-order mark are not allowed raw in YAML.
    else if (code === 0x2028 || code === 0x2029 || code === 0xfeff) out += `\\u${hex(code, 4)}`;
    // A lone surrogate cannot be written in UTF-8 at all.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\uFFFD';
    else out += char;
  }
  return `${out}"`;
}

/** The date in the user's time zone as YYYY-MM-DD (a YAML date), or null if invalid. */
export function localDay(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}
