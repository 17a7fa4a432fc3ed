import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFile } from '../../../electron/common/api';
import type { MarginServices } from '../../../electron/core/services';
import { encodeLegacy } from '../../support/legacy-encoding';
import { tempLibrary, textFile } from '../../support/library';
import { PNG_1X1, articlePage, mhtml } from '../../support/saved-pages';

const file = (name: string, bytes: Uint8Array | string): ImportFile => textFile(name, bytes);

async function assetsOf(services: MarginServices, id: string): Promise<string[]> {
  return readdir(path.join(services.libraryDir, 'articles', id, 'assets')).catch(() => []);
}

const SAVED_FROM = '<!-- saved from url=(0040)https://example.org/news/story.html -->\n';

describe('"Web page, complete" saves (page.html with page_files/)', () => {
  const figure =
    '<p>See <a href="../about.html">about us</a>.</p>' +
    '<img src="./story_files/photo.png" alt="The harbour at dawn">' +
    '<img src="story_files/missing.jpg" alt="A lost picture">';
  const page = SAVED_FROM + articlePage('The Quiet Harbour Nobody Visits', figure);

  it('imports the page with the images of its folder, and finds its address', async () => {
    const services = await tempLibrary();
    const result = await services.library.importFiles([
      file('story.html', page),
      file('story_files/photo.png', PNG_1X1),
      file('story_files/style.css', 'body { color: red }'),
      file('story_files/saved_resource.html', '<html><body>an ad frame</body></html>'),
    ]);
    expect(result.failed).toEqual([]);
    expect(result.imported).toHaveLength(1);
    const id = result.imported[0]!.id;
    const { meta, html } = await services.library.getArticle(id);
    expect(meta.url).toBe('https://example.org/news/story.html');
    expect(await assetsOf(services, id)).toHaveLength(1);
    expect(html).toMatch(
      new RegExp(`<img src="margin-asset://${id}/[0-9a-f]{64}\\.png" alt="The harbour at dawn">`),
    );
    // The image the folder lacks is a placeholder with its alt text; nothing remote is left.
    const lost = /<img [^>]*alt="A lost picture"[^>]*>/.exec(html)?.[0];
    expect(lost).toBeDefined();
    expect(lost).not.toContain(' src=');
    expect(html).toContain('href="https://example.org/about.html"');
    await services.close();
  });

  it('a folder dropped inside another folder keeps working (paths relative to the drop)', async () => {
    const services = await tempLibrary();
    const result = await services.library.importFiles([
      file('Downloads/story.html', page),
      file('Downloads\\story_files\\photo.png', PNG_1X1),
    ]);
    expect(result.imported).toHaveLength(1);
    expect(await assetsOf(services, result.imported[0]!.id)).toHaveLength(1);
    await services.close();
  });

  it('the same page again is a duplicate, and a folder without its page says what is missing', async () => {
    const services = await tempLibrary();
    await services.library.importFiles([file('story.html', page)]);
    const again = await services.library.importFiles([
      file('story.html', page),
      file('other_files/photo.png', PNG_1X1),
    ]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toHaveLength(1);
    expect(again.failed).toEqual([
      {
        name: 'other_files',
        reason:
          'other_files/ holds the files of a saved page, but not other.html itself; import the page and its folder together',
      },
    ]);
    await services.close();
  });
});

describe('single-file pages', () => {
  it('stores data: URI images with the article', async () => {
    const services = await tempLibrary();
    const dataUri = `data:image/png;base64,${PNG_1X1.toString('base64')}`;
    const result = await services.library.importFiles([
      file(
        'single.html',
        articlePage('The Quiet Harbour Nobody Visits', `<img src="${dataUri}" alt="Dawn">`),
      ),
    ]);
    const id = result.imported[0]!.id;
    expect(await assetsOf(services, id)).toHaveLength(1);
    const { html } = await services.library.getArticle(id);
    expect(html).toContain(`src="margin-asset://${id}/`);
    expect(html).not.toContain('data:image');
    await services.close();
  });
});

describe('MHTML (.mhtml, .mht)', () => {
  it('imports the page part in its charset, with the images of the archive', async () => {
    const services = await tempLibrary();
    const title = 'Café “Crème” in the Quiet Harbour';
    const body = articlePage(
      title,
      '<img src="https://cdn.example.org/img/photo.png" alt="Photo">',
    ).replace('<meta charset="utf-8">', '');
    const result = await services.library.importFiles([
      file('story.mhtml', mhtml(encodeLegacy(body, 'windows-1252'), 'windows-1252')),
    ]);
    expect(result.failed).toEqual([]);
    const id = result.imported[0]!.id;
    const { meta, html } = await services.library.getArticle(id);
    expect(meta.title).toBe(title);
    expect(meta.url).toBe('https://example.org/news/story.html');
    expect(meta.sourceFile).toBe('source.mhtml');
    expect(html).toContain(`src="margin-asset://${id}/`);
    expect(await services.library.articleText(id)).toContain('keeper’s cottage');
    await services.close();
  });

  it('refuses a file that is not an MHTML archive, with the reason', async () => {
    const services = await tempLibrary();
    const result = await services.library.importFiles([file('notes.mht', 'just some text')]);
    expect(result.failed).toEqual([
      {
        name: 'notes.mht',
        reason: 'notes.mht is not an MHTML file (it has no multipart/related content)',
      },
    ]);
    await services.close();
  });
});

describe('character sets of saved pages', () => {
  const cases: [string, string, string, string][] = [
    // label, encoding of the bytes, declaration in the head, text that must come through
    ['windows-1252, undeclared', 'windows-1252', '', 'Café “quoted” – naïve'],
    [
      'ISO-8859-2 by http-equiv',
      'iso-8859-2',
      '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">',
      'Łódź, Žižkov a Śląsk',
    ],
    [
      'Shift_JIS by meta charset',
      'shift_jis',
      '<meta charset="Shift_JIS">',
      '東京の港はとても静かでした',
    ],
    ['GB18030 by meta charset', 'gb18030', '<meta charset="gb18030">', '这个港口非常安静'],
  ];
  it.each(cases)('%s', async (_label, encoding, declaration, words) => {
    const services = await tempLibrary();
    const page = articlePage(
      `${words} – The Quiet Harbour`,
      `<p>${words}</p>`,
      declaration,
    ).replace('<meta charset="utf-8">', '');
    const result = await services.library.importFiles([
      file('page.html', encodeLegacy(page, encoding)),
    ]);
    expect(result.failed).toEqual([]);
    const id = result.imported[0]!.id;
    expect(await services.library.articleText(id)).toContain(words);
    expect((await services.library.getArticle(id)).meta.title).toContain(words);
    await services.close();
  });

  it('a UTF-8 byte order mark wins over a wrong declaration', async () => {
    const services = await tempLibrary();
    const page = articlePage(
      'Naïve café – The Quiet Harbour',
      '',
      '<meta charset="windows-1252">',
    ).replace('<meta charset="utf-8">', '');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page, 'utf8')]);
    const result = await services.library.importFiles([file('bom.html', bytes)]);
    const { meta } = await services.library.getArticle(result.imported[0]!.id);
    expect(meta.title).toContain('Naïve café');
    await services.close();
  });
});

describe('the stored original', () => {
  it('keeps the saved page byte for byte', async () => {
    const services = await tempLibrary();
    const bytes = encodeLegacy(articlePage(), 'windows-1252');
    const result = await services.library.importFiles([file('page.htm', bytes)]);
    const id = result.imported[0]!.id;
    const stored = await readFile(path.join(services.libraryDir, 'articles', id, 'source.html'));
    expect(stored.equals(bytes)).toBe(true);
    await services.close();
  });
});
