import fs from 'node:fs';
import { parseImport, sanitizeArticleHtml } from './index';
const dir = '/work/shared/corpus/web-pages';
const names = fs.readdirSync(dir).filter((d) => fs.existsSync(`${dir}/${d}/source.html`));
const inputs = names.map((d) => ({ d, bytes: fs.readFileSync(`${dir}/${d}/source.html`), exp: JSON.parse(fs.readFileSync(`${dir}/${d}/expected-metadata.json`, 'utf8')) }));
let ok = 0;
const t0 = performance.now();
const outs = inputs.map(({ d, bytes }) => { const t = performance.now(); const r = parseImport({ name: 'source.html', bytes }); return { d, r, ms: performance.now() - t }; });
const total = performance.now() - t0;
for (const [i, { d, r, ms }] of outs.entries()) {
  const exp = inputs[i]!.exp;
  const m = r.title === exp.title; if (m) ok++;
  const bad = /<script|\son\w+=|javascript:|\ssrc="(?!data:)/i.test(r.html);
  const idem = sanitizeArticleHtml(r.html) === r.html;
  console.log(d.padEnd(40), Math.round(ms), m ? 'OK' : `MISS ${JSON.stringify(r.title)} vs ${JSON.stringify(exp.title)}`, 'by', r.byline === exp.byline, 'site', r.siteName === exp.siteName, 'dir', r.dir === exp.dir, 'pub', r.publishedTime === exp.publishedTime, 'words', r.wordCount, 'url', r.url, bad ? 'BAD' : '', idem ? '' : 'NOT-IDEMPOTENT');
}
console.log(ok, '/', outs.length, 'total ms', Math.round(total));
