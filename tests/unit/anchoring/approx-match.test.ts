import { describe, expect, it } from 'vitest';
import {
  approxSearch,
  minSubstringDistance,
  scanMatchEnds,
} from '../../../electron/common/anchoring/approx-match';

/** The textbook O(n * m) matrix: the last row, D[m][j] for every end j. */
function bruteForceLastRow(text: string, pattern: string): number[] {
  let row = Array.from({ length: text.length + 1 }, () => 0);
  for (let i = 1; i <= pattern.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= text.length; j += 1) {
      const cost = text[j - 1] === pattern[i - 1] ? 0 : 1;
      next.push(Math.min((row[j - 1] ?? 0) + cost, (row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1));
    }
    row = next;
  }
  return row;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j - 1] ?? 0) + cost, (row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** A small deterministic generator, so failures reproduce. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomString(random: () => number, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** A copy of `source` with a few random edits, so matches with errors exist. */
function mutate(random: () => number, source: string, edits: number, alphabet: string): string {
  let out = source;
  for (let n = 0; n < edits; n += 1) {
    const at = Math.floor(random() * (out.length + 1));
    const char = alphabet[Math.floor(random() * alphabet.length)] ?? 'a';
    const kind = random();
    if (kind < 0.33) out = out.slice(0, at) + char + out.slice(at);
    else if (kind < 0.66) out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + char + out.slice(at + 1);
  }
  return out;
}

describe('scanMatchEnds', () => {
  it('reports exactly the ends the full edit-distance matrix allows, with the same error counts', () => {
    const random = randomSource(42);
    for (let round = 0; round < 300; round += 1) {
      const alphabet = round % 2 === 0 ? 'ab' : 'abcdefgh';
      // Lengths around and well past one 32-row block exercise the block hand-over.
      const patternLength = 1 + Math.floor(random() * 120);
      const pattern = randomString(random, patternLength, alphabet);
      const planted = mutate(random, pattern, Math.floor(random() * 6), alphabet);
      const text =
        randomString(random, Math.floor(random() * 80), alphabet) +
        planted +
        randomString(random, Math.floor(random() * 80), alphabet);
      const maxErrors = Math.floor(random() * (patternLength / 2 + 2));

      const expected = new Map<number, number>();
      bruteForceLastRow(text, pattern).forEach((errors, end) => {
        if (end > 0 && errors <= maxErrors) expected.set(end, errors);
      });
      const actual = new Map<number, number>();
      scanMatchEnds(text, pattern, maxErrors, (end, errors) => actual.set(end, errors));

      expect(actual, `pattern ${pattern} in ${text}, k=${maxErrors}`).toEqual(expected);
    }
  });

  it('reports nothing for an empty pattern', () => {
    const ends: number[] = [];
    scanMatchEnds('abc', '', 2, (end) => ends.push(end));
    expect(ends).toEqual([]);
  });
});

describe('approxSearch', () => {
  it('finds an exact occurrence with zero errors', () => {
    expect(approxSearch('the quick brown fox', 'brown', 1)).toEqual([
      { start: 10, end: 15, errors: 0 },
    ]);
  });

  it('returns start offsets whose slice is really within the reported errors', () => {
    const random = randomSource(7);
    for (let round = 0; round < 200; round += 1) {
      const alphabet = 'abcdef';
      const pattern = randomString(random, 5 + Math.floor(random() * 90), alphabet);
      const text =
        randomString(random, Math.floor(random() * 60), alphabet) +
        mutate(random, pattern, Math.floor(random() * 5), alphabet) +
        randomString(random, Math.floor(random() * 60), alphabet);
      const maxErrors = Math.floor(pattern.length / 4);
      const lowest = Math.min(...bruteForceLastRow(text, pattern));
      const matches = approxSearch(text, pattern, maxErrors);
      if (lowest > maxErrors) {
        expect(matches).toEqual([]);
        continue;
      }
      expect(Math.min(...matches.map((match) => match.errors))).toBe(lowest);
      for (const match of matches) {
        expect(editDistance(pattern, text.slice(match.start, match.end))).toBe(match.errors);
      }
    }
  });

  it('includes the replaced first character in the match rather than starting after it', () => {
    expect(approxSearch('xx Taliban yy', 'Jaliban', 1)).toEqual([{ start: 3, end: 10, errors: 1 }]);
  });

  it('returns one match per region of the text, not one per nearby end offset', () => {
    const matches = approxSearch('war crimes ... war crimez ... war', 'war crimes', 2);
    expect(matches.map((match) => [match.start, match.end, match.errors])).toEqual([
      [0, 10, 0],
      [15, 25, 1],
    ]);
  });
});

describe('minSubstringDistance', () => {
  it('is zero when the pattern occurs and the pattern length against an empty text', () => {
    expect(minSubstringDistance('a war crime', 'war')).toBe(0);
    expect(minSubstringDistance('', 'war')).toBe(3);
    expect(minSubstringDistance('a wxr crime', 'war')).toBe(1);
  });
});
