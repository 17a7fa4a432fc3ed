/**
 * Some corpus pages are test fixtures made of one paragraph repeated (lorem ipsum, "reordering
 * paragraphs"): there, a passage and its copies differ only by where they are, and no selector
 * can tell them apart once edits touch them. The benchmark reports those pages on their own;
 * which they are is measured, not listed.
 */

/** Length of the passages compared: two copies of this much text are no coincidence. */
const PASSAGE = 64;

/** A page with more than this share of its text in repeated passages is "repetitive". */
export const REPETITIVE_SHARE = 0.5;

/** The share of `text` (whitespace runs collapsed) covered by 64-character passages that occur twice or more. */
export function repeatedShare(text: string): number {
  const t = text.replace(/\s+/g, ' ');
  if (t.length < PASSAGE) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i + PASSAGE <= t.length; i += 1) {
    const passage = t.slice(i, i + PASSAGE);
    counts.set(passage, (counts.get(passage) ?? 0) + 1);
  }
  const covered = new Uint8Array(t.length);
  for (let i = 0; i + PASSAGE <= t.length; i += 1) {
    if ((counts.get(t.slice(i, i + PASSAGE)) ?? 0) > 1) covered.fill(1, i, i + PASSAGE);
  }
  return covered.reduce((sum, c) => sum + c, 0) / t.length;
}
