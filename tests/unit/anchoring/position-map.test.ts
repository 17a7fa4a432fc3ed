import { describe, expect, it } from 'vitest';
import { describeRange, reanchorHighlights } from '../../../electron/common/anchoring';
import { buildPositionMap } from '../../../electron/common/anchoring/position-map';

const CHORUS = 'Sing it again, the chorus goes round and round, the same words every time.';

/** Three verses, each followed by the same chorus: the chorus's copies differ only by place. */
const song = [
  'First verse: the road out of town was long and dusty in the summer heat.',
  CHORUS,
  'Second verse: we stopped by the river where the willows bent low to the water.',
  CHORUS,
  'Third verse: at night the lights of the city came on one window at a time.',
  CHORUS,
].join('\n\n');

describe('carrying positions from the old text into the new one', () => {
  it('follows insertions before a passage and a moved paragraph', () => {
    const edited = song
      .replace('First verse:', 'First verse, slowly:')
      .replace(/Second verse[^\n]*\n\n/, '')
      .concat('\n\nSecond verse: we stopped by the river where the willows bent low to the water.');
    const map = buildPositionMap(song, edited);
    const river = song.indexOf('the river');
    expect(map(river)).toBe(edited.indexOf('the river'));
    const city = song.indexOf('the city');
    expect(map(city)).toBe(edited.indexOf('the city'));
  });

  it('is the identity for an unchanged text, and says nothing far from any unique passage', () => {
    expect(buildPositionMap(song, song)(42)).toBe(42);
    const same = 'la '.repeat(2000);
    expect(buildPositionMap(same, `${same}la`)(3000)).toBeUndefined();
  });

  it('keeps a highlight on its own copy of a repeated passage when that copy was edited', () => {
    // The second chorus is highlighted; the update edits a word in it (the other copies are
    // intact) and moves the first verse and its chorus to the end, so the old offset now points
    // at the third chorus.
    const second = song.indexOf(CHORUS, song.indexOf('Second verse'));
    const start = second + CHORUS.indexOf('goes round');
    const end = start + 'goes round and round'.length;
    const [verse1, chorus1, ...rest] = song
      .replace(
        `willows bent low to the water.\n\n${CHORUS}`,
        `willows bent low to the water.\n\n${CHORUS.replace('round and round', 'round and about')}`,
      )
      .split('\n\n');
    const edited = [...rest, verse1, chorus1].join('\n\n');
    const highlight = { id: 'h', selectors: describeRange(song, start, end) };
    const result = reanchorHighlights(edited, [highlight], song).get('h');
    expect(result?.status).toBe('anchored');
    if (result?.status !== 'anchored') return;
    const editedSecond = edited.indexOf('Sing it', edited.indexOf('Second verse'));
    expect(result.start).toBeGreaterThan(editedSecond);
    expect(result.start).toBeLessThan(edited.indexOf('Third verse'));
    expect(edited.slice(result.start, result.end)).toMatch(/^goes round and a/);
  });
});

describe('confirmed positions', () => {
  it('confirms an offset next to a pin, not one whose pins a moved paragraph pulled apart', () => {
    const map = buildPositionMap(song, song.replace('Second verse:', 'Second verse, sung:'));
    const chorusStart = song.indexOf(CHORUS, song.indexOf('Second verse'));
    expect(map(chorusStart, true)).toBe(chorusStart + ', sung'.length);
    // A paragraph moved in between the passages around the second chorus.
    const moved = song.replace(
      `${CHORUS}\n\nThird verse`,
      `${CHORUS}\n\nA bridge, long enough to shift things by more than the slack allows, sung once and never again.\n\nThird verse`,
    );
    expect(buildPositionMap(song, moved)(chorusStart, true)).toBeUndefined();
  });
});
