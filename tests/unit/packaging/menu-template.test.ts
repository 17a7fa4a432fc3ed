import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuAction } from '../../../electron/common/ipc-channels';
import { buildMenuTemplate } from '../../../electron/main/menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function build(platform: NodeJS.Platform, isDev: boolean) {
  const sent: MenuAction[] = [];
  const template = buildMenuTemplate({ platform, isDev, send: (action) => sent.push(action) });
  return { template, items: flatten(template), sent };
}

function click(item: MenuItemConstructorOptions | undefined): void {
  // The menu passes (menuItem, window, event); the template's handlers ignore them.
  const handler = item?.click as (() => void) | undefined;
  if (!handler) throw new Error(`menu item ${item?.label} has no click handler`);
  handler();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help menus', () => {
    const { template } = build('linux', false);
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('sends import, export-all and toggle-theme to the UI', () => {
    const { items, sent } = build('linux', false);
    click(items.find((item) => item.label === 'Import…'));
    click(items.find((item) => item.label === 'Export all notes…'));
    click(items.find((item) => item.label === 'Toggle Dark Theme'));
    expect(sent).toEqual(['import', 'export-all', 'toggle-theme']);
  });

  it('offers Quit and the edit roles', () => {
    const roles = build('win32', false).items.map((item) => item.role);
    expect(roles).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('only has reload and DevTools in development', () => {
    const prodRoles = build('linux', false).items.map((item) => item.role);
    expect(prodRoles).not.toContain('reload');
    expect(prodRoles).not.toContain('forceReload');
    expect(prodRoles).not.toContain('toggleDevTools');
    const devRoles = build('linux', true).items.map((item) => item.role);
    expect(devRoles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('adds the app menu on macOS', () => {
    const { template } = build('darwin', false);
    expect(template[0]?.role).toBe('appMenu');
  });

  it('does not send anything until clicked', () => {
    const send = vi.fn();
    buildMenuTemplate({ platform: 'linux', isDev: true, send });
    expect(send).not.toHaveBeenCalled();
  });
});
