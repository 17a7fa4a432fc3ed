import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  chromium,
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { XSS_PAYLOADS, xssPage, type XssPayload } from '../fixtures/xss/payloads';
import { startHostProcess, type RunningHost } from '../support/host-process';

/**
 * The XSS corpus against the real reader: every payload is imported as a saved page and opened
 * in Chromium through the browser host. A payload "executes" if it sets window.__xss (or
 * defines it by clobbering) or opens a dialog; a request "leaves" if it goes anywhere but the
 * host. Both must stay at zero. The figures are printed for the README.
 */

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

interface Watch {
  dialogs: string[];
  outside: string[];
}

/** Records every dialog (dismissing it) and every request that is not for the host. */
function watch(page: Page, origin: string): Watch {
  const seen: Watch = { dialogs: [], outside: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) seen.outside.push(url);
  });
  return seen;
}

/** `window.__xss` as the page sees it: undefined unless a payload ran or clobbered it. */
const flag = (page: Page) =>
  page.evaluate(() => {
    const value = (window as unknown as { __xss?: unknown }).__xss;
    return value === undefined ? null : String(value);
  });

async function importFiles(page: Page, files: { name: string; html: string }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (
    await chooser
  ).setFiles(
    files.map((f) => ({ name: f.name, mimeType: 'text/html', buffer: Buffer.from(f.html) })),
  );
}

/**
 * Opens every article of the library in turn, as a keyboard user would (the list is windowed,
 * so rows are reached with the arrow keys), and gives each one a chance to run: the pointer
 * sweeps over the article body. Returns the titles opened, and those after which the flag was set.
 */
async function readEveryArticle(page: Page, count: number) {
  const items = page.getByRole('list', { name: 'Library' }).getByRole('listitem');
  const heading = page.locator('article').getByRole('heading', { level: 1 });
  const body = page.locator('article .reader-body');
  const opened: string[] = [];
  const flagged: string[] = [];
  await items.first().click();
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      // Back on the open row, the next one is a key away.
      await page.locator('li[aria-current="true"]').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(heading).not.toHaveText(opened[i - 1]!);
    }
    const title = (await heading.textContent()) ?? '';
    opened.push(title);
    const box = await body.boundingBox();
    if (box) {
      await page.mouse.move(box.x + 5, box.y + 5);
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 600) - 5, {
        steps: 4,
      });
    }
    if ((await flag(page)) !== null) {
      flagged.push(title);
      await page.evaluate(() => delete (window as unknown as { __xss?: unknown }).__xss);
    }
  }
  return { opened, flagged };
}

test('every XSS payload, imported as a saved page and read, runs nothing and fetches nothing', async ({
  page,
}) => {
  test.setTimeout(900_000);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(200);
  const origin = new URL(host.url).origin;
  const seen = watch(page, origin);
  await page.goto(host.url);

  // The importer refuses a file with NUL bytes as binary (those payloads are still read raw,
  // in the next test).
  const importable = XSS_PAYLOADS.filter((p) => !xssPage(p).includes('\0'));
  const refused = XSS_PAYLOADS.length - importable.length;
  expect(refused).toBeLessThanOrEqual(2);
  await importFiles(
    page,
    XSS_PAYLOADS.map((p) => ({ name: `${p.id}.html`, html: xssPage(p) })),
  );
  const items = page.getByRole('list', { name: 'Library' }).getByRole('listitem');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(importable.length), {
    timeout: 300_000,
  });

  const { opened, flagged } = await readEveryArticle(page, importable.length);
  const ids = new Set(opened.map((t) => /xss-\d{3}/.exec(t)?.[0]));
  const missing = importable.filter((p) => !ids.has(p.id)).map((p) => p.id);

  console.log(
    `XSS corpus: ${XSS_PAYLOADS.length} payloads; ${opened.length} imported and read, ` +
      `${refused} refused at import (binary); executed: ${flagged.length}; ` +
      `dialogs: ${seen.dialogs.length}; requests leaving the host: ${seen.outside.length}`,
  );
  expect(missing).toEqual([]);
  expect(flagged).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.outside).toEqual([]);
});

/** Every payload, raw: what the page would hold if the import sanitizer were skipped. */
function rawBatches(size: number): XssPayload[][] {
  const batches: XssPayload[][] = [];
  for (let i = 0; i < XSS_PAYLOADS.length; i += size) batches.push(XSS_PAYLOADS.slice(i, i + size));
  return batches;
}

test('with the import sanitizer bypassed (raw payloads written into content.html), the reader still runs nothing', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const origin = new URL(host.url).origin;
  const seen = watch(page, origin);
  await page.goto(host.url);
  const batches = rawBatches(10);
  await importFiles(
    page,
    batches.map((_, i) => ({
      name: `carrier-${i}.html`,
      html: `<title>Carrier ${String(i).padStart(2, '0')}</title><h1>Carrier ${i}</h1><p>Replaced with raw payloads behind Margin's back.</p>`,
    })),
  );
  const items = page.getByRole('list', { name: 'Library' }).getByRole('listitem');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(batches.length), {
    timeout: 120_000,
  });

  // Straight to disk, past the importer: the article files hold the payloads as they are.
  const token = new URL(host.url).searchParams.get('token')!;
  const list = (await (
    await fetch(`${origin}/api/listArticles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Margin-Token': token },
      body: '[]',
    })
  ).json()) as { value: { id: string; title: string }[] };
  for (const article of list.value) {
    const n = Number(/Carrier (\d+)/.exec(article.title)?.[1]);
    const raw = batches[n]!.map((p) => `<p>${p.id}</p>${p.html}`).join('\n');
    await writeFile(
      path.join(host.libraryDir, 'articles', article.id, 'content.html'),
      `<p>Raw payloads follow.</p>${raw}`,
    );
  }
  // The page may have cached nothing; reload so every article is read from disk.
  await page.reload();
  const { opened, flagged } = await readEveryArticle(page, batches.length);
  console.log(
    `Sanitizer bypassed: ${XSS_PAYLOADS.length} raw payloads in ${opened.length} articles; executed: ${flagged.length}; ` +
      `dialogs: ${seen.dialogs.length}; requests leaving the host: ${seen.outside.length}`,
  );
  expect(opened).toHaveLength(batches.length);
  expect(flagged).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.outside).toEqual([]);
});

test('with both sanitizers bypassed, Trusted Types and the CSP still stop every payload', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const origin = new URL(host.url).origin;
  const seen = watch(page, origin);
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Import' })).toBeVisible();

  // Each payload straight into every HTML sink of the page, with no sanitizer at all.
  const results = await page.evaluate(
    (payloads) => {
      const host = document.createElement('div');
      document.body.append(host);
      const sinks: Record<string, (html: string) => void> = {
        innerHTML: (html) => {
          host.innerHTML = html;
        },
        outerHTML: (html) => {
          const el = document.createElement('div');
          host.append(el);
          el.outerHTML = html;
        },
        insertAdjacentHTML: (html) => host.insertAdjacentHTML('beforeend', html),
        createContextualFragment: (html) => {
          host.append(document.createRange().createContextualFragment(html));
        },
        DOMParser: (html) => {
          host.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
        },
        srcdoc: (html) => {
          const frame = document.createElement('iframe');
          frame.srcdoc = html;
          host.append(frame);
        },
        setHTMLUnsafe: (html) => {
          (host as unknown as { setHTMLUnsafe(h: string): void }).setHTMLUnsafe(html);
        },
      };
      let refused = 0;
      const accepted: string[] = [];
      for (const html of payloads) {
        for (const [name, sink] of Object.entries(sinks)) {
          try {
            sink(html);
            accepted.push(`${name}: ${html}`);
          } catch {
            refused++;
          }
        }
      }
      return { refused, accepted, sinks: Object.keys(sinks).length };
    },
    XSS_PAYLOADS.map((p) => p.html),
  );
  expect(results.accepted).toEqual([]);
  expect(results.refused).toBe(XSS_PAYLOADS.length * results.sinks);

  // Script by DOM calls that no HTML sink guards: inline handlers, javascript: URLs, eval. They
  // run from a task of the page's own, not inside Playwright's evaluation (which is allowed to
  // eval by the DevTools protocol).
  const attempts = await page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve) => {
        setTimeout(() => {
          const J = 'window.__xss=1,alert(1)';
          const outcomes: Record<string, string> = {};
          const attempt = (name: string, run: () => void) => {
            try {
              run();
              outcomes[name] = 'done';
            } catch (error) {
              outcomes[name] = `refused: ${(error as Error).name}`;
            }
          };
          type Policies = { createPolicy(name: string, rules: object): unknown };
          const tt = (window as unknown as { trustedTypes: Policies }).trustedTypes;
          attempt('img onerror attribute', () => {
            const img = document.createElement('img');
            img.setAttribute('onerror', J);
            img.src = 'data:,not-an-image';
            document.body.append(img);
          });
          attempt('onclick attribute + click', () => {
            const p = document.createElement('p');
            p.setAttribute('onclick', J);
            document.body.append(p);
            p.click();
          });
          attempt('script text', () => {
            const s = document.createElement('script');
            s.textContent = J;
            document.body.append(s);
          });
          attempt('script src', () => {
            const s = document.createElement('script');
            s.src = `data:text/javascript,${J}`;
            document.body.append(s);
          });
          attempt('javascript: link click', () => {
            const a = document.createElement('a');
            a.href = `javascript:${J}`;
            document.body.append(a);
            a.click();
          });
          attempt('eval', () => eval(J));
          attempt('Function', () => new Function(J)());
          attempt('setTimeout string', () => {
            (setTimeout as unknown as (code: string) => void)(J);
          });
          attempt('another Trusted Types policy', () => {
            tt.createPolicy('evil', { createHTML: (s: string) => s });
          });
          attempt('the dompurify policy name again', () => {
            tt.createPolicy('dompurify', { createHTML: (s: string) => s });
          });
          resolve(outcomes);
        }, 0);
      }),
  );
  await page.waitForTimeout(500);
  console.log(
    `Sinks refused ${results.refused} raw payload insertions; DOM attempts: ${JSON.stringify(attempts)}`,
  );
  for (const name of [
    'script text',
    'script src',
    'eval',
    'Function',
    'another Trusted Types policy',
    'the dompurify policy name again',
  ]) {
    expect([name, attempts[name]]).toEqual([name, expect.stringMatching(/^refused/)]);
  }
  expect(await flag(page)).toBeNull();
  expect(seen.dialogs).toEqual([]);
  expect(seen.outside).toEqual([]);
});

test.describe('control', () => {
  // Many bare pages at once on a loaded machine have crashed Chromium itself; one retry.
  test.describe.configure({ retries: 1 });

  test('the corpus is live: in a page without Margin’s defenses, payloads do run', async () => {
    test.setTimeout(300_000);
    // A bare page is exactly where a payload may bring a whole browser down: each worker has a
    // browser of its own, relaunched after a crash.
    const launch = () => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const freshContext = async (own: Browser): Promise<BrowserContext> => {
      const context = await own.newContext();
      await context.route('**/*', (route) => route.abort());
      return context;
    };
    const runs = async (context: BrowserContext, payload: XssPayload): Promise<boolean> => {
      // A page each: some payloads navigate away or never finish loading.
      const page = await context.newPage();
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page
        .setContent(xssPage(payload), { waitUntil: 'domcontentloaded', timeout: 2_000 })
        .catch(() => undefined);
      await page.waitForTimeout(100);
      const ran = await page
        .evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined)
        .catch(() => false);
      await page.close().catch(() => undefined);
      return ran || dialogs > 0;
    };
    let live = 0;
    let crashes = 0;
    const queue = [...XSS_PAYLOADS];
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        let own = await launch();
        let context = await freshContext(own);
        for (let payload = queue.shift(); payload; payload = queue.shift()) {
          let ran = false;
          try {
            ran = await runs(context, payload);
          } catch {
            crashes++;
            await own.close().catch(() => undefined);
            own = await launch();
            context = await freshContext(own);
          }
          if (ran) live++;
        }
        await own.close();
      }),
    );
    console.log(
      `Unprotected control: ${live} of ${XSS_PAYLOADS.length} payloads run in a bare page (browser crashes: ${crashes})`,
    );
    // Not all can (some target old browsers or need a click), but the corpus must bite.
    expect(live).toBeGreaterThan(XSS_PAYLOADS.length / 4);
  });
});
