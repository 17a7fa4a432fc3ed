import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarginError } from '../../../electron/common/errors';
import { appPaths } from '../../../electron/main/app-paths';
import { isMenuAction, MENU_ACTIONS } from '../../../electron/common/ipc-channels';
import { safeFileName } from '../../../electron/main/file-names';
import { startupErrorMessage } from '../../../electron/main/startup-errors';

describe('safeFileName', () => {
  it.each([
    ['My notes.md', 'My notes.md'],
    ['../../etc/passwd', '-..-etc-passwd'],
    ['C:\\Windows\\x.md', 'C--Windows-x.md'],
    ['a<b>c:d"e|f?g*h.md', 'a-b-c-d-e-f-g-h.md'],
    ['line\nbreak.md', 'line-break.md'],
    ['...', 'notes.md'],
    ['', 'notes.md'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('caps the length', () => {
    expect(safeFileName(`${'x'.repeat(500)}.md`).length).toBeLessThanOrEqual(200);
  });
});

describe('startupErrorMessage', () => {
  it('explains a corrupt library in plain words and says the file was left alone', () => {
    const { title, content } = startupErrorMessage(
      new MarginError('corrupt-library', 'library.json is not valid JSON.'),
      '/home/u/lib',
    );
    expect(title).toBe('Margin cannot open your library');
    expect(content).toContain(path.join('/home/u/lib', 'library.json'));
    expect(content).toContain('library.json is not valid JSON.');
    expect(content).toContain('left as it was');
  });

  it('reports other failures with the folder', () => {
    const { title, content } = startupErrorMessage(new Error('EACCES: permission denied'), '/x');
    expect(title).toBe('Margin could not start');
    expect(content).toContain('/x');
    expect(content).toContain('EACCES');
  });
});

describe('appPaths', () => {
  it('finds the built pieces under the app root', () => {
    const paths = appPaths('/opt/Margin/resources/app.asar');
    expect(paths.rendererDir).toBe(path.join('/opt/Margin/resources/app.asar', 'dist', 'renderer'));
    expect(paths.preloadPath).toBe(
      path.join('/opt/Margin/resources/app.asar', 'dist', 'preload', 'preload.cjs'),
    );
  });
});

describe('menu actions', () => {
  it('accepts only the known actions', () => {
    for (const action of MENU_ACTIONS) expect(isMenuAction(action)).toBe(true);
    expect(isMenuAction('quit')).toBe(false);
    expect(isMenuAction(1)).toBe(false);
  });
});
