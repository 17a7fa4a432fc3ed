import { MAX_PROBE_MATCHES, framedCandidates, type Candidate } from './candidates';
import { refineBoundary } from './boundary';
import { extendMatch } from './extend';
import type { CollapsedText } from './normalize';

/**
 * What is left of a highlight torn by a moved paragraph, and edges settled at paragraph breaks:
 * candidates built from the quote's context and from other candidates.
 */

/**
 * How much text locates the start (or end) of a quote: its prefix and the quote's first
 * characters, at least 8 of them (the rest of the quote may have moved away) and more when the
 * prefix is short (it may be a few characters at the start of the article).
 */
const PROBE_LENGTH = 40;
const MIN_PROBE_QUOTE = 8;

/** Line breaks near each edge of a candidate at which it is cut (see splitCandidates). */
const SPLIT_BREAKS_EACH_SIDE = 2;

/**
 * Partial candidates: a highlight across paragraphs whose paragraphs were separated (one moved
 * away) keeps the part still next to its prefix or suffix. Found where the quote's first
 * characters follow its prefix (or its last ones precede its suffix), then extended as far as the
 * quote keeps matching, stopping only at a line break in the text (and a word's edge in the
 * quote): a part ends at a paragraph boundary, never in the middle of a heavily edited sentence.
 */
export function partialCandidates(
  text: CollapsedText,
  q: string,
  prefix: string,
  suffix: string,
  probeErrorShare: number,
  maxExtensionErrors: number,
): Candidate[] {
  const searched = text.text;
  const candidates: Candidate[] = [];
  const budget = (length: number): number => Math.floor(length * probeErrorShare);
  const textBreakAt = (i: number): boolean =>
    i <= 0 || i >= searched.length || text.lineBreaks[i] === 1;
  // A part of the quote ends at a word's end (the paragraph break may be new in the text).
  const quoteBreakAt = (i: number): boolean => q.charCodeAt(i) === 0x20;
  if (prefix.length > 0) {
    const probe = q.slice(0, Math.max(MIN_PROBE_QUOTE, PROBE_LENGTH - prefix.length));
    const found = framedCandidates(
      searched,
      probe,
      prefix,
      '',
      budget(prefix.length + probe.length),
      MAX_PROBE_MATCHES,
    );
    for (const rough of found) {
      const start = refineBoundary(searched, rough.start, prefix, q, 'start');
      // The head stops just before a line break in the text, at a word's end in the quote.
      const extension = extendMatch(
        searched,
        start,
        q,
        'after',
        maxExtensionErrors,
        (i, j) => quoteBreakAt(i) && textBreakAt(start + j),
      );
      if (extension.patternLength === 0) continue;
      candidates.push({
        start,
        end: start + extension.textLength,
        part: { side: 'head', text: q.slice(0, extension.patternLength) },
      });
    }
  }
  if (suffix.length > 0) {
    const probe = q.slice(-Math.max(MIN_PROBE_QUOTE, PROBE_LENGTH - suffix.length));
    const found = framedCandidates(
      searched,
      probe,
      '',
      suffix,
      budget(suffix.length + probe.length),
      MAX_PROBE_MATCHES,
    );
    for (const rough of found) {
      const end = refineBoundary(searched, rough.end, q, suffix, 'end');
      // The tail starts just after a line break in the text, at a word's start in the quote.
      const extension = extendMatch(
        searched,
        end,
        q,
        'before',
        maxExtensionErrors,
        (i, j) => quoteBreakAt(q.length - i - 1) && textBreakAt(end - j - 1),
      );
      if (extension.patternLength === 0) continue;
      candidates.push({
        start: end - extension.textLength,
        end,
        part: { side: 'tail', text: q.slice(q.length - extension.patternLength) },
      });
    }
  }
  return candidates;
}

/**
 * A head and a tail that meet at a line break, holding the start and the end of the quote but
 * not what was between: a paragraph in the middle of the highlight was moved away or deleted,
 * and the highlight is what is left of it around the gap.
 */
export function joinedCandidates(
  text: CollapsedText,
  quote: string,
  heads: readonly Candidate[],
  tails: readonly Candidate[],
): Candidate[] {
  const joined: Candidate[] = [];
  for (const head of heads) {
    for (const tail of tails) {
      const headText = head.part?.text ?? '';
      const tailText = tail.part?.text ?? '';
      const gap = tail.start - head.end;
      const meet = gap === 0 || (gap === 1 && text.lineBreaks[head.end] === 1);
      // The quote's space after the head and before the tail: its parts must not overlap.
      if (!meet || headText.length + 1 + tailText.length > quote.length) continue;
      joined.push({
        start: head.start,
        end: tail.end,
        part: { side: 'joined', text: `${headText} ${tailText}` },
      });
    }
  }
  return joined;
}

/**
 * `candidate` cut at a line break inside it, keeping what is before the break (as the start of
 * the quote) or what is after it (as the end of the quote). When a paragraph move tore a
 * highlight apart, a whole-quote match tends to run across a paragraph break into unrelated
 * text; the piece on one side of the break is what is left of the highlight there. The first and
 * last few breaks are tried (a torn edge is near an edge).
 */
export function splitCandidates(
  text: CollapsedText,
  quote: string,
  candidate: Candidate,
  minPartLength: number,
  maxErrors: number,
): Candidate[] {
  const { start, end } = candidate;
  const breaks: number[] = [];
  for (let i = start + 1; i < end - 1; i += 1) if (text.lineBreaks[i] === 1) breaks.push(i);
  const tried =
    breaks.length <= 2 * SPLIT_BREAKS_EACH_SIDE
      ? breaks
      : [...breaks.slice(0, SPLIT_BREAKS_EACH_SIDE), ...breaks.slice(-SPLIT_BREAKS_EACH_SIDE)];
  const wordEdge = (i: number): boolean =>
    i === 0 ||
    i === quote.length ||
    quote.charCodeAt(i) === 0x20 ||
    quote.charCodeAt(i - 1) === 0x20;
  const pieces: Candidate[] = [];
  for (const at of tried) {
    if (at - start >= minPartLength) {
      const head = extendMatch(
        text.text,
        start,
        quote,
        'after',
        maxErrors,
        (i, j) => j === at - start && wordEdge(i),
        at - start,
      );
      if (head.patternLength >= minPartLength && head.patternLength < quote.length) {
        pieces.push({
          start,
          end: at,
          part: { side: 'head', text: quote.slice(0, head.patternLength) },
        });
      }
    }
    if (end - at - 1 >= minPartLength) {
      const tail = extendMatch(
        text.text,
        end,
        quote,
        'before',
        maxErrors,
        (i, j) => j === end - at - 1 && wordEdge(quote.length - i),
        end - at - 1,
      );
      if (tail.patternLength >= minPartLength && tail.patternLength < quote.length) {
        pieces.push({
          start: at + 1,
          end,
          part: { side: 'tail', text: quote.slice(quote.length - tail.patternLength) },
        });
      }
    }
  }
  return pieces;
}

/**
 * `candidate` with its start moved to the nearest paragraph start (and its end to the nearest
 * paragraph end) within `reach` characters, when the highlight began (or ended) a paragraph.
 * Where a moved paragraph now borders the highlight, a match tends to take in a word or two
 * across the break; the highlight's own edge was, and still is, the break.
 */
export function paragraphEdgeCandidates(
  text: CollapsedText,
  candidate: Candidate,
  edges: { start: boolean; end: boolean },
  reach: number,
): Candidate[] {
  const isParagraphStart = (i: number): boolean => i === 0 || text.lineBreaks[i - 1] === 1;
  const isParagraphEnd = (i: number): boolean => i === text.text.length || text.lineBreaks[i] === 1;
  const nearest = (from: number, test: (i: number) => boolean): number | null => {
    for (let d = 0; d <= reach; d += 1) {
      if (test(from - d)) return from - d;
      if (test(from + d)) return from + d;
    }
    return null;
  };
  const start = edges.start
    ? (nearest(candidate.start, isParagraphStart) ?? candidate.start)
    : candidate.start;
  const end = edges.end ? (nearest(candidate.end, isParagraphEnd) ?? candidate.end) : candidate.end;
  if (end <= start || (start === candidate.start && end === candidate.end)) return [];
  return [{ ...candidate, start, end }];
}
