import { strFromU8, unzipSync } from 'fflate';
import { MarginError } from '../../../common/errors';
import type { ImportExtras } from '../page-input';
import {
  cleanTags,
  fromDateText,
  itemLabel,
  webAddress,
  type BulkItem,
  type ParsedExport,
} from './bulk-item';

type Highlights = NonNullable<ImportExtras['highlights']>;

/** The largest unpacked export read (its content pages and highlights together). */
const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

interface OmnivoreMeta {
  slug?: unknown;
  title?: unknown;
  url?: unknown;
  state?: unknown;
  readingProgress?: unknown;
  labels?: unknown;
  savedAt?: unknown;
}

/**
 * Omnivore's export zip: `metadata_<from>_to_<to>.json` (arrays of items: slug, title, url,
 * state, readingProgress, labels, savedAt…), the article HTML as `content/<slug>.html`, and the
 * highlights as `highlights/<slug>.md` (one `> quote` block each, its note below it).
 */
export function parseOmnivoreZip(bytes: Uint8Array): ParsedExport {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > MAX_UNZIPPED_BYTES) throw new Error('it unpacks to more than 1 GB');
        return /(^|\/)(metadata_[^/]*\.json|content\/[^/]+\.html|highlights\/[^/]+\.md)$/.test(
          file.name,
        );
      },
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new MarginError('import-failed', `The Omnivore export could not be opened (${why})`);
  }
  const byBase = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    byBase.set(name.replace(/^.*?(content\/|highlights\/|metadata_)/, '$1'), data);
  }
  const metadataFiles = [...byBase.keys()].filter((n) => n.startsWith('metadata_')).sort(byNumber);
  if (metadataFiles.length === 0) {
    throw new MarginError(
      'import-failed',
      'This zip is not an Omnivore export (it has no metadata_*.json)',
    );
  }
  const out: ParsedExport = { format: 'omnivore', items: [], unreadable: [] };
  for (const name of metadataFiles) {
    let entries: unknown;
    try {
      entries = JSON.parse(strFromU8(byBase.get(name)!));
    } catch {
      out.unreadable.push({ label: name, reason: 'not valid JSON' });
      continue;
    }
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as OmnivoreMeta[]) {
      const item = omnivoreItem(entry, byBase);
      if ('reason' in item) out.unreadable.push(item);
      else out.items.push(item);
    }
  }
  return out;
}

function omnivoreItem(
  entry: OmnivoreMeta,
  files: Map<string, Uint8Array>,
): BulkItem | { label: string; reason: string } {
  const slug = typeof entry.slug === 'string' ? entry.slug : null;
  const title = typeof entry.title === 'string' && entry.title.trim() ? entry.title.trim() : null;
  const url = webAddress(entry.url);
  const content = slug ? files.get(`content/${slug}.html`) : undefined;
  const highlightsMd = slug ? files.get(`highlights/${slug}.md`) : undefined;
  if (!url && !content)
    return { label: itemLabel(title, slug), reason: 'no content and no web address' };
  const archived = typeof entry.state === 'string' && /archived/i.test(entry.state);
  const progress = typeof entry.readingProgress === 'number' ? entry.readingProgress : 0;
  return {
    label: itemLabel(title, url),
    url,
    title,
    content: content ? strFromU8(content) : null,
    extras: {
      tags: Array.isArray(entry.labels)
        ? cleanTags(
            entry.labels.map((l: unknown) =>
              typeof l === 'object' && l && 'name' in l ? (l as { name: unknown }).name : l,
            ),
          )
        : [],
      savedAt: fromDateText(entry.savedAt),
      read: archived || progress >= 98,
      archived,
      highlights: highlightsMd ? parseOmnivoreHighlights(strFromU8(highlightsMd)) : [],
    },
  };
}

/**
 * Omnivore's highlight Markdown: each highlight a block quote (ending in a `[⤴️](…)` link back
 * to it), followed by its note, if any, as plain paragraphs.
 */
export function parseOmnivoreHighlights(markdown: string): Highlights {
  const highlights: Highlights = [];
  let current: { quote: string[]; note: string[] } | null = null;
  let inQuote = false;
  const flush = () => {
    if (!current) return;
    const quote = current.quote
      .join('\n')
      .replace(/\s*\[[^\]]*\]\([^)]*\)\s*$/u, '')
      .trim();
    const note = current.note.join('\n').trim();
    if (quote) highlights.push(note ? { quote, note } : { quote });
    current = null;
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*>/.test(line)) {
      if (!inQuote) flush();
      current ??= { quote: [], note: [] };
      current.quote.push(line.replace(/^\s*>\s?/, ''));
      inQuote = true;
    } else {
      inQuote = false;
      if (current && (line.trim() !== '' || current.note.length > 0)) current.note.push(line);
    }
  }
  flush();
  return highlights;
}

function byNumber(a: string, b: string): number {
  const n = (s: string) => Number(/(\d+)/.exec(s)?.[1] ?? 0);
  return n(a) - n(b);
}
