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

export type PositionMap = (oldOffset: number) => number | undefined;

export function buildPositionMap(oldText: string, newText: string): PositionMap {
  if (oldText === newText) return (offset) => offset;
  const inNew = passageCounts(newText, 1);
  const inOld = passageCounts(oldText, 1);
  const pinsOld: number[] = [];
  const pinsNew: number[] = [];
  for (let i = 0; i + PASSAGE <= oldText.length; i += STEP) {
    const passage = oldText.slice(i, i + PASSAGE);
    const there = inNew.get(passage);
    if (there === undefined || there < 0 || inOld.get(passage) === -1) continue;
    pinsOld.push(i);
    pinsNew.push(there);
  }
  return (offset) => {
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
    const mapped = (pinsNew[pin] ?? 0) + (offset - (pinsOld[pin] ?? 0));
    return Math.max(0, Math.min(newText.length, mapped));
  };
}

/** Each passage of `text` (at every offset) with its offset, or -1 if it occurs more than once. */
function passageCounts(text: string, step: number): Map<string, number> {
  const found = new Map<string, number>();
  for (let i = 0; i + PASSAGE <= text.length; i += step) {
    const passage = text.slice(i, i + PASSAGE);
    found.set(passage, found.has(passage) ? -1 : i);
  }
  return found;
}
