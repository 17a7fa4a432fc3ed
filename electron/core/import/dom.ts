/**
 * One shared, script-less jsdom window for the importers' small DOM jobs (sanitizing, reading a
 * fragment's text). Creating a window is costly, so it is made once and reused.
 */
import { JSDOM, type DOMWindow } from 'jsdom';

let window: DOMWindow | undefined;

export function sharedWindow(): DOMWindow {
  window ??= new JSDOM('').window;
  return window;
}

/**
 * The text of an HTML fragment exactly as the reader's browser computes it (`textContent` of a
 * container whose `innerHTML` is the fragment); highlight offsets are counted in this string.
 */
export function fragmentText(html: string): string {
  const container = sharedWindow().document.createElement('div');
  container.innerHTML = html;
  return container.textContent ?? '';
}
