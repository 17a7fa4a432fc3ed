import { usage, type Command } from '../context';

export const searchCommand: Command = {
  async run({ args, open, print }) {
    const query = args.join(' ');
    if (!query.trim()) throw usage('search needs a query');
    const { library } = await open('read');
    // The command answers for the whole library: it waits for the index to catch up.
    const progress = setInterval(() => {
      const indexing = library.searchIndex.progress;
      if (indexing && process.stderr.isTTY) {
        process.stderr.write(`\rmargin: indexing ${percent(indexing)}%`);
      }
    }, 500);
    try {
      await library.searchIndex.ready;
    } finally {
      clearInterval(progress);
      if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
    }
    const { hits, hints, total } = await library.search(query);
    for (const hint of hints) console.error(`margin: note: ${hint}`);
    print(
      hits.map(({ id, title, snippet }) => ({ id, title, snippet })),
      () =>
        hits.length === 0
          ? 'No matches.'
          : [
              ...hits.map((h) => `${h.id}  ${h.title}\n    ${h.snippet}`),
              total > hits.length ? `(${hits.length} of ${total} matches shown)` : '',
            ]
              .filter(Boolean)
              .join('\n'),
    );
  },
};

function percent({ done, total }: { done: number; total: number }): number {
  return total === 0 ? 100 : Math.floor((done / total) * 100);
}
