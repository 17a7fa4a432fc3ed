import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileToImport, snapshot, tempLibrary } from '../../support/library';
import { samplePath } from '../../support/paths';

describe('addHighlight (issue 18)', () => {
  it('defect 8: a quote that is not the article text at that place is refused and nothing changes', async () => {
    const services = await tempLibrary();
    const [imported] = (await services.library.importFiles([await fileToImport(samplePath)]))
      .imported;
    const id = imported!.id;
    const text = await readFile(path.join(services.libraryDir, 'articles', id, 'text.txt'), 'utf8');
    const start = text.indexOf('could constitute war crimes');
    const end = start + 'could constitute war crimes'.length;
    const before = await snapshot(services.libraryDir);

    const wrong = services.library.addHighlight({
      articleId: id,
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'words the article never says',
          prefix: '',
          suffix: '',
        },
        { type: 'TextPositionSelector', start, end },
      ],
    });
    await expect(wrong).rejects.toMatchObject({ code: 'invalid-argument' });
    const outside = services.library.addHighlight({
      articleId: id,
      selectors: [
        { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: text.length + 10, end: text.length + 11 },
      ],
    });
    await expect(outside).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(await snapshot(services.libraryDir)).toEqual(before);

    // The right quote at its place is kept, with its context described from the article's text.
    const ok = await services.library.addHighlight({
      articleId: id,
      selectors: [
        { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ],
    });
    expect(ok.selectors[0].exact).toBe('could constitute war crimes');
    expect(ok.selectors[0].prefix.length).toBeGreaterThan(0);
    await services.close();
  });
});
