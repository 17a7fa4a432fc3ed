import { describe, expect, it } from 'vitest';
import { markdownFileName, uniqueFileNames } from '../../../electron/common/export/markdown';

const nameFor = (title: string): string => markdownFileName({ title });

describe('markdownFileName', () => {
  it('is the title with ".md"', () => {
    expect(nameFor('Taliban Executions of Surrendering Afghan Troops')).toBe(
      'Taliban Executions of Surrendering Afghan Troops.md',
    );
  });

  it('replaces characters Windows, macOS or Linux forbid, and control characters', () => {
    expect(nameFor('War: "Crimes" <1/2> a\\b | c? d* e\u0000f\nnext')).toBe(
      'War Crimes 1 2 a b c d e f next.md',
    );
  });

  it('drops leading and trailing dots and spaces', () => {
    expect(nameFor('  ...hidden?  ')).toBe('hidden.md');
    expect(nameFor('Wait...')).toBe('Wait.md');
  });

  it('falls back to "Untitled" when nothing is left', () => {
    expect(nameFor('')).toBe('Untitled.md');
    expect(nameFor('???')).toBe('Untitled.md');
    expect(nameFor(' . ')).toBe('Untitled.md');
  });

  it('avoids Windows device names, with or without an extension', () => {
    expect(nameFor('CON')).toBe('_CON.md');
    expect(nameFor('nul.txt')).toBe('_nul.txt.md');
    expect(nameFor('Com1')).toBe('_Com1.md');
    expect(nameFor('Console wars')).toBe('Console wars.md');
  });

  it('is at most 100 characters and never splits a character', () => {
    const long = nameFor('A'.repeat(150));
    expect(long).toBe(`${'A'.repeat(97)}.md`);
    const emoji = nameFor(`${'x'.repeat(96)}👨‍👩‍👧 family`);
    expect(emoji.length).toBeLessThanOrEqual(100);
    expect(emoji).toBe(`${'x'.repeat(96)}.md`);
    // "q" with an acute accent has no precomposed form: it stays two code units, kept together.
    const accent = nameFor(`${'x'.repeat(96)}q\u0301e`);
    expect(accent).toBe(`${'x'.repeat(96)}.md`);
  });

  it('stays within 240 UTF-8 bytes, which long names in CJK scripts would exceed', () => {
    const name = nameFor('漢'.repeat(99));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(240);
    expect(name).toBe(`${'漢'.repeat(79)}.md`);
  });

  it('uses the composed (NFC) form of the title', () => {
    expect(nameFor('Cafe\u0301')).toBe('Caf\u00e9.md');
  });
});

describe('uniqueFileNames', () => {
  it('keeps unique names and numbers repeats', () => {
    expect(uniqueFileNames(['A.md', 'B.md', 'A.md', 'A.md'])).toEqual([
      'A.md',
      'B.md',
      'A (2).md',
      'A (3).md',
    ]);
  });

  it('treats names differing only in case or normalization as the same', () => {
    expect(uniqueFileNames(['Café.md', 'CAFE\u0301.md'])).toEqual(['Café.md', 'CAFE\u0301 (2).md']);
  });

  it('does not number a repeat onto a name that exists later in the list', () => {
    expect(uniqueFileNames(['A.md', 'A.md', 'A (2).md'])).toEqual(['A.md', 'A (3).md', 'A (2).md']);
  });

  it('keeps numbered names within 100 characters', () => {
    const long = `${'L'.repeat(97)}.md`;
    const [first, second] = uniqueFileNames([long, long]);
    expect(first).toBe(long);
    expect(second).toBe(`${'L'.repeat(93)} (2).md`);
  });
});
