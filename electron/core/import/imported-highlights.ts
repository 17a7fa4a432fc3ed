/**
 * Highlights another app made, placed on the text Margin extracted. Other apps keep only the
 * quoted passage, so each is found by its quote: exactly, then with any whitespace, then by
 * fuzzy matching (re-anchoring's matcher). A quote that is nowhere to be found is kept as an
 * orphan (`orphaned: true`) with its quote, rather than dropped.
 */
import { anchor } from '../../common/anchoring/anchor';
import { describeRange } from '../../common/anchoring/describe';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../common/model';
import type { ImportExtras } from './page-input';

export type ImportedHighlight = NonNullable<ImportExtras['highlights']>[number];

/** Finds `quote` in `text`, letting any run of whitespace in the quote match any run in the text. */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'u');
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function colorOf(value: string | undefined): HighlightColor {
  const color = value?.trim().toLowerCase();
  return HIGHLIGHT_COLORS.find((c) => c === color) ?? 'yellow';
}

/** `value` as an ISO 8601 time, or `fallback` when it is missing or not a date. */
export function validDate(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

/** Where `quote` is in `text`, or null. */
function place(text: string, quote: string): { start: number; end: number } | null {
  const found = findQuote(text, quote);
  if (found) return found;
  const fuzzy = anchor(text, [
    { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 0, end: 0 },
  ]);
  return fuzzy && fuzzy.end > fuzzy.start ? fuzzy : null;
}

/** The highlights to store for a new article with text `text`; empty quotes are skipped. */
export function placeHighlights(
  articleId: string,
  text: string,
  imported: readonly ImportedHighlight[],
  newId: () => string,
  now: string,
): Highlight[] {
  const placed: Highlight[] = [];
  for (const item of imported) {
    const quote = item.quote.trim();
    if (quote === '') continue;
    const range = place(text, quote);
    const createdAt = validDate(item.createdAt, now);
    const highlight: Highlight = {
      id: newId(),
      articleId,
      selectors: range
        ? describeRange(text, range.start, range.end)
        : [
            { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 0 },
          ],
      color: colorOf(item.color),
      note: item.note ?? '',
      createdAt,
      updatedAt: createdAt,
    };
    if (!range) highlight.orphaned = true;
    placed.push(highlight);
  }
  return placed;
}

/** A tag list as the library keeps it: trimmed, no empties, no repeats, at most 100. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  const unique = new Set((tags ?? []).map((t) => t.trim().slice(0, 100)).filter(Boolean));
  return [...unique].slice(0, 100);
}
