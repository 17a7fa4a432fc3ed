import { MARK_ATTR } from '../reader/paint-highlights';

const FLASH_MS = 2000;

/**
 * Scrolls the reader to a highlight (a `margin://` link's) and makes it blink. False if the
 * article has no such highlight on the page (deleted, or its passage is no longer found).
 */
export function flashHighlight(
  scroller: HTMLElement,
  body: HTMLElement,
  highlightId: string,
): boolean {
  const marks = [...body.querySelectorAll<HTMLElement>(`mark[${MARK_ATTR}]`)].filter(
    (mark) => mark.getAttribute(MARK_ATTR) === highlightId,
  );
  const first = marks[0];
  if (!first) return false;
  const top = first.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += top - scroller.clientHeight / 3;
  for (const mark of marks) mark.classList.add('hl-flash');
  setTimeout(() => {
    for (const mark of marks) mark.classList.remove('hl-flash');
  }, FLASH_MS);
  return true;
}
