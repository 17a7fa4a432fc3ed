/**
 * Chinese and Japanese queries are cut into words by the same segmenter as the articles, but a
 * segmenter's cut depends on context: "阿富" alone is two words, while in "阿富汗" it is the start
 * of one. So a query in these scripts is also cut by the index's own vocabulary: the fewest
 * indexed terms that spell it, the last allowed to be the start of a term when it is being typed.
 */
const MAX_RUN = 32;

export function segmentByVocabulary(
  run: string,
  prefix: boolean,
  hasTerm: (term: string) => boolean,
  hasTermStartingWith: (start: string) => boolean,
): string[] | null {
  if (run.length === 0 || run.length > MAX_RUN) return null;
  const cuts = codePointBoundaries(run);
  const count = cuts.length;
  // best[i]: the fewest pieces spelling run[0, cuts[i]); from[i]: where its last piece starts.
  const best = new Array<number>(count).fill(Infinity);
  const from = new Array<number>(count).fill(-1);
  best[0] = 0;
  for (let end = 1; end < count; end += 1) {
    for (let start = 0; start < end; start += 1) {
      if ((best[start] ?? Infinity) + 1 >= (best[end] ?? Infinity)) continue;
      const piece = run.slice(cuts[start], cuts[end]);
      const last = end === count - 1;
      if (hasTerm(piece) || (last && prefix && hasTermStartingWith(piece))) {
        best[end] = (best[start] ?? 0) + 1;
        from[end] = start;
      }
    }
  }
  if (!Number.isFinite(best[count - 1] ?? Infinity)) return null;
  const pieces: string[] = [];
  for (let end = count - 1; end > 0; end = from[end] ?? 0) {
    pieces.unshift(run.slice(cuts[from[end] ?? 0], cuts[end]));
  }
  return pieces;
}

function codePointBoundaries(text: string): number[] {
  const cuts = [0];
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    cuts.push(at);
  }
  return cuts;
}
