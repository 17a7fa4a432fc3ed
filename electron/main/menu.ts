import { Menu, type BrowserWindow } from 'electron';
import { MENU_CHANNEL, type MenuAction } from '../common/ipc-channels';
import { buildMenuTemplate } from './menu-template';

export function installMenu(opts: {
  platform: NodeJS.Platform;
  isDev: boolean;
  window: () => BrowserWindow | null;
}): void {
  const send = (action: MenuAction): void => {
    const win = opts.window();
    if (win && !win.isDestroyed()) win.webContents.send(MENU_CHANNEL, action);
  };
  const template = buildMenuTemplate({ platform: opts.platform, isDev: opts.isDev, send });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
