/**
 * Comparing a quote, or its context, with the text at one candidate place. Unlike the search
 * (approx-match.ts, Levenshtein distance), these count only insertions and deletions: a changed
 * character is one of each. With substitutions at cost 1, unrelated text "matches" a missing
 * word almost as cheaply as it matches the real, edited text (any character can stand for any
 * other), so a highlight would rather swallow the next word than admit an inserted one. Counting
 * insertions and deletions, the cost is the number of characters that are not shared (in
 * order), and unrelated text costs about one per character, as it should.
 */

const WORD = 32;

/**
 * The length of the longest common subsequence of `a` and `b`: how many characters of `a`
 * are found, in order, in `b`. Bit-parallel (Allison and Dix 1986; Hyyrö 2004): one pass over
 * `b`, 32 characters of `a` per machine word, so O(|a| * |b| / 32).
 */
export function commonLength(a: string, b: string): number {
  const m = a.length;
  if (m === 0 || b.length === 0) return 0;
  const words = Math.ceil(m / WORD);
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < m; i += 1) {
    const code = a.charCodeAt(i);
    let mask = masks.get(code);
    if (!mask) {
      mask = new Uint32Array(words);
      masks.set(code, mask);
    }
    const w = Math.floor(i / WORD);
    mask[w] = ((mask[w] ?? 0) | (1 << (i % WORD))) >>> 0;
  }
  // Bit i of v is 0 when a[i] ends one more common character than a[i - 1] does so far.
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = 0; j < b.length; j += 1) {
    const mask = masks.get(b.charCodeAt(j));
    if (!mask) continue;
    let carry = 0;
    let borrow = 0;
    for (let w = 0; w < words; w += 1) {
      const vw = v[w] ?? 0;
      const u = (vw & (mask[w] ?? 0)) >>> 0;
      const sum = vw + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      const difference = vw - u - borrow;
      borrow = difference < 0 ? 1 : 0;
      v[w] = ((sum >>> 0) | (difference >>> 0)) >>> 0;
    }
  }
  let zeros = 0;
  for (let i = 0; i < m; i += 1) {
    if (((v[Math.floor(i / WORD)] ?? 0) & (1 << (i % WORD))) === 0) zeros += 1;
  }
  return zeros;
}

/** Insertions plus deletions that turn `a` into `b`. */
export function indelDistance(a: string, b: string): number {
  return a.length + b.length - 2 * commonLength(a, b);
}

/**
 * Insertions and deletions between `context` and the text on one side of `at`: the characters
 * just after it (`side` 'after', for a suffix) or just before it (`side` 'before', for a
 * prefix). The context is tied to `at` and free at its far end, so text inserted or removed
 * further away costs only what it changes; at most `context.length + slack` characters of
 * `text` are looked at.
 */
export function contextDistance(
  text: string,
  at: number,
  context: string,
  side: 'before' | 'after',
  slack: number,
): number {
  const m = context.length;
  if (m === 0) return 0;
  const available = side === 'after' ? text.length - at : at;
  const n = Math.max(0, Math.min(available, m + slack));
  // Row i: the first i context characters counted from `at` outwards, against j text characters
  // counted the same way.
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= m; i += 1) {
    const code = side === 'after' ? context.charCodeAt(i - 1) : context.charCodeAt(m - i);
    current[0] = i;
    for (let j = 1; j <= n; j += 1) {
      const textCode = side === 'after' ? text.charCodeAt(at + j - 1) : text.charCodeAt(at - j);
      const diagonal = textCode === code ? (previous[j - 1] ?? 0) : Infinity;
      current[j] = Math.min(diagonal, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  // Free far end: text beyond the context's last character is not charged.
  let best = m;
  for (let j = 0; j <= n; j += 1) best = Math.min(best, previous[j] ?? m);
  return best;
}
