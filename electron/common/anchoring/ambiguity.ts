/**
 * Whether the best place for a highlight is in doubt: another place, not overlapping it, whose
 * text fits the quote and its context better, lost only by a little position evidence (less than
 * `margin`). That is a repeated passage whose copies the edits hit differently, and a position
 * that can't tell which copy is the highlight's; choosing one would be a guess, and a guess is an
 * orphan. Copies that fit equally well are not in doubt: position alone tells them apart.
 */

export interface ValuedPlace {
  start: number;
  end: number;
  /** Evidence from the text: how well the quote and its context fit here (ScoredCandidate.gain). */
  gain: number;
  /** All the evidence for the place: its gain plus its position and paragraph-edge bonus. */
  value: number;
}

/** True when a place not overlapping `best` fits better and is worth more than `best.value - margin`. */
export function isAmbiguous(
  best: ValuedPlace,
  places: readonly ValuedPlace[],
  margin: number,
): boolean {
  return places.some(
    (p) =>
      (p.end <= best.start || best.end <= p.start) &&
      p.gain > best.gain &&
      p.value > best.value - margin,
  );
}
