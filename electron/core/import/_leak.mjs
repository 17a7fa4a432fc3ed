import { JSDOM } from 'jsdom';
import v8 from 'node:v8';
const w = new JSDOM('').window;
class Marker {}
for (let i = 0; i < 3; i++) { const d = new w.DOMParser().parseFromString('<p>hello' + i + '</p>', 'text/html'); }
globalThis.gc();
v8.writeHeapSnapshot('/tmp/leak.heapsnapshot');
