/** Small saved pages for import tests: real HTML, built here so each test shows what it feeds in. */

/** A 1×1 transparent PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

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
