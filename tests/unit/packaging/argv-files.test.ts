import { describe, expect, it } from 'vitest';
import { importableFilesFromArgv } from '../../../electron/main/argv-files';

describe('importableFilesFromArgv', () => {
  it('finds the article files a launch was given, resolved against its folder', () => {
    expect(
      importableFilesFromArgv(
        ['/opt/Margin/margin', '--library', '/lib/notes.md', 'a.txt', '/tmp/Page.HTML', 'x.pdf'],
        '/home/reader',
      ),
    ).toEqual(['/home/reader/a.txt', '/tmp/Page.HTML']);
  });

  it('ignores flags, deep links and the executable', () => {
    expect(
      importableFilesFromArgv(
        ['margin.html', '--no-sandbox', 'margin://article/abc#hl-x.html', '--flag=a.md'],
        '/',
      ),
    ).toEqual([]);
  });
});
