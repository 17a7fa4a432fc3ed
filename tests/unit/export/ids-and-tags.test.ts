import { describe, expect, it } from 'vitest';
import {
  articleDeepLink,
  blockIds,
  highlightDeepLink,
  shortHighlightId,
} from '../../../electron/common/export/ids';
import { exportTag, exportTags } from '../../../electron/common/export/tags';

describe('short highlight ids', () => {
  it('are 8 characters [a-z0-9], derived from the id alone', () => {
    const ids = ['a', 'abc123def456', 'X_y-Z', 'x'.repeat(64)];
    for (const id of ids) {
      expect(shortHighlightId(id)).toMatch(/^[a-z0-9]{8}$/);
      expect(shortHighlightId(id)).toBe(shortHighlightId(id));
    }
    // Pinned: an export made today and one made next year must agree.
    expect(shortHighlightId('abc123def456')).toBe('pmt0uvyh');
    expect(shortHighlightId('h1')).toBe('5t91gz9y');
    expect(new Set(ids.map((id) => shortHighlightId(id))).size).toBe(ids.length);
  });

  it('do not collide across 100,000 random ids', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(shortHighlightId(`h${i.toString(36)}x${i * 7919}`));
    expect(seen.size).toBe(100_000);
  });

  it('are made unique within a file, deterministically, should two ever collide', () => {
    const ids = blockIds(['b', 'a', 'c']);
    expect([...ids.keys()]).toEqual(['b', 'a', 'c']);
    for (const blockId of ids.values()) expect(blockId).toMatch(/^hl-[a-z0-9]{8}$/);
    // Same hash, different ids: simulate with the seed the resolver uses.
    expect(shortHighlightId('a', 1)).not.toBe(shortHighlightId('a'));
  });
});

describe('deep links', () => {
  it('point at an article, or a highlight in it', () => {
    expect(articleDeepLink('a1B_-')).toBe('margin://article/a1B_-');
    expect(highlightDeepLink('a1', 'h2')).toBe('margin://article/a1#hl-h2');
  });
});

describe('export tags', () => {
  it.each([
    ['machine learning', 'machine-learning'],
    ['#already-tagged', 'already-tagged'],
    ['C++ & Rust', 'C-Rust'],
    ['2024', '_2024'],
    ['topic/sub topic', 'topic/sub-topic'],
    ['/lead//and trail/', 'lead/and-trail'],
    ['Café crème', 'Café-crème'],
    ['日本語 タグ', '日本語-タグ'],
    ['!!!', ''],
  ])('makes %j the Obsidian tag %j', (tag, expected) => {
    expect(exportTag(tag)).toBe(expected);
  });

  it('drops empty tags and repeats that differ only in case', () => {
    expect(exportTags(['War', 'war', '???', 'peace'])).toEqual(['War', 'peace']);
  });
});
