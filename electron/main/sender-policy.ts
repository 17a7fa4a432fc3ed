import { isBundleUrl } from './app-url';

/** What the main process knows about who sent an IPC message. */
export interface SenderInfo {
  /** `webContents.id` of the sender. */
  senderId: number;
  /** `webContents.id` of our main window, or null when there is none. */
  windowContentsId: number | null;
  /** False when the sending frame is gone or is a subframe. */
  isMainFrame: boolean;
  /** URL of the sending frame; null when the frame is gone. */
  frameUrl: string | null;
}

/**
 * Only the main frame of our own window, showing our own bundle, may call the API. A subframe
 * (an iframe an article managed to get in) or a page that was navigated elsewhere may not.
 */
export function isTrustedSender(sender: SenderInfo): boolean {
  return (
    sender.windowContentsId !== null &&
    sender.senderId === sender.windowContentsId &&
    sender.isMainFrame &&
    sender.frameUrl !== null &&
    isBundleUrl(sender.frameUrl)
  );
}
