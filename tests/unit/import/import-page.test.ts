import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImageSource } from '../../../electron/core/import/page-input';
import { tempLibrary } from '../../support/library';
import { PNG_1X1, articlePage } from '../../support/saved-pages';

const png = (): ReturnType<ImageSource> =>
  Promise.resolve({ bytes: new Uint8Array(PNG_1X1), type: 'image/png' });

describe('importPage', () => {
  it('stores a page as an article with its metadata and what the other app knew', async () => {
    const services = await tempLibrary();
    const result = await services.library.importPage(
      { html: articlePage(), url: 'https://news.example/story', fileName: 'story', images: null },
      {
        tags: ['longread', ' science ', 'longread'],
        savedAt: '2021-03-04T05:06:07Z',
        read: true,
        archived: true,
        favorite: true,
      },
    );
    expect(result.failed).toEqual([]);
    const [article] = await services.library.listArticles();
    expect(article).toMatchObject({
      title: 'The Quiet Harbour Nobody Visits',
      byline: 'Ada Writer',
      siteName: 'Harbour News',
      url: 'https://news.example/story',
      lang: 'en',
      publishedTime: '2020-01-02T03:04:05Z',
      savedAt: '2021-03-04T05:06:07.000Z',
      read: true,
      archived: true,
      favorite: true,
      tags: ['longread', 'science'],
    });
    expect(article?.excerpt).toBe('A harbour that nobody visits any more.');
    expect(await services.library.articleText(article!.id)).toContain('fishing boats');
    await services.close();
  });

  it('does not add the same URL or the same page twice', async () => {
    const services = await tempLibrary();
    const page = {
      html: articlePage(),
      url: 'https://news.example/story',
      fileName: 'a',
      images: null,
    };
    await services.library.importPage(page);
    const sameUrl = await services.library.importPage({ ...page, html: articlePage('Changed') });
    const sameHtml = await services.library.importPage({ ...page, url: 'https://other.example/' });
    expect(sameUrl.duplicates).toHaveLength(1);
    expect(sameHtml.duplicates).toHaveLength(1);
    expect(sameUrl.imported).toEqual([]);
    expect(await services.library.listArticles()).toHaveLength(1);
    await services.close();
  });

  it('anchors highlights by their quote and keeps the unfound ones as orphans', async () => {
    const services = await tempLibrary();
    const result = await services.library.importPage(
      { html: articlePage(), url: null, fileName: 'harbour.html', images: null },
      {
        highlights: [
          { quote: 'fishing boats', note: 'nice', color: 'green' },
          { quote: 'the   lighthouse\nkeeper', createdAt: '2020-05-05T00:00:00Z' },
          { quote: 'this sentence was never in the article at all' },
        ],
      },
    );
    const id = result.imported[0]!.id;
    const { highlights } = await services.library.getArticle(id);
    const text = await services.library.articleText(id);
    const byQuote = (q: string) => highlights.find((h) => h.selectors[0].exact.includes(q));
    const boats = byQuote('fishing boats')!;
    expect(text.slice(boats.selectors[1].start, boats.selectors[1].end)).toBe('fishing boats');
    expect(boats).toMatchObject({ note: 'nice', color: 'green' });
    expect(boats.orphaned).toBeUndefined();
    const keeper = byQuote('keeper')!;
    expect(text.slice(keeper.selectors[1].start, keeper.selectors[1].end)).toBe(
      'the lighthouse keeper',
    );
    expect(keeper.createdAt).toBe('2020-05-05T00:00:00.000Z');
    const lost = byQuote('never in the article')!;
    expect(lost.orphaned).toBe(true);
    await services.close();
  });

  it('stores images with the article and shows a placeholder for the ones it cannot get', async () => {
    const services = await tempLibrary();
    const asked: string[] = [];
    const images: ImageSource = (url) => {
      asked.push(url);
      return url.endsWith('/found.png') ? png() : Promise.resolve(null);
    };
    const dataUri = `data:image/png;base64,${Buffer.from(PNG_1X1).toString('base64')}`;
    const figures = [
      '<img src="/img/found.png" alt="A boat">',
      '<img src="https://cdn.example/missing.jpg" alt="The pier">',
      `<img src="${dataUri}" alt="Inline">`,
      '<img src="/img/found.png" alt="Again">',
    ];
    const result = await services.library.importPage({
      html: articlePage('The Quiet Harbour Nobody Visits', figures.join('')),
      url: 'https://news.example/story',
      fileName: 'story',
      images,
    });
    const id = result.imported[0]!.id;
    expect(asked.sort()).toEqual([
      'https://cdn.example/missing.jpg',
      'https://news.example/img/found.png',
    ]);
    const assets = await readdir(path.join(services.libraryDir, 'articles', id, 'assets'));
    expect(assets).toHaveLength(1); // the found image and the inline one are the same bytes
    const { html } = await services.library.getArticle(id);
    expect(html).toContain(`src="margin-asset://${id}/${assets[0]}"`);
    expect(html.match(/margin-asset:/g)).toHaveLength(3);
    const pier = /<img [^>]*alt="The pier"[^>]*>/.exec(html)?.[0];
    expect(pier).toContain('data-margin-remote-src="https://cdn.example/missing.jpg"');
    expect(pier).not.toContain(' src=');
    const stored = await readFile(
      path.join(services.libraryDir, 'articles', id, 'content.html'),
      'utf8',
    );
    expect(stored).not.toMatch(/\ssrc="(?:https?:|data:)/);
    await services.close();
  });
});
