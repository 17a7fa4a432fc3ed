/**
 * Maps between DOM ranges inside the article element and offsets into the article's text (its
 * textContent), the coordinate space of highlight selectors. Highlight marks only wrap text
 * nodes, so painting them never changes these offsets.
 */

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Offset in the root's textContent of a DOM boundary point (container, offset). */
function offsetOf(root: Node, container: Node, offset: number): number {
  const range = root.ownerDocument!.createRange();
  range.selectNodeContents(root);
  range.setEnd(container, offset);
  return range.toString().length;
}

export function rangeToOffsets(root: Node, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** The text-node pieces covering [start, end), for wrapping in marks or building a Range. */
export function textSegments(root: Node, start: number, end: number) {
  const segments: { node: Text; start: number; end: number }[] = [];
  let pos = 0;
  for (const node of textNodes(root)) {
    const len = node.data.length;
    const s = Math.max(start, pos);
    const e = Math.min(end, pos + len);
    if (s < e) segments.push({ node, start: s - pos, end: e - pos });
    pos += len;
    if (pos >= end) break;
  }
  return segments;
}

export function offsetsToRange(root: Node, start: number, end: number): Range | null {
  const segments = textSegments(root, start, end);
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return null;
  const range = root.ownerDocument!.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}
