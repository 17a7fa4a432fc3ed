import type { EditedText } from './edit-text';

/**
 * Where a highlight's text is after the edits, worked out from the edit log alone (never from
 * the anchoring code), and whether an anchored range counts as correct.
 *
 * Expected range: the characters of the edited text that came from non-whitespace characters of
 * the highlight (kept, or rewritten in place by a replacement or whitespace change), from the
 * first to the last. Text inserted between them belongs to the edited highlight. When a
 * paragraph move carried part of the highlight elsewhere (or moved part of it behind another
 * part), its characters form several pieces, each in its original order (the highlight is
 * "split"): the expected range is the piece with the most of them, and any
 * other piece holding at least a third of them, or a run of consecutive pieces holding a third of
 * them whose span is at least half the highlight's own or inserted text (text moved into the
 * highlight, like an insertion, or the highlight's paragraphs reordered among themselves),
 * counts as well. When nothing is left
 * (all deleted), the right outcome is an orphan.
 *
 * Correct, for an anchored range A and an expected range E:
 *  1. A and E share at least one non-whitespace character, and
 *  2. at each end, the text between A's boundary and E's boundary holds, apart from whitespace
 *     and characters that edits inserted or rewrote, at most one word (or part of one).
 * Rule 2 allows what edits make ambiguous — deleting "big" from "the big house" leaves text that
 * could equally come from rewriting "the big" as "the" — and nothing more: a range off by two
 * unedited words at either end, or a sub-passage of the highlight, is wrong.
 */

interface Range {
  start: number;
  end: number;
}

export interface Expected {
  /** Null when every non-whitespace character of the highlight was deleted. */
  range: Range | null;
  /**
   * Other ranges that count as correct, for a highlight that a paragraph move split: any other
   * piece with at least a third of its characters, and runs of pieces whose span is at least
   * half the highlight's own or inserted text (see clusters).
   */
  alternatives: Range[];
  /** Part of the highlight was carried elsewhere by a paragraph move (or text moved into it). */
  split: boolean;
  /** The highlight's quote and context as stored, whitespace collapsed (see `duplicate`). */
  quote: { exact: string; prefix: string; suffix: string };
}

/**
 * `duplicate`: anchored elsewhere (not overlapping its expected range), on a passage that fits the highlight's stored selectors at
 * least as well as its own (edited) place does: the edit distance between the stored quote,
 * prefix and suffix and the text at the anchored range is no more than at the expected range.
 * That happens on pages that repeat a passage (the corpus has lorem-ipsum pages, three copies of
 * one paragraph, MathJax symbol runs) when the edits hit the highlight's own copy: no selector can
 * tell the two apart any more. Reported on its own, neither correct nor wrong.
 */
export type Verdict = 'correct' | 'orphaned' | 'duplicate' | 'wrong';

export interface Judgement {
  verdict: Verdict;
  /** For a correct anchor: its boundaries are exactly the expected ones, whitespace aside. */
  exactBoundaries: boolean;
}

/** Per character of `text`: 1 for whitespace (as `\s` defines it). */
export function whitespaceFlags(text: string): Uint8Array {
  const flags = new Uint8Array(text.length);
  for (const match of text.matchAll(/\s+/g))
    flags.fill(1, match.index, match.index + match[0].length);
  return flags;
}

/** `originalSpace`: whitespaceFlags of the original text. */
export function expectedRange(
  selectors: { exact: string; prefix: string; suffix: string },
  originalSpace: Uint8Array,
  edited: EditedText,
  start: number,
  end: number,
): Expected {
  const quote = {
    exact: collapse(selectors.exact),
    prefix: collapse(selectors.prefix),
    suffix: collapse(selectors.suffix),
  };
  const { origin, space } = edited;
  const inside = (o: number): boolean => o >= start && o < end && originalSpace[o] === 0;
  let first = -1;
  let last = -1;
  for (let j = 0; j < origin.length; j += 1) {
    if (inside(origin[j] ?? -1)) {
      if (first === -1) first = j;
      last = j;
    }
  }
  if (first === -1) return { range: null, alternatives: [], split: false, quote };
  // Pieces: runs of the highlight's characters not interrupted by other original text.
  const pieces: { start: number; end: number; size: number; first: number; last: number }[] = [];
  let piece: (typeof pieces)[number] | null = null;
  for (let j = first; j <= last; j += 1) {
    const o = origin[j] ?? -1;
    if (inside(o)) {
      // Text of the highlight that now comes before text that preceded it starts a new piece.
      if (piece && o < piece.last) piece = null;
      if (!piece) {
        piece = { start: j, end: j + 1, size: 0, first: o, last: o };
        pieces.push(piece);
      }
      piece.end = j + 1;
      piece.size += 1;
      piece.last = o;
    } else if (o !== -1 && space[j] === 0) {
      piece = null;
    }
  }
  const largest = pieces.reduce((a, b) => (b.size > a.size ? b : a));
  const surviving = pieces.reduce((sum, p) => sum + p.size, 0);
  const alternatives = pieces
    .filter((p) => p !== largest && p.size * 3 >= surviving)
    .map(({ start, end }) => ({ start, end }));
  if (pieces.length > 1) alternatives.push(...clusters(edited, inside, pieces, surviving));
  return {
    range: { start: largest.start, end: largest.end },
    alternatives,
    split: pieces.length > 1,
    quote,
  };
}

/**
 * Runs of consecutive pieces (in their order in the edited text) that are the edited highlight
 * as a whole: at least half of their span's visible characters are the highlight's own or were
 * inserted by edits (whatever moved inside it: the highlight's paragraphs reordered among
 * themselves, a short paragraph moved in), and they hold at least a third of what survives. A
 * span that is mostly other original text (a far paragraph move tore the highlight) is not.
 */
function clusters(
  edited: EditedText,
  inside: (origin: number) => boolean,
  pieces: readonly { start: number; end: number; size: number }[],
  surviving: number,
): Range[] {
  const from = pieces[0]!.start;
  const to = pieces[pieces.length - 1]!.end;
  // Prefix sums over from..to: visible characters that are own-or-inserted, and the rest.
  const own = new Int32Array(to - from + 1);
  const foreign = new Int32Array(to - from + 1);
  for (let j = from; j < to; j += 1) {
    const k = j - from;
    own[k + 1] = own[k]!;
    foreign[k + 1] = foreign[k]!;
    if (edited.space[j] === 1) continue;
    const o = edited.origin[j] ?? -1;
    if (o === -1 || edited.edited[j] === 1 || inside(o)) own[k + 1]! += 1;
    else foreign[k + 1]! += 1;
  }
  const found: Range[] = [];
  for (let a = 0; a < pieces.length; a += 1) {
    let size = 0;
    for (let b = a; b < pieces.length; b += 1) {
      size += pieces[b]!.size;
      if (b === a || size * 3 < surviving) continue;
      const start = pieces[a]!.start;
      const end = pieces[b]!.end;
      const mine = own[end - from]! - own[start - from]!;
      const theirs = foreign[end - from]! - foreign[start - from]!;
      if (mine >= theirs) found.push({ start, end });
    }
  }
  return found;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function judge(edited: EditedText, expected: Expected, anchored: Range | null): Judgement {
  if (!anchored) {
    return expected.range
      ? { verdict: 'orphaned', exactBoundaries: false }
      : { verdict: 'correct', exactBoundaries: true };
  }
  for (const range of expected.range ? [expected.range, ...expected.alternatives] : []) {
    const judgement = judgeAgainst(edited, range, anchored);
    if (judgement.verdict === 'correct') return judgement;
  }
  const own = expected.range ? [expected.range, ...expected.alternatives] : [];
  const fitHere = selectorFit(edited.text, anchored, expected.quote);
  const elsewhere = own.every((r) => r.end <= anchored.start || anchored.end <= r.start);
  const duplicate =
    own.length > 0 &&
    elsewhere &&
    own.every((r) => selectorFit(edited.text, r, expected.quote) >= fitHere);
  return { verdict: duplicate ? 'duplicate' : 'wrong', exactBoundaries: false };
}

/**
 * Edits between the stored selectors and the text at `at`, whitespace runs counted as one space:
 * the quote against the range, the prefix against the text just before it and the suffix against
 * the text just after it (each context free at its far end).
 */
function selectorFit(text: string, at: Range, quote: Expected['quote']): number {
  const window = 4 * 32 + 256;
  const before = collapse(text.slice(Math.max(0, at.start - window), at.start));
  const after = collapse(text.slice(at.end, at.end + window));
  const exact = collapse(text.slice(at.start, at.end));
  return (
    editDistance(quote.exact, exact, false) +
    editDistance(reverse(quote.prefix), reverse(before), true) +
    editDistance(quote.suffix, after, true)
  );
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

/** Levenshtein distance of `a` to `b`, or to the best start of `b` when `freeEnd`. */
function editDistance(a: string, b: string, freeEnd: boolean): number {
  const n = freeEnd ? Math.min(b.length, a.length * 2 + 8) : b.length;
  let row = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= n; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j - 1] ?? 0) + cost, (row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1));
    }
    row = next;
  }
  return freeEnd ? Math.min(...row) : (row[n] ?? 0);
}

function judgeAgainst(edited: EditedText, expected: Range, anchored: Range): Judgement {
  const { start, end } = expected;
  const overlapFrom = Math.max(start, anchored.start);
  const overlapTo = Math.min(end, anchored.end);
  let shared = false;
  for (let j = overlapFrom; j < overlapTo && !shared; j += 1) {
    shared = edited.space[j] === 0;
  }
  const startSlack = uneditedWords(edited, start, anchored.start);
  const endSlack = uneditedWords(edited, end, anchored.end);
  const correct = shared && startSlack <= 1 && endSlack <= 1;
  return {
    verdict: correct ? 'correct' : 'wrong',
    exactBoundaries:
      correct &&
      visibleBetween(edited, start, anchored.start) === 0 &&
      visibleBetween(edited, end, anchored.end) === 0,
  };
}

/** Words (maximal non-whitespace runs, cut at the range's ends) of unedited text between a and b. */
function uneditedWords(edited: EditedText, a: number, b: number): number {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  let words = 0;
  let inWord = false;
  for (let j = from; j < to; j += 1) {
    const unedited = edited.space[j] === 0 && edited.edited[j] === 0;
    if (unedited && !inWord) words += 1;
    inWord = unedited;
  }
  return words;
}

function visibleBetween(edited: EditedText, a: number, b: number): number {
  let count = 0;
  for (let j = Math.min(a, b); j < Math.max(a, b); j += 1) {
    if (edited.space[j] === 0) count += 1;
  }
  return count;
}
