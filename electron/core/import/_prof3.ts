import fs from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { sanitizeArticleHtml } from './sanitize';
const dir = '/work/shared/corpus/web-pages';
const htmls = fs.readdirSync(dir).filter((d) => fs.existsSync(`${dir}/${d}/source.html`)).map((d) => {
  const dom = new JSDOM(fs.readFileSync(`${dir}/${d}/source.html`, 'utf8'), { url: 'https://margin.invalid/', virtualConsole: new VirtualConsole() });
  return new Readability(dom.window.document).parse()!.content as string;
});
console.log('article html bytes', htmls.reduce((a, h) => a + h.length, 0));
for (let r = 0; r < 3; r++) { const t = performance.now(); for (const h of htmls) sanitizeArticleHtml(h); console.log('sanitize', Math.round(performance.now() - t)); }
