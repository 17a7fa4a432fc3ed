import fs from 'node:fs';
import { parseHtmlPage } from './html-page';
import { sanitizeArticleHtml } from './sanitize';
import { fragmentText } from './dom';
const d = process.argv[2] ?? 'wikipedia-2';
const src = fs.readFileSync(`/work/shared/corpus/web-pages/${d}/source.html`, 'utf8');
for (let i = 0; i < 2; i++) {
let t = performance.now();
const draft = parseHtmlPage(src);
console.log('page', Math.round(performance.now() - t), draft.html.length, JSON.stringify(draft.byline)); t = performance.now();
const html = sanitizeArticleHtml(draft.html);
console.log('sanitize', Math.round(performance.now() - t), html.length); t = performance.now();
fragmentText(html);
console.log('text', Math.round(performance.now() - t));
}
