import fs from 'node:fs';
import { parseHtmlPage } from './html-page';
import { sanitizeArticleHtml } from './sanitize';
import { fragmentText, sharedWindow } from './dom';
const dir = '/work/shared/corpus/web-pages';
const srcs = fs.readdirSync(dir).filter((d) => fs.existsSync(`${dir}/${d}/source.html`)).map((d) => fs.readFileSync(`${dir}/${d}/source.html`, 'utf8'));
const gc = (globalThis as { gc?: () => void }).gc!;
const heap = (l: string) => { gc(); console.log(l, Math.round(process.memoryUsage().heapUsed / 1e6), 'MB'); };
heap('start');
const mode = process.argv[2];
if (mode === 'parse') { for (const s of srcs) new (sharedWindow().DOMParser)().parseFromString(s, 'text/html'); heap('after DOMParser x32'); }
if (mode === 'page') { const htmls = srcs.map((s) => parseHtmlPage(s).html); heap('after pages'); for (const h of htmls) sanitizeArticleHtml(h); heap('after sanitize'); for (const h of htmls) fragmentText(h); heap('after text'); }
