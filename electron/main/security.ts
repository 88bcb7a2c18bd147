import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './policy/app-origin';
import { decideNavigation, decideWindowOpen, type NavigationDecision } from './policy/navigation';
import { decidePermission } from './policy/permissions';

export type SecurityOptions = {
  /** Set only in development (electron-vite's ELECTRON_RENDERER_URL): the loopback dev server. */
  devServerUrl: string | undefined;
};

const openExternally = (decision: NavigationDecision): void => {
  if (decision.action !== 'open-external') return;
  // decision.url passed isSafeExternalUrl (http, https, mailto; no credentials or control characters).
  shell.openExternal(decision.url).catch((error: unknown) => { // eng-disable OPEN_EXTERNAL_JS_CHECK
    console.warn('Could not open an external link:', error instanceof Error ? error.message : error);
  });
};

/** Navigation, new windows and webviews for one WebContents: nothing leaves the app's own origin. */
const hardenWebContents = (contents: WebContents, options: SecurityOptions): void => {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, options.devServerUrl);
    if (decision.action === 'allow') return;
    event.preventDefault();
    openExternally(decision);
  });
  // Sub-frames and server redirects may stay inside the app, never go anywhere else.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, options.devServerUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(decideWindowOpen(url));
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
};

/** Applies to every WebContents the app ever creates, including ones nobody planned for. */
export const installSecurityPolicy = (options: SecurityOptions): void => {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
};

/** Permission requests and checks: denied unless the policy grants them to the app's own origin. */
export const hardenSession = (target: Session, options: SecurityOptions): void => {
  target.setPermissionRequestHandler((contents, permission, callback, details) => {
    const origin = details.requestingUrl || contents.getURL();
    callback(decidePermission(permission, origin, options.devServerUrl) === 'allow');
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, options.devServerUrl) === 'allow',
  );
  // Device pickers (HID, serial, USB, Bluetooth) have nothing to offer a freelancer's workspace.
  target.setDevicePermissionHandler(() => false);
};
