import { textSegments } from './text-offsets';

export const MARK_ATTR = 'data-highlight-id';

export interface PaintedHighlight {
  id: string;
  start: number;
  end: number;
  color: string;
  hasNote: boolean;
}

/**
 * Wraps each highlight's text in <mark> elements (one per text node it touches, so a highlight
 * can span paragraphs and inline formatting). Overlapping highlights nest and stay distinct.
 */
export function paintHighlights(root: HTMLElement, highlights: PaintedHighlight[]): void {
  clearHighlights(root);
  const doc = root.ownerDocument;
  for (const h of highlights) {
    for (const seg of textSegments(root, h.start, h.end)) {
      if (
        seg.node.data.slice(seg.start, seg.end).trim() === '' &&
        seg.node.parentElement?.closest('table, ul, ol')
      ) {
        continue; // Whitespace between table cells or list items cannot hold a <mark>.
      }
      let node = seg.node;
      if (seg.start > 0) node = node.splitText(seg.start);
      if (seg.end - seg.start < node.data.length) node.splitText(seg.end - seg.start);
      const mark = doc.createElement('mark');
      mark.className = `hl hl-${h.color}${h.hasNote ? ' hl-has-note' : ''}`;
      mark.setAttribute(MARK_ATTR, h.id);
      node.parentNode!.insertBefore(mark, node);
      mark.appendChild(node);
    }
  }
}

export function clearHighlights(root: HTMLElement): void {
  for (const mark of Array.from(root.querySelectorAll(`mark[${MARK_ATTR}]`))) {
    const parent = mark.parentNode!;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  }
  root.normalize();
}
