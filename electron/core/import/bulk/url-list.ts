import { webAddress, type ParsedExport } from './bulk-item';

/** A plain list of URLs, one a line; blank lines and `#` comments skipped, repeats once. */
export function parseUrlList(text: string): ParsedExport {
  const out: ParsedExport = { format: 'urls', items: [], unreadable: [] };
  const seen = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const url = webAddress(line);
    if (!url) {
      out.unreadable.push({ label: line.slice(0, 200), reason: 'not a web address' });
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    out.items.push({ label: url, url, title: null, content: null, extras: {} });
  }
  return out;
}
