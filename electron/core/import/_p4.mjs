import fs from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
const dir = '/work/shared/corpus/web-pages';
const srcs = fs.readdirSync(dir).filter((d) => fs.existsSync(`${dir}/${d}/source.html`)).map((d) => fs.readFileSync(`${dir}/${d}/source.html`, 'utf8')).map(s => s.replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (w, a) => (/ld\+json/i.test(a) ? w : '')).replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, ''));
const w = new JSDOM('').window;
for (let r = 0; r < 2; r++) {
let t = performance.now();
for (let i = 0; i < 32; i++) new JSDOM('', { url: 'https://margin.invalid/', virtualConsole: new VirtualConsole() }).window.close();
console.log('empty windows', Math.round(performance.now() - t)); t = performance.now();
for (const s of srcs) new JSDOM(s, { url: 'https://margin.invalid/', virtualConsole: new VirtualConsole() }).window.close();
console.log('jsdom parse', Math.round(performance.now() - t)); t = performance.now();
const p = new w.DOMParser();
for (const s of srcs) p.parseFromString(s, 'text/html');
console.log('domparser parse', Math.round(performance.now() - t));
}
