import { describe, expect, it } from 'vitest';
import {
  continuesPastCut,
  edgeConfirmed,
  edgesConfirmed,
  snapToWords,
} from '../../../electron/common/anchoring/edge-evidence';
import { isAmbiguous } from '../../../electron/common/anchoring/ambiguity';

const w = (text: string): string[] => text.split(' ');

describe('an edge is confirmed by the quote’s outermost words or its context', () => {
  it('accepts the outermost word in place, deleted, or with a word inserted before it', () => {
    expect(edgeConfirmed(w('the release plan'), w('the release plan'), 'posts', 'x')).toBe(true);
    expect(edgeConfirmed(w('the release plan'), w('release plan'), 'posts', 'x')).toBe(true);
    expect(edgeConfirmed(w('the release plan'), w('new the release'), 'posts', 'x')).toBe(true);
  });

  it('accepts a rewritten outermost word when the next one, or the context, is in place', () => {
    expect(edgeConfirmed(w('the release plan'), w('a release plan'), 'posts', 'x')).toBe(true);
    expect(edgeConfirmed(w('headset that'), w('headset are never'), 'had', 'had')).toBe(true);
  });

  it('rejects an edge two words off, or one where nothing confirms it', () => {
    // A moved paragraph's last words taken in before the quote, its own prefix still in place.
    expect(
      edgeConfirmed(w('The release plan'), w('Water Placement The release'), 'posts', 'posts'),
    ).toBe(false);
    // The quote's first two words missing.
    expect(edgeConfirmed(w('The release plan is'), w('plan is'), 'posts', 'posts')).toBe(false);
    expect(edgeConfirmed(w('few of'), w('just Facebook'), 'the', 'are')).toBe(false);
  });

  it('checks both edges of a place in the text', () => {
    const text = 'all posts The release plan (kovarex) This week was the time to close and finish';
    const start = text.indexOf('The');
    const end = text.indexOf(' finish');
    const quote = 'The release plan (kovarex) This week was the time to close and';
    expect(edgesConfirmed(text, start, end, quote, 'all posts ', ' finish')).toBe(true);
    // Ending two words early ("close and" left out) is not confirmed.
    const short = text.indexOf(' to close');
    expect(edgesConfirmed(text, start, short, quote, 'all posts ', ' finish')).toBe(false);
  });
});

describe('snapping a fuzzy match to whole words', () => {
  it('widens an edge that stops inside a word when the quote’s edge is between words', () => {
    const text = 'These Weeks in Firefox: emalysz 85';
    const end = text.indexOf('malysz');
    expect(snapToWords(text, 6, end, { start: true, end: true })).toEqual({
      start: 6,
      end: text.indexOf(' 85'),
    });
    expect(snapToWords(text, 6, end, { start: true, end: false })).toEqual({ start: 6, end });
  });
});

describe('a part of a torn highlight', () => {
  it('is not what is left of it when the rest of the quote follows right there', () => {
    const text = 'not just Facebook\nare just a few of the mechanisms';
    const end = text.indexOf('\n');
    expect(continuesPastCut(text, 0, end, 'head', 'These are just a few of')).toBe(true);
    const moved = 'not just Facebook\nSomething else entirely';
    expect(continuesPastCut(moved, 0, end, 'head', 'These are just a few of')).toBe(false);
  });

  it('checks the word before a tail against the end of the quote before it', () => {
    const text = 'adopted 7 May 1856 • Dominion 26 September';
    const start = text.indexOf('•');
    expect(continuesPastCut(text, start, text.length, 'tail', 'Government 7 May 1856')).toBe(true);
    expect(continuesPastCut(text, start, text.length, 'tail', 'Parliament Stages')).toBe(false);
  });
});

describe('ambiguous places', () => {
  // The best place won by its position (value) though its text fits a little worse (gain).
  const best = { start: 100, end: 120, gain: 70, value: 80 };

  it('is ambiguous when a place elsewhere fits better and lost by little position evidence', () => {
    expect(isAmbiguous(best, [best, { start: 500, end: 520, gain: 75, value: 75 }], 8)).toBe(true);
  });

  it('is not when the other place fits no better, lost by much, or overlaps the best one', () => {
    expect(isAmbiguous(best, [best, { start: 500, end: 520, gain: 70, value: 79 }], 8)).toBe(false);
    expect(isAmbiguous(best, [best, { start: 500, end: 520, gain: 75, value: 60 }], 8)).toBe(false);
    expect(isAmbiguous(best, [best, { start: 110, end: 125, gain: 79, value: 79 }], 8)).toBe(false);
  });
});

describe('a repeated word at the edge', () => {
  it('does not make a rewritten outermost word look like an edge two words off', () => {
    const reversed = (text: string): string[] => w(text).reverse();
    expect(
      edgeConfirmed(reversed('goes round and round'), reversed('goes round and about'), ',', ','),
    ).toBe(true);
  });
});
