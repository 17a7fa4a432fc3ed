import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../common/ipc-channels';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and DevTools only exist while developing. */
  isDev: boolean;
  /** Forwards a menu action to the UI, which owns the import/export/theme flows. */
  send(action: MenuAction): void;
}

/** The application menu, as plain data so a test can check it without Electron. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, isDev, send } = options;
  const isMac = platform === 'darwin';

  const appMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : [];

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
      {
        label: 'Export all notes…',
        accelerator: 'CmdOrCtrl+Shift+E',
        click: () => send('export-all'),
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      {
        label: 'Toggle Dark Theme',
        accelerator: 'CmdOrCtrl+Shift+D',
        click: () => send('toggle-theme'),
      },
      { type: 'separator' },
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ role: 'about', label: 'About Margin' }],
  };

  return [...appMenu, fileMenu, editMenu, viewMenu, helpMenu];
}
