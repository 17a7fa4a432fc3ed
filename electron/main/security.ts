import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isBlockedRequest, isGrantedPermission } from './navigation-policy';

/**
 * Session-wide lockdown: no permissions (camera, notifications, clipboard read, …) and no
 * network. The UI only ever talks to `app://bundle` and the main process.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isGrantedPermission(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isGrantedPermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: isBlockedRequest(details.url) });
  });
}

/**
 * Applied to every WebContents the app creates: links never navigate the window away from the
 * bundle, never open new windows (the UI opens links through `marginShell.openExternal`), and
 * <webview> cannot be attached.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
