/** What the search box understands (docs/search.md has the long version). */
const SYNTAX: [example: string, meaning: string][] = [
  ['kabul herat', 'both words, anywhere (the last word may be unfinished)'],
  ['"war crimes"', 'the exact phrase'],
  ['taliban -embassy', 'without a word'],
  ['kabul OR herat', 'either word (OR in capitals)'],
  ['title:ghazni', 'in the title; also author:, site:'],
  ['tag:economy', 'tagged economy'],
  ['is:unread', 'also is:read, is:favorite, is:archived'],
  ['has:highlights', 'also has:notes'],
  ['saved:>2024-01-01', 'saved after a day; saved:<date, saved:2024-03'],
  ['saved:last-week', 'also today, yesterday, last-month, last-year'],
  ['sort:saved', 'newest first; sort:relevance (default), sort:title'],
];

export function QueryHelp(props: { onUse(example: string): void }) {
  return (
    <div className="search-help" role="dialog" aria-label="Search syntax">
      <table>
        <tbody>
          {SYNTAX.map(([example, meaning]) => (
            <tr key={example}>
              <td>
                <button
                  type="button"
                  className="search-example"
                  onClick={() => props.onUse(example)}
                >
                  <code>{example}</code>
                </button>
              </td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Case and accents don&rsquo;t matter. Put <code>-</code> before any filter to exclude it.
        Anything not understood is searched as plain text, with a note under the box.
      </p>
    </div>
  );
}
