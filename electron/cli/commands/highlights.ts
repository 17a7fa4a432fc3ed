import { usage, type Command } from '../context';

/** `margin highlights <articleId> [--json]`: each highlight, where it is now, or that it is orphaned. */
export const highlightsCommand: Command = {
  async run({ args, open, print }) {
    const [articleId] = args;
    if (!articleId || args.length !== 1) throw usage('highlights needs one <articleId>');
    const { library } = await open('read');
    const statuses = await library.highlightStatuses(articleId);
    print(statuses, () =>
      statuses.length === 0
        ? 'No highlights.'
        : statuses
            .map((h) => {
              const where = h.status === 'anchored' ? `${h.start}-${h.end}` : 'orphaned';
              return `${h.id}  ${where}  ${h.quote}${h.note ? `\n    note: ${h.note}` : ''}`;
            })
            .join('\n'),
    );
  },
};
