import { describe, expect, it } from 'vitest';
import { apiArgs } from '../../../electron/common/api';
import { highlightDeepLink } from '../../../electron/common/export/ids';
import { isDeepLinkTarget } from '../../../electron/common/ipc-channels';
import { deepLinkFromArgv, parseDeepLink } from '../../../electron/main/deep-link';

describe('parseDeepLink', () => {
  it.each([
    ['margin://article/a1', { articleId: 'a1', highlightId: null }],
    ['margin://article/a1#hl-h2', { articleId: 'a1', highlightId: 'h2' }],
    ['margin://article/Ab_-9/#hl-X_y-1', { articleId: 'Ab_-9', highlightId: 'X_y-1' }],
    ['MARGIN://article/a1#', { articleId: 'a1', highlightId: null }],
    ['margin://article/a1?from=obsidian#hl-h2', { articleId: 'a1', highlightId: 'h2' }],
  ])('reads %s', (url, target) => {
    expect(parseDeepLink(url)).toEqual(target);
  });

  it.each([
    'https://article/a1',
    'margin://doc/a1',
    'margin://Article/a1',
    'margin://article/',
    'margin://article/a1/extra',
    'margin://article/a%2F1',
    'margin://article/a1#h2',
    'margin://article/a1#hl-',
    'margin://article/a1#hl-bad id',
    'margin://article/a1#hl-%3Cscript%3E',
    'margin://user:pw@article/a1',
    'margin://article:80/a1',
    `margin://article/${'a'.repeat(65)}`,
    `margin://article/a1#hl-${'h'.repeat(3000)}`,
    'margin:article/a1',
    'not a url',
  ])('ignores %s', (url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('reads back every link the export writes', () => {
    for (const [articleId, highlightId] of [
      ['a', 'b'],
      ['x'.repeat(64), 'Z-9_z'],
    ] as const) {
      expect(parseDeepLink(highlightDeepLink(articleId, highlightId))).toEqual({
        articleId,
        highlightId,
      });
    }
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link among other arguments, the last one winning', () => {
    const argv = [
      'C:\\Margin\\Margin.exe',
      '--allow-file-access-from-files',
      'margin://article/a1',
      'margin://article/a2#hl-h3',
    ];
    expect(deepLinkFromArgv(argv)).toEqual({ articleId: 'a2', highlightId: 'h3' });
    expect(deepLinkFromArgv(['/usr/bin/margin', '--library', '/lib'])).toBeNull();
    expect(deepLinkFromArgv(['margin', 'margin://evil/x'])).toBeNull();
  });
});

describe('isDeepLinkTarget (the preload check) agrees with the API on ids', () => {
  it.each(['a', 'A-z_0', 'x'.repeat(64), '', 'x'.repeat(65), 'a b', 'a/b', 'é', '#', 'a.b'])(
    '%j',
    (id) => {
      const api = apiArgs.getArticle.safeParse([id]).success;
      expect(isDeepLinkTarget({ articleId: id, highlightId: null })).toBe(api);
      expect(isDeepLinkTarget({ articleId: 'a', highlightId: id })).toBe(api);
    },
  );

  it('refuses anything but the two fields', () => {
    expect(isDeepLinkTarget(null)).toBe(false);
    expect(isDeepLinkTarget({ articleId: 'a' })).toBe(false);
    expect(isDeepLinkTarget({ articleId: 'a', highlightId: 3 })).toBe(false);
  });
});
