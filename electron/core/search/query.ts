import { tokenize } from './normalize';

export interface QueryWord {
  /** The word's folded terms; when there are several ("u.s.") they must appear as a phrase. */
  terms: string[];
  /** Whether the last term may be the start of a longer one: the word the user is typing. */
  prefix: boolean;
}

/**
 * Splits a query into words on whitespace. Every word must match; the query's last word matches
 * as a prefix, so results appear while the user types ("ghaz" finds "Ghazni"). Words with no
 * letters or digits ("&", "—") are dropped.
 */
export function parseQuery(query: string): QueryWord[] {
  const words = query
    .split(/\s+/u)
    .map((word) => tokenize(word).map((token) => token.term))
    .filter((terms) => terms.length > 0)
    .map((terms): QueryWord => ({ terms, prefix: false }));
  const last = words[words.length - 1];
  if (last) last.prefix = true;
  return words;
}
