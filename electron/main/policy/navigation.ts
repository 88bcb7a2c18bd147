import { isAppUrl } from './app-origin';
import { isSafeExternalUrl } from './external-url';

export type NavigationDecision = { action: 'allow' } | { action: 'deny' } | { action: 'open-external'; url: string };

/** In-page navigation: only within the app itself; a safe external link leaves through the OS instead. */
export const decideNavigation = (url: string, devServerUrl?: string): NavigationDecision => {
  if (isAppUrl(url, devServerUrl)) return { action: 'allow' };
  return isSafeExternalUrl(url) ? { action: 'open-external', url } : { action: 'deny' };
};

/** window.open and target=_blank: never a new Electron window; safe links open in the user's browser. */
export const decideWindowOpen = (url: string): NavigationDecision =>
  isSafeExternalUrl(url) ? { action: 'open-external', url } : { action: 'deny' };
