import { usage, type Command } from '../context';

export const highlightCommand: Command = {
  async run({ args, opts, open, print }) {
    const [articleId] = args;
    if (!articleId || opts.quote === undefined) {
      throw usage('highlight needs <articleId> --quote <text>');
    }
    const { library } = await open('write');
    const h = await library.highlightQuote(articleId, opts.quote, opts.note ?? '');
    print(
      { id: h.id, articleId: h.articleId, quote: h.selectors[0].exact, note: h.note },
      () => `Highlighted (${h.id}): ${h.selectors[0].exact}`,
    );
  },
};
