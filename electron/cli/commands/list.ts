import { printable } from '../../core/library-service';
import type { Command } from '../context';

export const listCommand: Command = {
  async run({ open, print }) {
    const { library } = await open('read');
    const articles = await library.listArticles();
    print(
      articles.map((a) => ({
        id: a.id,
        title: a.title,
        site: a.siteName,
        url: a.url,
        savedAt: a.savedAt,
        readingMinutes: a.readingMinutes,
        highlights: a.highlightCount,
        read: a.read,
        favorite: a.favorite,
      })),
      () =>
        articles
          .map(
            (a) =>
              // One line per article, whatever the title or file name holds.
              `${a.id}  ${printable(a.title)}  (${printable(a.siteName ?? a.source)}, ${a.savedAt.slice(0, 10)}, ${a.readingMinutes} min, ${a.highlightCount} highlights)`,
          )
          .join('\n') || 'The library is empty. Add articles with: margin import <file>',
    );
  },
};
