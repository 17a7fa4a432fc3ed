import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MarginError } from '../../../electron/common/errors';
import { ParsePool } from '../../../electron/core/import/parse-pool';
import { runParseTask, type ParseTask } from '../../../electron/core/import/parse-task';
import { margin } from '../cli/run-margin';
import { tempDir, tempLibrary, textFile } from '../../support/library';
import { articlePage } from '../../support/saved-pages';

const pools: ParsePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(...args: ConstructorParameters<typeof ParsePool>): ParsePool {
  const made = new ParsePool(...args);
  pools.push(made);
  return made;
}

const page: ParseTask = {
  kind: 'page',
  html: articlePage('The Quiet Harbour Nobody Visits', '<p>Boats <b>come</b> and go.</p>'),
  url: null,
  label: 'harbour.html',
};
const withImage: ParseTask = { ...page, html: articlePage(undefined, '<img src="a.png" alt="A">') };
const empty: ParseTask = { kind: 'file', name: 'blank.txt', bytes: new TextEncoder().encode(' ') };

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('should have failed');
    },
    (error: unknown) => error,
  );
}

describe('the import worker pool', () => {
  it('parses pages on worker threads exactly as in this thread', async () => {
    const workers = pool(2);
    const results = await Promise.all([page, withImage, page].map((task) => workers.run(task)));
    expect(workers.running).toBe(true); // the workers started and answered: nothing fell back
    expect(results[0]).toEqual(runParseTask(page));
    expect(results[0]!.parsed?.title).toBe('The Quiet Harbour Nobody Visits');
    expect(results[0]!.parsed?.text).toContain('Boats come and go.');
    // A page with an image comes back as a draft: the service stores the image, then finishes it.
    expect(results[1]!.parsed).toBeNull();
    expect(results[1]!.draft?.html).toContain('<img');
  }, 60_000);

  it('reports a file that fails with the same clear message as an import in place', async () => {
    const inPlace = await failureOf(Promise.resolve().then(() => runParseTask(empty)));
    const fromWorker = await failureOf(pool(1).run(empty));
    expect(fromWorker).toBeInstanceOf(MarginError);
    expect(fromWorker).toMatchObject({ code: 'import-failed' });
    expect((fromWorker as Error).message).toMatch(/^blank\.txt /);
    expect((fromWorker as Error).message).toBe((inPlace as Error).message);
  }, 60_000);

  it('parses in this thread when no worker can start', async () => {
    const missing = new URL('./no-such-worker.mjs', import.meta.url);
    const broken = pool(2, () => ({ script: missing }));
    const results = await Promise.all([page, page].map((task) => broken.run(task)));
    expect(results).toEqual([runParseTask(page), runParseTask(page)]);
    expect(broken.running).toBe(false);
    expect(await broken.run(page)).toEqual(runParseTask(page));
  }, 60_000);

  it('imports a drop of files in order, duplicates and failures included', async () => {
    const services = await tempLibrary();
    try {
      const result = await services.library.importFiles([
        textFile('one.html', articlePage('First Harbour')),
        textFile('two.txt', 'Second harbour\n\nA walk along the quay at dawn.'),
        textFile('blank.txt', ' '),
        textFile('again.html', articlePage('First Harbour')),
        textFile('three.html', articlePage('Third Harbour', '<img src="x.png" alt="X">')),
      ]);
      expect(result.imported.map((a) => a.title)).toEqual([
        'First Harbour | Harbour News',
        'Second harbour',
        'Third Harbour | Harbour News',
      ]);
      expect(result.duplicates.map((d) => d.name)).toEqual(['again.html']);
      expect(result.failed).toEqual([
        { name: 'blank.txt', reason: 'blank.txt is empty (it holds only blank space)' },
      ]);
    } finally {
      await services.close();
    }
  }, 60_000);

  it('lets the margin command exit once a multi-file import is done', async () => {
    const dir = await tempDir('margin-pool-cli-');
    const files = ['a', 'b', 'c'].map((name) => path.join(dir, `${name}.html`));
    await Promise.all(
      files.map((file, i) => writeFile(file, articlePage(`Harbour number ${i + 1}`))),
    );
    const { stdout } = await margin(path.join(dir, 'library'), 'import', ...files, '--json');
    expect(JSON.parse(stdout).map((a: { title: string }) => a.title)).toEqual([
      'Harbour number 1 | Harbour News',
      'Harbour number 2 | Harbour News',
      'Harbour number 3 | Harbour News',
    ]);
  }, 90_000);
});
