/** Small saved pages for import tests: real HTML and MHTML, built here so each test shows what it feeds in. */

import { PNG_1X1 } from './images';

export { PNG_1X1 };

const PARAGRAPHS = [
  'The harbour was quiet that morning. Only two fishing boats were tied up at the old stone pier, and the gulls had the whole beach to themselves while the tide went slowly out.',
  'Years ago the lighthouse keeper would have rung the bell at this hour. Now the lamp turns by itself, and the keeper’s cottage is a museum that opens on Sundays in the summer.',
  'People in the village still talk about the winter storm that broke the breakwater. The new wall is higher, and the boats that stayed have stronger moorings than before.',
];

/** A news-style page: title, byline, site name, date and a few paragraphs; `extra` goes in the body. */
export function articlePage(
  title = 'The Quiet Harbour Nobody Visits',
  extra = '',
  head = '',
): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${head}
<title>${title} | Harbour News</title>
<meta property="og:site_name" content="Harbour News">
<meta name="author" content="Ada Writer">
<meta name="description" content="A harbour that nobody visits any more.">
<meta property="article:published_time" content="2020-01-02T03:04:05Z">
<script>window.ran = true</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>
${PARAGRAPHS.map((p, i) => `<p>${p}</p>${i === 0 ? extra : ''}`).join('\n')}
</article>
<footer>© Harbour News</footer>
</body></html>`;
}

/** An MHTML file as Chrome writes it: CRLF lines, a quoted-printable page, base64 images. */
export function mhtml(
  pageBytes: Buffer,
  charset: string,
  imageUrl = 'https://cdn.example.org/img/photo.png',
): Buffer {
  const boundary = '----MultipartBoundary--abc123----';
  const qp = pageBytes
    .toString('latin1')
    .replace(
      /[=\x80-\xff]/g,
      (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .replace(/(.{70})/g, '$1=\r\n'); // soft line breaks, as long lines get
  const png = PNG_1X1.toString('base64').replace(/(.{76})/g, '$1\r\n');
  const text = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://example.org/news/story.html',
    'Subject: =?utf-8?Q?Story?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    `Content-Type: text/html; charset=${charset}`,
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://example.org/news/story.html',
    '',
    qp,
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    `Content-Location: ${imageUrl}`,
    '',
    png,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return Buffer.from(text, 'latin1');
}
