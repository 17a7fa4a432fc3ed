import { cleanTags, fromUnixSeconds, itemLabel, webAddress, type ParsedExport } from './bulk-item';
import { csvRecords } from './csv';

/** Instapaper's folders that are states, not folders of the user's own. */
const STATE_FOLDERS = new Set(['unread', 'archive', 'starred']);

/** Tags as Instapaper writes them: a JSON array (`["a","b"]`), or a comma-separated list. */
function instapaperTags(value: string): string[] {
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return cleanTags(parsed);
    } catch {
      // not JSON after all: read as a list
    }
  }
  return cleanTags(text.replace(/^\[|\]$/g, '').split(','));
}

/**
 * Instapaper's CSV export: `URL,Title,Selection,Folder,Timestamp,Tags`. Folder is Unread,
 * Archive, Starred or one of the user's folders (kept as a tag). The Selection (text the user
 * selected when saving) comes across as a highlight.
 */
export function parseInstapaperCsv(text: string): ParsedExport {
  const out: ParsedExport = { format: 'instapaper', items: [], unreadable: [] };
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
    const folder = (record.folder ?? '').trim();
    const state = folder.toLowerCase();
    const selection = (record.selection ?? '').trim();
    const tags = instapaperTags(record.tags ?? '');
    if (folder && !STATE_FOLDERS.has(state)) tags.unshift(folder);
    out.items.push({
      label: itemLabel(title, url),
      url,
      title: title === url ? null : title,
      content: null,
      extras: {
        tags: cleanTags(tags),
        savedAt: fromUnixSeconds(record.timestamp),
        read: state === 'archive',
        archived: state === 'archive',
        favorite: state === 'starred',
        highlights: selection ? [{ quote: selection }] : [],
      },
    });
  }
  return out;
}
