import { forEachWordSpan, foldTerm } from '../../common/text/tokenize';
import type { SearchDocument } from './document';
import { FIELD_COUNT } from './ranking';

/**
 * A document cut into terms. Its fields share one position space, in FIELDS order, with an
 * unused position between fields and between the entries of a field (two highlights), so a
 * phrase never matches across them.
 */
export interface AnalyzedDocument {
  /** Its distinct terms. */
  terms: string[];
  /** Per term, its count in each field: terms.length × FIELD_COUNT. */
  counts: number[];
  /** Per term, its positions in increasing order. */
  positions: number[][];
  /** Tokens per field, for BM25's length normalisation. */
  fieldLengths: Uint32Array;
  /** Per field, the position just after its last token. */
  fieldEnds: Uint32Array;
}

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i;

/** The host of an address, without "www.", for `site:`; null if there is none. */
export function hostOf(url: string | null | undefined): string | null {
  const host = url ? URL_HOST.exec(url)?.[1] : undefined;
  return host ? host.replace(/^www\./i, '') : null;
}

export function fieldEntries(document: SearchDocument): string[][] {
  const site = [document.siteName, hostOf(document.url)].filter((text): text is string => !!text);
  return [
    [document.title],
    document.byline ? [document.byline] : [],
    site,
    [document.body],
    document.highlights,
    document.notes,
  ];
}

export function analyze(document: SearchDocument): AnalyzedDocument {
  const indexOf = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  const positions: number[][] = [];
  const fieldLengths = new Uint32Array(FIELD_COUNT);
  const fieldEnds = new Uint32Array(FIELD_COUNT);
  let position = 0;
  fieldEntries(document).forEach((entries, field) => {
    for (const text of entries) {
      forEachWordSpan(text, (start, end) => {
        const term = foldTerm(text.slice(start, end));
        if (term === '') return;
        let index = indexOf.get(term);
        if (index === undefined) {
          index = terms.length;
          indexOf.set(term, index);
          terms.push(term);
          positions.push([]);
          for (let f = 0; f < FIELD_COUNT; f += 1) counts.push(0);
        }
        positions[index]?.push(position);
        counts[index * FIELD_COUNT + field] = (counts[index * FIELD_COUNT + field] ?? 0) + 1;
        position += 1;
        fieldLengths[field] = (fieldLengths[field] ?? 0) + 1;
      });
      position += 1; // the gap after each entry
    }
    fieldEnds[field] = position;
    position += 1;
  });
  return { terms, counts, positions, fieldLengths, fieldEnds };
}
