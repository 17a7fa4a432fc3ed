/**
 * One shared, script-less jsdom window for the importers' small DOM jobs (sanitizing, reading a
 * fragment's text). Creating a window is costly, so it is made once and reused. Never call
 * `querySelector`/`matches`/`closest` on nodes of this window: see `discardDocument`.
 */
import { JSDOM, type DOMWindow } from 'jsdom';

let window: DOMWindow | undefined;

export function sharedWindow(): DOMWindow {
  window ??= new JSDOM('').window;
  return window;
}

/**
 * Call when done with a document parsed in the shared window (DOMPurify parses into one).
 * jsdom tracks every attached element with an `id` or `name` on the window (for
 * `window.someId`), DOMParser documents' too, and forgets them only once detached; without
 * this, each import would stay in memory as long as the window lives.
 *
 * Whole pages are not parsed here: jsdom also keeps, for the window's lifetime, every document
 * that `querySelector` was called on (its selector engine registers window listeners).
 */
export function discardDocument(document: Document): void {
  document.documentElement?.remove();
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
