import { isAppUrl } from './app-origin';

/** What the main process knows about the frame an IPC message came from. */
export type SenderFrameFacts = {
  /** The frame's current URL; undefined when the frame is already gone. */
  url: string | undefined;
  /** A top-level frame, not an iframe inside the page. */
  isMainFrame: boolean;
  /** The frame belongs to one of the windows this app created. */
  isOwnWindow: boolean;
};

/** IPC is only taken from the top frame of the app's own windows while they show the app's own page. */
export const isTrustedSender = (sender: SenderFrameFacts, devServerUrl?: string): boolean =>
  sender.isOwnWindow && sender.isMainFrame && sender.url !== undefined && isAppUrl(sender.url, devServerUrl);
