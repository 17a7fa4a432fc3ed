import { externalLinkTarget } from '../common/external-links';
import { isBundleUrl, parseUrl } from './app-url';

/**
 * What the window may navigate to, open, or fetch. Pure so each rule has a unit test; the
 * Electron wiring lives in security.ts.
 */

/** In-window navigation stays inside the bundle; anything else is blocked. */
export function isAllowedNavigation(url: string): boolean {
  return isBundleUrl(url);
}

/**
 * Links the user may open in the system browser: http(s) with a host and no embedded
 * credentials. Everything else (file:, javascript:, custom schemes that launch other apps) is
 * refused, since shell.openExternal would hand it to the OS.
 */
export function isAllowedExternalUrl(url: string): boolean {
  return externalLinkTarget(url) !== null;
}

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * The app is offline by design: the renderer never talks to the network, so any request that
 * would leave the machine is cancelled (an imported article cannot phone home through an image).
 */
export function isBlockedRequest(url: string): boolean {
  const parsed = parseUrl(url);
  // Unparseable URLs never reach a handler we trust, so refuse them too.
  if (parsed === null) return true;
  return NETWORK_PROTOCOLS.has(parsed.protocol);
}

/**
 * "Copy as Markdown" writes the clipboard; nothing else is ever granted: camera, microphone,
 * notifications, geolocation, clipboard reading, MIDI, HID, serial, fullscreen requests, ….
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isGrantedPermission(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}
