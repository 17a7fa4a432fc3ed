/**
 * The best `k` of `count` items, best first, where `better(a, b)` says whether a goes before b.
 * A bounded heap: O(count log k), so ranking 100,000 matches for a page of 20 stays cheap.
 *
 * `key`, if given, is the first thing `better` compares, higher first: most items are then
 * turned away by one number comparison with the worst kept, without calling `better`.
 */
export function topK(
  items: Int32Array,
  count: number,
  k: number,
  better: (a: number, b: number) => boolean,
  key: Float64Array | null = null,
): number[] {
  if (k <= 0) return [];
  // A heap whose root is the worst item kept.
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => better(b, a);
  for (let index = 0; index < count; index += 1) {
    const item = items[index] as number;
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1, worse);
    } else if (key && (key[item] as number) < (key[heap[0] as number] as number)) {
      continue;
    } else if (better(item, heap[0] as number)) {
      heap[0] = item;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

function siftUp(heap: number[], start: number, worse: (a: number, b: number) => boolean): void {
  let at = start;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!worse(heap[at] as number, heap[parent] as number)) return;
    [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
    at = parent;
  }
}

function siftDown(heap: number[], start: number, worse: (a: number, b: number) => boolean): void {
  let at = start;
  for (;;) {
    const left = at * 2 + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && worse(heap[left] as number, heap[worst] as number)) worst = left;
    if (right < heap.length && worse(heap[right] as number, heap[worst] as number)) worst = right;
    if (worst === at) return;
    [heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number];
    at = worst;
  }
}
