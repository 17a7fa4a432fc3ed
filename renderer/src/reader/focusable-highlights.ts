import { MARK_ATTR } from './paint-highlights';

/**
 * Makes each highlight reachable with Tab, in reading order: its first mark (a highlight has one
 * mark per text node it touches) becomes a tab stop named by its text, so the reader can be used
 * without a mouse. Enter or Space on it opens the highlight's note (see Reader).
 */
export function markFocusableHighlights(root: HTMLElement): void {
  const seen = new Set<string>();
  for (const mark of Array.from(root.querySelectorAll<HTMLElement>(`mark[${MARK_ATTR}]`))) {
    const id = mark.getAttribute(MARK_ATTR) ?? '';
    if (seen.has(id)) {
      mark.removeAttribute('tabindex');
      continue;
    }
    seen.add(id);
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    const whole = Array.from(root.querySelectorAll(`mark[${MARK_ATTR}="${CSS.escape(id)}"]`))
      .map((m) => m.textContent ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    mark.setAttribute(
      'aria-label',
      `Highlight: ${whole.length > 80 ? `${whole.slice(0, 80)}…` : whole}`,
    );
  }
}
