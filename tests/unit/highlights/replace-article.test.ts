import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../../electron/common/model';
import { openServices, type MarginServices } from '../../../electron/core/services';
import { tempDir, textFile } from '../../support/library';

const ORIGINAL = [
  'Rivers of the north',
  '',
  'The Tana river floods every spring, and the valley farmers plant after the water recedes.',
  '',
  'Salmon return to the upper pools in late summer, when the nights grow cold again.',
  '',
  'A ferry crossed at the old mill until the bridge was built in 1962.',
].join('\n');

const UPDATED = [
  'Rivers of the north',
  '',
  'A new opening paragraph, added by the editor when the piece was revised.',
  '',
  'The Tana river floods every spring, and most valley farmers plant after the water recedes.',
  '',
  'Salmon return to the upper pools in late summer, when the nights grow cold again.',
].join('\n');

let services: MarginServices | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});

async function libraryWithHighlights() {
  const dir = await tempDir();
  services = await openServices(dir);
  const { library } = services;
  const {
    imported: [article],
  } = await library.importFiles([textFile('rivers.txt', ORIGINAL)]);
  const id = article!.id;
  const flood = await library.highlightQuote(id, 'valley farmers plant after the water', 'timing');
  const salmon = await library.highlightQuote(id, 'upper pools in late summer', 'fishing');
  const ferry = await library.highlightQuote(id, 'A ferry crossed at the old mill', 'history');
  return { dir, library, id, flood, salmon, ferry };
}

describe('updating an article from a new copy', () => {
  it('re-anchors each highlight on its words, orphans the one whose passage is gone, deletes none', async () => {
    const { dir, library, id, flood, salmon, ferry } = await libraryWithHighlights();
    const result = await library.replaceArticle(id, textFile('rivers-v2.txt', UPDATED));
    expect(result).toMatchObject({ articleId: id, anchored: 2, orphaned: 1 });

    const text = await library.articleText(id);
    expect(text).toContain('A new opening paragraph');
    const statuses = await library.highlightStatuses(id);
    const byId = new Map(statuses.map((s) => [s.id, s]));
    expect(statuses).toHaveLength(3);
    const placed = (hid: string) => {
      const s = byId.get(hid)!;
      return text.slice(s.start!, s.end!);
    };
    // An edit inside the highlight: it is on the edited words.
    expect(placed(flood.id)).toBe('valley farmers plant after the water');
    expect(placed(salmon.id)).toBe('upper pools in late summer');
    expect(byId.get(ferry.id)).toMatchObject({
      status: 'orphaned',
      start: null,
      end: null,
      note: 'history',
      quote: 'A ferry crossed at the old mill',
    });

    const doc = JSON.parse(
      await readFile(path.join(dir, 'library.json'), 'utf8'),
    ) as LibraryDocument;
    expect(doc.highlights).toHaveLength(3);
    expect(doc.highlights.find((h) => h.id === ferry.id)?.orphaned).toBe(true);
    expect(doc.highlights.find((h) => h.id === salmon.id)?.orphaned).toBeUndefined();
    const article = doc.articles.find((a) => a.id === id)!;
    expect(article.source).toBe('rivers-v2.txt');
    expect(await readFile(path.join(dir, 'articles', id, 'text.txt'), 'utf8')).toBe(text);
  });

  it('finds the new words with search, and the old ones no more', async () => {
    const { library, id } = await libraryWithHighlights();
    await library.replaceArticle(id, textFile('rivers-v2.txt', UPDATED));
    expect((await library.search('editor revised')).hits.map((h) => h.id)).toEqual([id]);
    // "bridge" was only in the old text (the orphaned quote, still searchable, stops before it).
    expect((await library.search('bridge')).hits).toEqual([]);
  });

  it('re-attaches an orphan to newly selected text, keeping its note', async () => {
    const { library, id, ferry } = await libraryWithHighlights();
    await library.replaceArticle(id, textFile('rivers-v2.txt', UPDATED));
    const text = await library.articleText(id);
    const start = text.indexOf('added by the editor');
    const end = start + 'added by the editor'.length;
    const h = await library.reattachHighlight(ferry.id, [
      { type: 'TextQuoteSelector', exact: 'added by the editor', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end },
    ]);
    expect(h).toMatchObject({ note: 'history' });
    expect(h.orphaned).toBeUndefined();
    expect((await library.highlightStatuses(id)).find((s) => s.id === ferry.id)).toMatchObject({
      status: 'anchored',
      start,
      end,
    });
  });

  it('refuses re-attaching to text that is not in the article, changing nothing', async () => {
    const { library, ferry } = await libraryWithHighlights();
    await expect(
      library.reattachHighlight(ferry.id, [
        { type: 'TextQuoteSelector', exact: 'not there', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 9 },
      ]),
    ).rejects.toThrow(/Select the passage/);
  });

  it('leaves the article as it was when the new copy cannot be read', async () => {
    const { dir, library, id } = await libraryWithHighlights();
    const before = await readdir(path.join(dir, 'articles', id));
    const catalog = await readFile(path.join(dir, 'library.json'), 'utf8');
    await expect(library.replaceArticle(id, textFile('empty.txt', '   '))).rejects.toThrow();
    expect(await readdir(path.join(dir, 'articles', id))).toEqual(before);
    expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe(catalog);
    expect(await library.articleText(id)).toContain('A ferry crossed');
  });

  it('swaps the stored original when the new copy has another format', async () => {
    const { dir, library, id } = await libraryWithHighlights();
    await library.replaceArticle(
      id,
      textFile(
        'rivers.html',
        `<html><head><title>Rivers</title></head><body><article><p>${UPDATED.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`,
      ),
    );
    const files = await readdir(path.join(dir, 'articles', id));
    expect(files).toContain('source.html');
    expect(files).not.toContain('source.txt');
  });

  it('validates the API call: an id and a file, never a path', async () => {
    await libraryWithHighlights();
    const response = await services!.dispatch('replaceArticle', [
      '../etc',
      { path: '/etc/passwd' },
    ]);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
