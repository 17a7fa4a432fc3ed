import fs from 'node:fs';
import { parseHtmlPage } from './html-page';
import { sanitizeArticleHtml } from './sanitize';
import { fragmentText } from './dom';
const dir = '/work/shared/corpus/web-pages';
const srcs = fs.readdirSync(dir).filter((d) => fs.existsSync(`${dir}/${d}/source.html`)).map((d) => fs.readFileSync(`${dir}/${d}/source.html`, 'utf8'));
for (let round = 0; round < 2; round++) {
  const t = { page: 0, sanitize: 0, text: 0 };
  for (const src of srcs) {
    let t0 = performance.now();
    const d = parseHtmlPage(src); t.page += performance.now() - t0; t0 = performance.now();
    const clean = sanitizeArticleHtml(d.html); t.sanitize += performance.now() - t0; t0 = performance.now();
    fragmentText(clean); t.text += performance.now() - t0;
  }
  console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])));
}
console.log(Math.round(process.memoryUsage().heapUsed / 1e6), 'MB heap');
(globalThis as { gc?: () => void }).gc?.();
console.log(Math.round(process.memoryUsage().heapUsed / 1e6), 'MB heap after gc');
