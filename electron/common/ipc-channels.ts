/** IPC channel names, shared by the main process and the preload. */
export const API_CHANNEL_PREFIX = 'margin:';
export const SHELL_CHANNEL_PREFIX = 'margin-shell:';
export const MENU_CHANNEL = 'margin:menu';

/** What the application menu asks the UI to do. */
/** What the main process asks the UI to do: menu commands, and a refresh after a hand-over import. */
export const MENU_ACTIONS = ['import', 'export-all', 'toggle-theme', 'library-changed'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}

/** Main → renderer: open an article (scrolled to a highlight), from a `margin://` link. */
export const OPEN_CHANNEL = 'margin:open';

export interface DeepLinkTarget {
  articleId: string;
  /** The highlight to scroll to; null to open the article where the reader left off. */
  highlightId: string | null;
}

/** The API's id rule (see `id` in api.ts; a test keeps the two in step). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isDeepLinkTarget(value: unknown): value is DeepLinkTarget {
  if (typeof value !== 'object' || value === null) return false;
  const { articleId, highlightId } = value as Record<string, unknown>;
  return (
    typeof articleId === 'string' &&
    ID.test(articleId) &&
    (highlightId === null || (typeof highlightId === 'string' && ID.test(highlightId)))
  );
}
