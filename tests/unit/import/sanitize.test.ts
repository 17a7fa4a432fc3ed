import { describe, expect, it } from 'vitest';
import { getPurifier, sanitizeArticleHtml } from '../../../electron/core/import/sanitize';
import { browserText, fragment } from './corpus';

const clean = sanitizeArticleHtml;

describe('sanitizeArticleHtml', () => {
  it('runs on a DOM that DOMPurify supports', () => {
    expect(getPurifier().isSupported).toBe(true);
  });

  it('removes scripts, handlers and javascript: URLs', () => {
    const out = clean(
      '<p onclick="x()">a<script>alert(1)</script></p><a href="javascript:alert(1)">b</a>' +
        '<a href=" JaVaScRiPt:alert(1)">c</a><img src="x" onerror="alert(1)">',
    );
    expect(out).not.toMatch(/script|onclick|onerror|alert/i);
    expect(browserText(out)).toContain('a');
  });

  it('removes embedded and active content with what is inside it', () => {
    const out = clean(
      '<iframe src="https://e.com">if</iframe><object data="x">ob</object><embed src="x">' +
        '<style>p{}</style><link rel="stylesheet" href="x"><meta http-equiv="refresh" content="0">' +
        '<base href="https://evil.example/"><svg><text>sv</text></svg><math><mi>x</mi></math>' +
        '<video src="v.mp4"><source src="v.webm">vid</video><audio src="a.mp3">au</audio>' +
        '<select><option>op</option></select><textarea>ta</textarea><button>bu</button><p>kept</p>',
    );
    expect(out).not.toMatch(
      /<(iframe|object|embed|style|link|meta|base|svg|math|video|audio|source|select|textarea|button)\b/i,
    );
    expect(browserText(out).trim()).toBe('kept');
  });

  it('unwraps forms and pictures but keeps their content', () => {
    const out = clean(
      '<form action="https://e.com"><p>inside a form</p><input value="x"></form>' +
        '<picture><source srcset="a.webp"><img src="data:image/png;base64,AAAA" alt="pic"></picture>',
    );
    expect(out).not.toMatch(/<(form|input|picture|source)\b/i);
    expect(out).toContain('<p>inside a form</p>');
    expect(out).toContain('<img src="data:image/png;base64,AAAA" alt="pic">');
  });

  it('drops style, srcset, ids, classes and unknown attributes', () => {
    const out = clean(
      '<p style="color:red" id="x" class="c" data-foo="1" aria-label="l">t</p><img srcset="a 1x" alt="a">',
    );
    expect(out).toBe('<p>t</p>\n<img alt="a">');
  });

  it('keeps only http(s) and mailto links, with rel="noopener noreferrer"', () => {
    const links = fragment(
      clean(
        '<a href="https://a.example/">1</a><a href="mailto:me@example.com">2</a>' +
          '<a href="ftp://f.example/">3</a><a href="/relative">4</a><a href="data:text/html,x">5</a>' +
          '<a href="#note" rel="nofollow">6</a><a>7</a>',
      ),
    ).querySelectorAll('a');
    expect(Array.from(links, (a) => a.getAttribute('href'))).toEqual([
      'https://a.example/',
      'mailto:me@example.com',
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[5]?.hasAttribute('rel')).toBe(false);
  });

  it('moves remote image sources to data-margin-remote-src and keeps data: images', () => {
    expect(clean('<img src="https://e.com/a.png" alt="A" width="10">')).toBe(
      '<img alt="A" width="10" data-margin-remote-src="https://e.com/a.png">',
    );
    expect(clean('<img src="file:///etc/passwd" alt="B">')).toBe('<img alt="B">');
    expect(clean('<img src="data:image/gif;base64,R0lGOD" alt="C">')).toBe(
      '<img src="data:image/gif;base64,R0lGOD" alt="C">',
    );
    expect(clean('<p data-margin-remote-src="https://e.com/">x</p>')).toBe('<p>x</p>');
    expect(clean('<img data-margin-remote-src="javascript:alert(1)">')).toBe('<img>');
  });

  it("turns the article's own <mark> into <span>: the reader marks highlights with <mark>", () => {
    expect(clean('<p>a <mark class="x">b</mark> c</p>')).toBe('<p>a <span>b</span> c</p>');
  });

  it('keeps the article structure', () => {
    const html =
      '<h2>H</h2>\n<p><em>e</em> <strong>s</strong> <b>b</b> <i>i</i> <u>u</u> <s>s</s> <sub>1</sub> <sup>2</sup>' +
      ' <abbr title="t">A</abbr> <cite>c</cite> <q>q</q> <time datetime="2020-01-01">d</time> <code>c</code></p>\n' +
      '<blockquote>q</blockquote>\n<ul>\n<li>l</li>\n</ul>\n<ol start="3">\n<li>o</li>\n</ol>\n' +
      '<figure><img alt="x">\n<figcaption>f</figcaption></figure>\n<pre><code>a\n  b</code></pre>\n<hr>\n' +
      '<table>\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td colspan="2">d</td>\n</tr>\n</tbody>\n</table>';
    expect(clean(html)).toBe(html);
  });

  it('separates blocks so their words do not run together in the text', () => {
    expect(browserText(clean('<p>one</p><p>two</p><ul><li>three</li><li>four</li></ul>'))).toBe(
      'one\ntwo\nthree\nfour',
    );
    expect(browserText(clean('<p>line<br>break</p>'))).toBe('line\nbreak');
    expect(browserText(clean('<table><tr><td>a</td><td>b</td></tr></table>'))).toMatch(/a\s+b/);
  });

  it('collapses source indentation but not inside <pre>', () => {
    expect(clean('<p>\n      some\n      text   here\n</p>')).toBe('<p>\nsome\ntext here\n</p>');
    expect(clean('<pre>  keep\n    this  </pre>')).toBe('<pre>  keep\n    this  </pre>');
  });

  it('is idempotent, also where removing elements changes how the HTML parses', () => {
    const tricky = [
      '<table><form><tr><td>x</td></tr></form>text<tr><td>y</td></tr></table>',
      '<p>a<object><p>nested</p></object>b</p>',
      '<p>a<marquee><p>nested</p></marquee>b</p>',
      '<a href="https://a.example/">x<div><a href="https://b.example/">y</a></div></a>',
      '<ul><li>a<select><option>b</option></select></li>c</ul>',
      '<table><caption>c</caption><colgroup><col span="2"></colgroup><tr><td>1</td></tr></table>',
      '  leading space<p>p</p>  ',
      '<p>a <mark>b</mark> <span>c</span>\n\n   d</p><pre> x\n\n y</pre>',
      '<svg><p>escaped from svg</p></svg><math><p>and math</p></math>',
      '<noscript><p>no script</p></noscript><template><p>template</p></template>',
      '<p>tail<br></p>text after<br><br>more',
      '<details open><summary>s</summary>d</details>',
      '<img src="https://a.example/i.png" data-margin-remote-src="https://b.example/j.png">',
    ];
    for (const html of tricky) {
      const once = clean(html);
      expect(clean(once), html).toBe(once);
    }
  });

  it('returns an empty string for empty input', () => {
    expect(clean('')).toBe('');
  });
});
