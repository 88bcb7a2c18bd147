import { describe, expect, it } from 'vitest';
import { decideCoreRestart, defaultRestartPolicy } from '../../../electron/main/policy/core-restart';
import { isTrustedSender } from '../../../electron/main/policy/ipc-sender';
import { decideNavigation, decideWindowOpen } from '../../../electron/main/policy/navigation';
import { decidePermission } from '../../../electron/main/policy/permissions';
import { secureWebPreferences } from '../../../electron/main/policy/web-preferences';

describe('decidePermission', () => {
  it('allows notifications to the app origin', () => {
    expect(decidePermission('notifications', 'app://bottega')).toBe('allow');
    expect(decidePermission('notifications', 'app://bottega/index.html')).toBe('allow');
    expect(decidePermission('notifications', 'http://localhost:5173', 'http://localhost:5173')).toBe('allow');
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'fullscreen', 'pointerLock', 'unknown', '', 'NOTIFICATIONS'])(
    'denies %s even to the app',
    (permission) => expect(decidePermission(permission, 'app://bottega')).toBe('deny'),
  );

  it.each(['https://evil.example', 'app://evil', 'file:///', '', 'null', 'http://localhost:5173'])(
    'denies notifications to %s',
    (origin) => expect(decidePermission('notifications', origin)).toBe('deny'),
  );
});

describe('navigation', () => {
  it('allows in-app navigation', () => {
    expect(decideNavigation('app://bottega/index.html#/messages')).toEqual({ action: 'allow' });
  });

  it('sends safe external links to the OS, denies everything else', () => {
    expect(decideNavigation('https://example.com/project/1')).toEqual({ action: 'open-external', url: 'https://example.com/project/1' });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(decideNavigation('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(decideNavigation('http://localhost:5173/')).toEqual({ action: 'open-external', url: 'http://localhost:5173/' });
  });

  it('never opens a new app window', () => {
    expect(decideWindowOpen('app://bottega/index.html')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('about:blank')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('mailto:a@example.com')).toEqual({ action: 'open-external', url: 'mailto:a@example.com' });
  });
});

describe('isTrustedSender', () => {
  const good = { url: 'app://bottega/index.html', isMainFrame: true, isOwnWindow: true };

  it('trusts the main frame of our window on our page', () => {
    expect(isTrustedSender(good)).toBe(true);
  });

  it.each([
    { ...good, isMainFrame: false },
    { ...good, isOwnWindow: false },
    { ...good, url: undefined },
    { ...good, url: 'https://evil.example/' },
    { ...good, url: 'http://localhost:5173/' },
  ])('refuses %j', (sender) => expect(isTrustedSender(sender)).toBe(false));

  it('trusts the dev server only in development', () => {
    expect(isTrustedSender({ ...good, url: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(true);
  });
});

describe('decideCoreRestart', () => {
  it('restarts with exponential backoff', () => {
    expect(decideCoreRestart([1000], 1000)).toEqual({ restart: true, delayMs: 250 });
    expect(decideCoreRestart([1000, 2000], 2000)).toEqual({ restart: true, delayMs: 500 });
    expect(decideCoreRestart([1000, 2000, 3000], 3000)).toEqual({ restart: true, delayMs: 1000 });
  });

  it('forgets crashes outside the window', () => {
    expect(decideCoreRestart([0, 1, 2, 3, 200_000], 200_000)).toEqual({ restart: true, delayMs: 250 });
  });

  it('gives up on a crash loop', () => {
    const times = [1, 2, 3, 4, 5].map((n) => n * 1000);
    const decision = decideCoreRestart(times, 5000);
    expect(decision.restart).toBe(false);
    if (!decision.restart) expect(decision).toEqual({ restart: false, crashes: 5, seconds: 60 });
  });

  it('caps the delay', () => {
    const policy = { ...defaultRestartPolicy, maxCrashes: 100 };
    const times = Array.from({ length: 50 }, (_, index) => index);
    expect(decideCoreRestart(times, 50, policy)).toEqual({ restart: true, delayMs: policy.maxDelayMs });
  });
});

describe('secureWebPreferences', () => {
  it('follows Electron’s security checklist', () => {
    expect(secureWebPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(secureWebPreferences).not.toHaveProperty('enableBlinkFeatures');
  });
});
