import { MARK_ATTR } from './paint-highlights';

/**
 * Makes each highlight reachable with Tab, in reading order: its first mark (a highlight has one
 * mark per text node it touches) becomes a tab stop named by its text, so the reader can be used
 * without a mouse. Enter or Space on it opens the highlight's note (see Reader).
 */
export function markFocusableHighlights(root: HTMLElement): void {
  const byId = new Map<string, HTMLElement[]>();
  for (const mark of Array.from(root.querySelectorAll<HTMLElement>(`mark[${MARK_ATTR}]`))) {
    const id = mark.getAttribute(MARK_ATTR) ?? '';
    const marks = byId.get(id);
    if (marks) {
      marks.push(mark);
      mark.removeAttribute('tabindex');
    } else byId.set(id, [mark]);
  }
  for (const [first, ...rest] of byId.values()) {
    if (!first) continue;
    const whole = [first, ...rest]
      .map((m) => m.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    first.tabIndex = 0;
    first.setAttribute('role', 'button');
    first.setAttribute(
      'aria-label',
      `Highlight: ${whole.length > 80 ? `${whole.slice(0, 80)}…` : whole}`,
    );
  }
}
