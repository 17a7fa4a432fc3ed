/**
 * Ranking: BM25 per field, weighted by field and summed. Scoring each field separately, with its
 * own saturation, means one title match outweighs any number of body matches (a body's score
 * tends to 2.2 idf, the title's is about 3 idf), which is what a reader looking for "that article
 * about Ghazni" expects.
 */

/** The fields kept in posting lists, in the order of their per-field counts. */
export const FIELDS = ['title', 'author', 'site', 'body', 'highlights', 'notes'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export const TITLE = 0;
export const AUTHOR = 1;
export const SITE = 2;
export const BODY = 3;
export const HIGHLIGHTS = 4;
export const NOTES = 5;

export const FIELD_WEIGHTS: Readonly<Record<Field, number>> = {
  title: 3,
  author: 1.5,
  site: 1.5,
  body: 1,
  highlights: 2,
  notes: 2,
};
export const WEIGHTS = Float64Array.from(FIELDS, (field) => FIELD_WEIGHTS[field]);

/** Tags are kept beside the postings (they change without the text changing); they weigh like notes. */
export const TAG_WEIGHT = 2;

/**
 * A match counts less when the word being typed only matched as the start of a longer term, so
 * a document with "war" ranks above one with only "warlord" for the query "war".
 */
export const PREFIX_EXTENSION_WEIGHT = 0.5;

/** The usual BM25 constants: how fast repeated matches saturate, how much length matters. */
const K1 = 1.2;
const B = 0.75;

/** Inverse document frequency: rarer words weigh more. Always positive. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  const df = Math.min(documentFrequency, documentCount);
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

/** BM25's term-frequency part for one field of one document. */
export function saturatedFrequency(
  frequency: number,
  fieldLength: number,
  averageFieldLength: number,
): number {
  if (frequency <= 0) return 0;
  const relativeLength = averageFieldLength > 0 ? fieldLength / averageFieldLength : 1;
  return (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + B * relativeLength));
}
