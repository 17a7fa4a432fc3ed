/** IPC channel names, shared by the main process and the preload. */
export const API_CHANNEL_PREFIX = 'margin:';
export const SHELL_CHANNEL_PREFIX = 'margin-shell:';
export const MENU_CHANNEL = 'margin:menu';

/** What the application menu asks the UI to do. */
export const MENU_ACTIONS = ['import', 'export-all', 'toggle-theme'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}
