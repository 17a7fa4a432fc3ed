import { MarginError } from '../../../common/errors';
import type { BulkFormat, ParsedExport } from './bulk-item';
import { parseInstapaperCsv } from './instapaper';
import { parseOmnivoreZip } from './omnivore';
import { unzipSync } from 'fflate';
import { parsePocketCsv, parsePocketHtml, parsePocketZip } from './pocket';
import { parseUrlList } from './url-list';
import { parseWallabagJson } from './wallabag';

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Whether a zip holds Pocket's `part_*.csv` files (reads the directory, unpacks nothing). */
function isPocketZip(bytes: Uint8Array): boolean {
  let found = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (/(^|\/)part_\d+\.csv$/.test(file.name)) found = true;
        return false;
      },
    });
  } catch {
    return false;
  }
  return found;
}

function text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Which app an export came from, by its content (and name, for a plain list). */
export function detectFormat(name: string, bytes: Uint8Array): BulkFormat {
  if (isZip(bytes)) return isPocketZip(bytes) ? 'pocket' : 'omnivore';
  const head = text(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'wallabag';
  if (/^<|<h1>\s*(unread|read archive)/i.test(head) && /time_added|pocket/i.test(head))
    return 'pocket';
  const header = head.split(/\r?\n/, 1)[0]!.toLowerCase().replace(/"/g, '');
  if (/^title,url,time_added/.test(header)) return 'pocket';
  if (/^url,title,selection,folder/.test(header)) return 'instapaper';
  if (/\.(txt|list|urls)$/i.test(name) || /^https?:\/\//i.test(head)) return 'urls';
  throw new MarginError(
    'import-failed',
    `${name} is not an export Margin knows (Pocket, Instapaper, Omnivore, Wallabag, or a list of URLs)`,
  );
}

/** Reads another app's export into items; `format` 'auto' detects it. */
export function parseExport(
  name: string,
  bytes: Uint8Array,
  format: BulkFormat | 'auto' = 'auto',
): ParsedExport {
  const kind = format === 'auto' ? detectFormat(name, bytes) : format;
  switch (kind) {
    case 'pocket': {
      if (isZip(bytes)) return parsePocketZip(bytes);
      const body = text(bytes).replace(/^\uFEFF/, '');
      return body.trimStart().startsWith('<') ? parsePocketHtml(body) : parsePocketCsv(body);
    }
    case 'instapaper':
      return parseInstapaperCsv(text(bytes));
    case 'omnivore':
      return parseOmnivoreZip(bytes);
    case 'wallabag':
      return parseWallabagJson(text(bytes));
    case 'urls':
      return parseUrlList(text(bytes));
  }
}
