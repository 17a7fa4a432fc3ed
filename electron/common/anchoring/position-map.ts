/**
 * Where an offset of an article's old text is in its new text, when both are known (updating an
 * article from a new copy). Passages of the old text that occur exactly once in each text pin
 * the two together; an offset maps through the nearest such passage. This follows insertions,
 * deletions and moved paragraphs (a moved paragraph carries its own passages), and is what tells
 * apart copies of a repeated paragraph: the one in the highlight's own surroundings is where the
 * map says, however well another copy matches.
 */

/** Length of a pinning passage: long enough that occurring once is no coincidence. */
const PASSAGE = 24;

/** Old offsets sampled for passages (every STEP characters): enough pins, a fraction of the work. */
const STEP = 4;

/** A pin this far from the offset (in old characters) no longer says where it went. */
const MAX_REACH = 2000;

/**
 * With `confirmed`, only an offset with a pin within NEAR_PIN, and not one whose pins on both sides are no longer as far apart as they
 * were (give or take GAP_SLACK): a paragraph moved in or out between them, and the offset may
 * have followed the wrong one of two copies.
 */
export type PositionMap = (oldOffset: number, confirmed?: boolean) => number | undefined;

/**
 * A pin this near the offset (in old characters) confirms where it went; a farther one alone may
 * have carried it past a moved paragraph onto another copy of a repeated one.
 */
const NEAR_PIN = 600;

/** How much the gap between two pins may change with word edits: a quarter, or 64 characters. */
const GAP_SLACK = 0.25;
const MIN_GAP_SLACK = 64;

export function buildPositionMap(oldText: string, newText: string): PositionMap {
  if (oldText === newText) return (offset) => offset;
  const oldHashes = rollingHashes(oldText);
  const inNew = offsetsByHash(rollingHashes(newText));
  const inOld = offsetsByHash(oldHashes);
  const pinsOld: number[] = [];
  const pinsNew: number[] = [];
  for (let i = 0; i + PASSAGE <= oldText.length; i += STEP) {
    const hash = oldHashes[i] ?? 0;
    const there = inNew.get(hash);
    if (there === undefined || there < 0 || inOld.get(hash) === -1) continue;
    // Equal hashes are checked: a collision must not pin unrelated text.
    if (oldText.slice(i, i + PASSAGE) !== newText.slice(there, there + PASSAGE)) continue;
    pinsOld.push(i);
    pinsNew.push(there);
  }
  return (offset, confirmed = false) => {
    if (pinsOld.length === 0) return undefined;
    // The last pin at or before the offset, and the first after it.
    let lo = 0;
    let hi = pinsOld.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pinsOld[mid] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    const before = lo - 1;
    const after = lo;
    const distBefore = before >= 0 ? offset - (pinsOld[before] ?? 0) : Infinity;
    const distAfter = after < pinsOld.length ? (pinsOld[after] ?? 0) - offset : Infinity;
    const pin = distBefore <= distAfter ? before : after;
    if (Math.min(distBefore, distAfter) > MAX_REACH) return undefined;
    if (confirmed && Math.min(distBefore, distAfter) > NEAR_PIN) return undefined;
    if (confirmed && distBefore <= MAX_REACH && distAfter <= MAX_REACH) {
      const oldGap = (pinsOld[after] ?? 0) - (pinsOld[before] ?? 0);
      const newGap = (pinsNew[after] ?? 0) - (pinsNew[before] ?? 0);
      if (Math.abs(newGap - oldGap) > Math.max(MIN_GAP_SLACK, GAP_SLACK * oldGap)) return undefined;
    }
    const mapped = (pinsNew[pin] ?? 0) + (offset - (pinsOld[pin] ?? 0));
    return Math.max(0, Math.min(newText.length, mapped));
  };
}

const BASE = 0x01000193;

/** Hash of the passage starting at each offset (a polynomial rolling hash, 32 bits). */
function rollingHashes(text: string): Int32Array {
  const count = Math.max(0, text.length - PASSAGE + 1);
  const hashes = new Int32Array(count);
  if (count === 0) return hashes;
  let top = 1; // BASE^(PASSAGE-1)
  for (let i = 1; i < PASSAGE; i += 1) top = Math.imul(top, BASE);
  let hash = 0;
  for (let i = 0; i < PASSAGE; i += 1) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  hashes[0] = hash;
  for (let i = 1; i < count; i += 1) {
    hash = (hash - Math.imul(text.charCodeAt(i - 1), top)) | 0;
    hash = (Math.imul(hash, BASE) + text.charCodeAt(i + PASSAGE - 1)) | 0;
    hashes[i] = hash;
  }
  return hashes;
}

/** Each passage hash with its offset, or -1 if it occurs more than once. */
function offsetsByHash(hashes: Int32Array): Map<number, number> {
  const found = new Map<number, number>();
  for (let i = 0; i < hashes.length; i += 1) {
    const hash = hashes[i] ?? 0;
    found.set(hash, found.has(hash) ? -1 : i);
  }
  return found;
}
