// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MARK_ATTR, paintHighlights } from '../../../renderer/src/reader/paint-highlights';
import { markFocusableHighlights } from '../../../renderer/src/reader/focusable-highlights';

const HTML = [
  '<p>Plain <em>emphasis <strong>strong</strong></em> and <a href="https://example.org">a link</a>.</p>',
  '<ul><li>first item</li><li>second item</li></ul>',
  '<table><tbody><tr><td>cell one</td><td>cell two</td></tr></tbody></table>',
  '<blockquote><p>quoted words</p></blockquote>',
  '<p><span>in a span</span> after</p>',
].join('');

function article(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = HTML;
  return root;
}

/** The text each highlight covers, marks of one highlight joined (nested ones' text included). */
function painted(root: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const mark of root.querySelectorAll(`mark[${MARK_ATTR}]`)) {
    const id = mark.getAttribute(MARK_ATTR)!;
    out[id] = (out[id] ?? '') + (mark.textContent ?? '');
  }
  return out;
}

function range(root: HTMLElement, from: string, to: string) {
  const text = root.textContent ?? '';
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  return { start, end };
}

const hl = (id: string, r: { start: number; end: number }, color = 'yellow') => ({
  id,
  ...r,
  color,
  hasNote: false,
});

describe('painting highlights into the article', () => {
  it('starts and ends inside emphasis, links, list items, table cells, block quotes and spans', () => {
    const root = article();
    const before = root.textContent;
    const cases = {
      em: range(root, 'phasis', 'a li'),
      list: range(root, 'item', 'second'),
      table: range(root, 'one', 'cell t'),
      quote: range(root, 'quoted', 'in a'),
    };
    paintHighlights(
      root,
      Object.entries(cases).map(([id, r]) => hl(id, r)),
    );
    expect(root.textContent).toBe(before); // painting never changes the text (the offsets)
    const text = before ?? '';
    const got = painted(root);
    for (const [id, r] of Object.entries(cases)) {
      expect(got[id]).toBe(text.slice(r.start, r.end).replace(/\s+$/, ''));
    }
    // Marks sit inside the formatting, never around blocks or between table cells.
    expect(root.querySelector('strong mark')).not.toBeNull();
    expect(root.querySelector('a mark')).not.toBeNull();
    expect(root.querySelector('td > mark')).not.toBeNull();
    expect(root.querySelector('tr > mark, ul > mark, tbody > mark')).toBeNull();
  });

  it('keeps overlapping highlights distinct: the later one nests, neither is merged', () => {
    const root = article();
    const a = range(root, 'emphasis', 'strong');
    const b = range(root, 'strong', 'a link');
    paintHighlights(root, [hl('a', a), hl('b', b, 'blue')]);
    const text = root.textContent ?? '';
    const got = painted(root);
    expect(got.a).toBe(text.slice(a.start, a.end));
    expect(got.b).toBe(text.slice(b.start, b.end));
    expect(root.querySelector(`mark[${MARK_ATTR}="a"] mark[${MARK_ATTR}="b"]`)?.textContent).toBe(
      'strong',
    );
    // Repainting (after an edit) starts from clean text.
    paintHighlights(root, [hl('b', b)]);
    expect(Object.keys(painted(root))).toEqual(['b']);
    expect(root.innerHTML.replace(/<\/?mark[^>]*>/g, '')).toBe(HTML);
  });

  it('makes each highlight one Tab stop, named by its text', () => {
    const root = article();
    paintHighlights(root, [hl('x', range(root, 'emphasis', 'a link'))]);
    markFocusableHighlights(root);
    const stops = root.querySelectorAll('mark[tabindex="0"]');
    expect(stops).toHaveLength(1);
    expect(stops[0]!.getAttribute('aria-label')).toBe('Highlight: emphasis strong and a link');
  });
});
