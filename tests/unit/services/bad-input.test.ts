import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveFs, fsError, replaceArchiveFs } from '../../../electron/core/archive/fs-facade';
import { verifyLibrary } from '../../../electron/core/archive/verify';
import { openServices, type MarginServices } from '../../../electron/core/services';
import { snapshot, tempLibrary, textFile } from '../../support/library';

const realOpen = archiveFs.open;
const realRename = archiveFs.rename;
let restoreFs: (() => void) | null = null;
afterEach(() => {
  restoreFs?.();
  restoreFs = null;
});

/** A library that already holds an article, so "unchanged" means something. */
async function libraryWithOneArticle(): Promise<MarginServices> {
  const services = await tempLibrary();
  await services.library.importFiles([textFile('first.txt', 'First\n\nAn article already here.')]);
  return services;
}

const png = Buffer.concat([
  Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'),
  Buffer.alloc(4000, 0x7f),
]);
const invalidUtf8 = Buffer.from(Array.from({ length: 3000 }, (_, i) => [0xc3, 0x28, 0xff][i % 3]!));
const deepHtml = `<html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`;

/** Inputs a user might drop on Margin that it must refuse, each with the reason it gives. */
const REFUSED: [string, { name: string; base64: string }, RegExp][] = [
  ['a 0-byte file', textFile('empty.txt', ''), /^empty\.txt is empty$/],
  ['a PNG renamed .html', textFile('photo.html', png), /^photo\.html is not a text file/],
  ['invalid UTF-8', textFile('latin.txt', invalidUtf8), /^latin\.txt is not UTF-8 text/],
  [
    'HTML nested 100,000 levels deep',
    textFile('deep.html', deepHtml),
    /^deep\.html is nested more than 512 levels deep/,
  ],
  [
    'Markdown that overflows the parser (100,000 nested quotes)',
    textFile('quotes.md', `${'>'.repeat(100_000)} text`),
    /^quotes\.md could not be read \(RangeError: Maximum call stack size exceeded\)$/,
  ],
  [
    'a name with a line break, of a kind Margin does not import',
    textFile('report\n2024.pdf', '%PDF-1.7'),
    /^report\\n2024\.pdf: Margin imports \.txt, \.md, \.html, \.htm, \.mhtml and \.mht files$/,
  ],
  [
    'a name disguised with a right-to-left override',
    textFile('invoice\u202Etxt.exe', 'MZ'),
    /^invoice\\u202etxt\.exe: Margin imports/,
  ],
  [
    'a file over the 50 MB limit',
    { name: 'huge.txt', base64: Buffer.alloc(51 * 1024 * 1024, 0x61).toString('base64') },
    /^huge\.txt is 51 MB; Margin imports files up to 50 MB$/,
  ],
];

describe('bad input leaves the library byte for byte as it was', () => {
  it.each(REFUSED)('%s: refused with a one-line reason', async (_label, file, reason) => {
    const services = await libraryWithOneArticle();
    const before = await snapshot(services.libraryDir);
    const result = await services.library.importFiles([file]);
    expect(result.imported).toEqual([]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.reason).toMatch(reason);
    expect(result.failed[0]!.reason).not.toMatch(/[\n\r\u202e]/);
    expect(await snapshot(services.libraryDir)).toEqual(before);
  });

  it('a disk that fills up while the article is written: a one-line reason, nothing left behind', async () => {
    const services = await libraryWithOneArticle();
    const before = await snapshot(services.libraryDir);
    restoreFs = replaceArchiveFs({
      open: async (file, flags, mode) => {
        const handle: FileHandle = await realOpen(file, flags, mode);
        if (String(file).includes(`${path.sep}articles${path.sep}`)) {
          handle.writeFile = async () => {
            throw fsError('ENOSPC', 'no space left on device, write', String(file));
          };
        }
        return handle;
      },
    });
    const result = await services.library.importFiles([textFile('new.txt', 'New\n\nText.')]);
    expect(result.failed).toEqual([
      {
        name: 'new.txt',
        reason: expect.stringMatching(/^new\.txt could not be saved: ENOSPC: no space left/),
      },
    ]);
    restoreFs();
    expect(await snapshot(services.libraryDir)).toEqual(before);
  });

  it('a disk that fills up while library.json is written: the import fails in one line, nothing left behind', async () => {
    const services = await libraryWithOneArticle();
    const before = await snapshot(services.libraryDir);
    restoreFs = replaceArchiveFs({
      rename: async (from, to) => {
        if (path.basename(String(to)) === 'library.json') {
          throw fsError('ENOSPC', 'no space left on device, rename', String(to));
        }
        return realRename(from, to);
      },
    });
    await expect(
      services.library.importFiles([textFile('new.txt', 'New\n\nText.')]),
    ).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/^The library could not be saved: ENOSPC/),
    });
    restoreFs();
    expect(await snapshot(services.libraryDir)).toEqual(before);
    expect(await services.library.listArticles()).toHaveLength(1);
  });

  it('a library folder on a read-only file system: a one-line reason, nothing changed', async () => {
    const services = await libraryWithOneArticle();
    const [existing] = await services.library.listArticles();
    const before = await snapshot(services.libraryDir);
    restoreFs = replaceArchiveFs({
      open: async (file, flags, mode) => {
        if (flags === 'wx') throw fsError('EROFS', 'read-only file system, open', String(file));
        return realOpen(file, flags, mode);
      },
      mkdir: async (dir) => {
        throw fsError('EROFS', 'read-only file system, mkdir', String(dir));
      },
    });
    const result = await services.library.importFiles([textFile('new.txt', 'New\n\nText.')]);
    expect(result.failed[0]?.reason).toMatch(/^new\.txt could not be saved: EROFS/);
    await expect(services.library.updateArticle(existing!.id, { note: 'x' })).rejects.toMatchObject(
      { code: 'io', message: expect.stringMatching(/EROFS/) },
    );
    restoreFs();
    expect(await snapshot(services.libraryDir)).toEqual(before);
  });
});

describe('a library folder Margin cannot write to', () => {
  it('opens read-only, says why, and refuses each change in one line with nothing changed', async () => {
    const services = await libraryWithOneArticle();
    await services.close();
    const before = await snapshot(services.libraryDir);
    restoreFs = replaceArchiveFs({
      open: async (file, flags, mode) => {
        if (flags === 'wx') throw fsError('EROFS', 'read-only file system, open', String(file));
        return realOpen(file, flags, mode);
      },
    });
    const reopened = await openServices(services.libraryDir);
    const status = await reopened.library.getLibraryStatus();
    const why = `Margin cannot write to ${services.libraryDir} (it is on a read-only disk); the library is open read-only and nothing will be changed.`;
    expect(status).toMatchObject({ readOnly: true, messages: [why] });
    expect(await reopened.library.listArticles()).toHaveLength(1);
    await expect(
      reopened.library.importFiles([textFile('new.txt', 'New\n\nText.')]),
    ).rejects.toMatchObject({ code: 'read-only', message: why });
    await reopened.close();
    restoreFs();
    expect(await snapshot(services.libraryDir)).toEqual(before);
  });
});

// A real read-only folder (chmod 555) is in library-service.test.ts; root ignores permissions,
// so there it is skipped under CI, which runs as root. The EROFS row above runs everywhere.

describe('odd but valid input is imported, and the library stays sound', () => {
  it.each([
    ['a name with a line break', 'my\nnotes.txt'],
    ['a name in decomposed Unicode with an emoji', 'Cafe\u0301 🙂 notes.md'],
    ['a name with a right-to-left override', 'notes\u202Edm.txt'],
  ])('%s', async (_label, name) => {
    const services = await tempLibrary();
    const result = await services.library.importFiles([textFile(name, 'A title\n\nThe body.')]);
    expect(result.imported).toMatchObject([{ name, title: 'A title' }]);
    expect((await services.library.listArticles())[0]?.source).toBe(name);
    expect((await verifyLibrary(services.libraryDir)).ok).toBe(true);
  });

  it('a single 5 MB line', async () => {
    const services = await tempLibrary();
    const result = await services.library.importFiles([
      textFile('line.txt', 'word '.repeat(1_000_000)),
    ]);
    expect(result.failed).toEqual([]);
    const [article] = await services.library.listArticles();
    expect(article!.title.length).toBeLessThan(200);
    expect(article!.wordCount).toBe(1_000_000);
    expect((await verifyLibrary(services.libraryDir)).ok).toBe(true);
  }, 120_000);
});
