import { MarginError } from '../../../common/errors';
import {
  cleanTags,
  fromDateText,
  itemLabel,
  webAddress,
  type BulkItem,
  type ParsedExport,
} from './bulk-item';

interface WallabagEntry {
  title?: unknown;
  url?: unknown;
  content?: unknown;
  is_archived?: unknown;
  is_starred?: unknown;
  tags?: unknown;
  created_at?: unknown;
  annotations?: unknown;
}

const truthy = (value: unknown) => value === true || value === 1 || value === '1';

/**
 * Wallabag's JSON export: an array of entries with title, url, content (the article HTML),
 * is_archived, is_starred, tags, created_at and annotations (`quote` is the highlighted text,
 * `text` the note).
 */
export function parseWallabagJson(text: string): ParsedExport {
  let entries: unknown;
  try {
    entries = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new MarginError('import-failed', 'The Wallabag export is not valid JSON');
  }
  if (!Array.isArray(entries)) {
    throw new MarginError(
      'import-failed',
      'This JSON is not a Wallabag export (no list of entries)',
    );
  }
  const out: ParsedExport = { format: 'wallabag', items: [], unreadable: [] };
  for (const entry of entries as WallabagEntry[]) {
    const title = typeof entry.title === 'string' && entry.title.trim() ? entry.title.trim() : null;
    const url = webAddress(entry.url);
    const content =
      typeof entry.content === 'string' && entry.content.trim() ? entry.content : null;
    if (!url && !content) {
      out.unreadable.push({
        label: itemLabel(title, null),
        reason: 'no content and no web address',
      });
      continue;
    }
    const archived = truthy(entry.is_archived);
    const item: BulkItem = {
      label: itemLabel(title, url),
      url,
      title,
      content,
      extras: {
        tags: Array.isArray(entry.tags)
          ? cleanTags(
              entry.tags.map((t: unknown) =>
                typeof t === 'object' && t && 'label' in t ? (t as { label: unknown }).label : t,
              ),
            )
          : [],
        savedAt: fromDateText(entry.created_at),
        read: archived,
        archived,
        favorite: truthy(entry.is_starred),
        highlights: annotations(entry.annotations),
      },
    };
    out.items.push(item);
  }
  return out;
}

function annotations(value: unknown): NonNullable<BulkItem['extras']['highlights']> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a: { quote?: unknown; text?: unknown; created_at?: unknown }) => {
    if (typeof a.quote !== 'string' || !a.quote.trim()) return [];
    const note = typeof a.text === 'string' ? a.text.trim() : '';
    const createdAt = fromDateText(a.created_at);
    return [
      { quote: a.quote.trim(), ...(note ? { note } : {}), ...(createdAt ? { createdAt } : {}) },
    ];
  });
}
