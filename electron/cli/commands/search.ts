import { usage, type Command } from '../context';

export const searchCommand: Command = {
  async run({ args, open, print }) {
    const query = args.join(' ');
    if (!query.trim()) throw usage('search needs a query');
    const { library } = await open('read');
    const hits = await library.search(query);
    print(
      hits.map(({ id, title, snippet }) => ({ id, title, snippet })),
      () => hits.map((h) => `${h.id}  ${h.title}\n    ${h.snippet}`).join('\n') || 'No matches.',
    );
  },
};
