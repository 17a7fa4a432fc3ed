import { describe, expect, it } from 'vitest';
import { refineBoundary } from '../../../electron/common/anchoring/boundary';
import {
  commonLength,
  contextDistance,
  indelDistance,
} from '../../../electron/common/anchoring/edit-distance';
import { extendMatch } from '../../../electron/common/anchoring/extend';
import {
  collapseWhitespace,
  collapseWithOffsets,
  isWhitespace,
  toRawRange,
} from '../../../electron/common/anchoring/normalize';

/** The textbook O(n * m) longest common subsequence. */
function bruteForceCommon(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, () => 0);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [0];
    for (let j = 1; j <= b.length; j += 1) {
      next.push(
        a[i - 1] === b[j - 1] ? (row[j - 1] ?? 0) + 1 : Math.max(row[j] ?? 0, next[j - 1] ?? 0),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('commonLength', () => {
  it('equals the longest common subsequence, across 32-character words', () => {
    const random = randomSource(11);
    const word = (length: number, alphabet: string): string =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round += 1) {
      const alphabet = round % 2 === 0 ? 'ab' : 'abcdefghij';
      const a = word(Math.floor(random() * 100), alphabet);
      const b = word(Math.floor(random() * 100), alphabet);
      expect(commonLength(a, b), `${a} / ${b}`).toBe(bruteForceCommon(a, b));
    }
  });

  it('counts a changed character as one deletion and one insertion', () => {
    expect(indelDistance('war crimes', 'war crimez')).toBe(2);
    expect(indelDistance('war crimes', 'war crimes')).toBe(0);
    expect(indelDistance('', 'abc')).toBe(3);
  });
});

describe('contextDistance', () => {
  it('ties a prefix to the quote and lets its far end go', () => {
    const text = 'xxxx the end of a sentence. QUOTE';
    const at = text.indexOf('QUOTE');
    expect(contextDistance(text, at, 'the end of a sentence. ', 'before', 8)).toBe(0);
    // Words inserted between the prefix and the quote cost what they insert.
    const inserted = 'xxxx the end of a sentence. and more QUOTE';
    expect(
      contextDistance(inserted, inserted.indexOf('QUOTE'), 'the end of a sentence. ', 'before', 12),
    ).toBe('and more '.length);
  });

  it('ties a suffix to the quote and lets its far end go', () => {
    const text = 'QUOTE and then what follows, and more.';
    expect(contextDistance(text, 5, ' and then what follows', 'after', 8)).toBe(0);
    // "follow" is found; the context's last two characters ("ed") are not.
    expect(contextDistance(text, 5, ' and then what followed', 'after', 8)).toBe(2);
  });
});

describe('extendMatch', () => {
  it('covers the quote as far as it keeps matching, and stops at unrelated text', () => {
    const text = 'AAA the quote goes on like this. Something else entirely unrelated here';
    const quote = 'the quote goes on like this. And then it continued differently';
    const extension = extendMatch(text, 4, quote, 'after', 20);
    expect(text.slice(4, 4 + extension.textLength)).toBe('the quote goes on like this. ');
    expect(extension.patternLength).toBe('the quote goes on like this. '.length);
  });

  it('reads backwards from an end', () => {
    const text = 'XYZXYZ and the end of the quote';
    const quote = 'Another start and the end of the quote';
    const extension = extendMatch(text, text.length, quote, 'before', 20);
    expect(text.slice(text.length - extension.textLength)).toBe(' and the end of the quote');
  });

  it('stops only where `accept` allows', () => {
    const text = 'one two three four five';
    const extension = extendMatch(
      text,
      0,
      'one two three four five',
      'after',
      5,
      (_, j) => j === 7,
    );
    expect(extension.textLength).toBe(7);
  });
});

describe('refineBoundary', () => {
  it("starts the quote after its prefix when the quote's first word was deleted", () => {
    const text = 'he went to see the photographs on at the museum soon after';
    const start = refineBoundary(
      text,
      20,
      'went to see the photographs on ',
      'exhibition at the museum',
      'start',
    );
    expect(text.slice(start)).toBe('at the museum soon after');
  });

  it('leaves a word inserted between the quote and its suffix out of the quote', () => {
    const text = 'the quote ends here inserted and the suffix follows';
    const end = refineBoundary(text, 22, 'the quote ends here', ' and the suffix follows', 'end');
    expect(text.slice(0, end)).toBe('the quote ends here');
  });
});

describe('collapsing whitespace', () => {
  it('treats exactly what \\s matches as whitespace', () => {
    for (let code = 0; code < 0x3100; code += 1) {
      expect(isWhitespace(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
    }
    expect(isWhitespace(0xfeff)).toBe(true);
  });

  it('maps every collapsed character back to the text it stands for', () => {
    const raw = '  One\n\n   two \u00a0three\t';
    const collapsed = collapseWithOffsets(raw);
    expect(collapsed.text).toBe(collapseWhitespace(raw));
    expect(collapsed.text).toBe(' One two three ');
    expect(raw.slice(collapsed.rawStart[4], collapsed.rawEnd[4])).toBe('\n\n   ');
    expect([...collapsed.lineBreaks].map((b, i) => (b ? i : -1)).filter((i) => i >= 0)).toEqual([
      4,
    ]);
  });

  it('drops whitespace at the edges of a range unless the quote had it', () => {
    const raw = 'One\n\n   two three';
    const collapsed = collapseWithOffsets(raw);
    const start = collapsed.text.indexOf(' two');
    expect(toRawRange(collapsed, start, start + 4)).toEqual({ start: 8, end: 11 });
    expect(toRawRange(collapsed, start, start + 4, { start: true, end: false })).toEqual({
      start: 3,
      end: 11,
    });
  });
});
