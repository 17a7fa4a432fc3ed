import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { cleanTags, fromUnixSeconds, itemLabel, webAddress, type ParsedExport } from './bulk-item';
import { csvRecords } from './csv';

/**
 * Pocket's `ril_export.html`: an `<h1>Unread</h1>` list and an `<h1>Read Archive</h1>` list of
 * `<a href time_added tags>` links, tags comma-separated.
 */
export function parsePocketHtml(html: string): ParsedExport {
  const { document } = parseHTML(html);
  const out: ParsedExport = { format: 'pocket', items: [], unreadable: [] };
  let archived = false;
  for (const element of document.querySelectorAll('h1, a')) {
    if (element.tagName === 'H1') {
      archived =
        /archive|read/i.test(element.textContent ?? '') &&
        !/unread/i.test(element.textContent ?? '');
      continue;
    }
    const title = element.textContent?.trim() || null;
    const url = webAddress(element.getAttribute('href'));
    if (!url) {
      out.unreadable.push({
        label: itemLabel(title, element.getAttribute('href')),
        reason: 'no web address',
      });
      continue;
    }
    out.items.push({
      label: itemLabel(title, url),
      url,
      title: title === url ? null : title,
      content: null,
      extras: {
        tags: cleanTags((element.getAttribute('tags') ?? '').split(',')),
        savedAt: fromUnixSeconds(element.getAttribute('time_added')),
        read: archived,
        archived,
      },
    });
  }
  return out;
}

/** Pocket's CSV export: `title,url,time_added,tags,status`, tags separated by `|`. */
export function parsePocketCsv(text: string): ParsedExport {
  const out: ParsedExport = { format: 'pocket', items: [], unreadable: [] };
  for (const record of csvRecords(text).records) {
    const url = webAddress(record.url);
    const title = record.title?.trim() || null;
    if (!url) {
      out.unreadable.push({
        label: itemLabel(title, record.url ?? null),
        reason: 'no web address',
      });
      continue;
    }
    const archived = /archive/i.test(record.status ?? '');
    out.items.push({
      label: itemLabel(title, url),
      url,
      title: title === url ? null : title,
      content: null,
      extras: {
        tags: cleanTags((record.tags ?? '').split('|')),
        savedAt: fromUnixSeconds(record.time_added),
        read: archived,
        archived,
      },
    });
  }
  return out;
}

/** Pocket's last exports (2025) came as a zip of `part_000000.csv`, `part_000001.csv`… */
export function parsePocketZip(bytes: Uint8Array): ParsedExport {
  const parts = unzipSync(bytes, { filter: (file) => /(^|\/)part_\d+\.csv$/.test(file.name) });
  const out: ParsedExport = { format: 'pocket', items: [], unreadable: [] };
  for (const name of Object.keys(parts).sort()) {
    const part = parsePocketCsv(strFromU8(parts[name]!));
    out.items.push(...part.items);
    out.unreadable.push(...part.unreadable);
  }
  return out;
}
