import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../shared/domain/attention';
import { forkedChildren } from './support/utility-process-stand-in';
import { createAttentionService } from '../../../electron/main/native/attention';
import { createShellTranslator } from '../../../electron/main/native/shell-i18n';
import {
  decideNoticeClick,
  describeIndicators,
  drawOverlayDot,
  hasTray,
  keepsRunningWithoutWindows,
  linuxAutostartEntry,
  supportsLoginItems,
} from '../../../electron/main/policy/attention-policy';
import { listMenuLabels } from '../../../electron/main/policy/menu-model';

// Main's side of the utility process: messages the core posts arrive as its 'message' events.
vi.mock('electron', async () => (await import('./support/utility-process-stand-in')).electronStandIn);

const { startCoreProcess } = await import('../../../electron/main/core-process');

/** Main's wiring (electron/main/index.ts): the core's notices go to the attention service, unread and background to main. */
const setUp = () => {
  const shown: { title: string; body: string; tag: string }[] = [];
  const opened: Notice[] = [];
  const unread: number[] = [];
  const background: unknown[] = [];
  const attention = createAttentionService(
    {
      notify: (notification, onClick) => {
        shown.push(notification);
        onClick();
      },
    },
    { t: createShellTranslator('it'), open: (notice) => opened.push(notice) },
  );
  startCoreProcess({
    entryPath: 'core.js',
    dataDir: '/tmp/none',
    version: '1.0.0',
    platformUrl: null,
    onRestarted: () => undefined,
    onFatal: () => undefined,
    updateState: () => ({ currentVersion: '1.0.0', channel: 'stable', status: { phase: 'idle' } }),
    onLanguage: () => undefined,
    onNotices: (notices) => attention.showNotices(notices),
    onUnread: (totals) => unread.push(totals.messages),
    onBackground: (settings) => background.push(settings),
    onHostRequest: async () => null,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return { core: forkedChildren.at(-1)!, attention, shown, opened, unread, background };
};

describe('native notifications, from the core’s message to the desktop', () => {
  it('shows each notice in the app’s language, tagged per item, and a click opens its item', () => {
    const { core, attention, shown, opened } = setUp();
    const message: Notice = { kind: 'message', threadId: 'thr_1', count: 2 };
    const searches: Notice = { kind: 'searchMatches', searches: 3, count: 30, searchId: null };
    core.emit('message', { type: 'notices', notices: [message, searches] });
    attention.setTranslator(createShellTranslator('de'));
    core.emit('message', { type: 'notices', notices: [{ kind: 'proposalStatus', proposalId: 'prp_1', status: 'awarded' }] });
    expect(shown).toEqual([
      { title: 'Nuovo messaggio', body: '2 nuovi messaggi in una conversazione', tag: 'bottega:message:thr_1' },
      { title: 'Nuovi progetti per le tue ricerche', body: '30 nuovi progetti corrispondono a 3 delle tue ricerche salvate', tag: 'bottega:searchMatches' },
      { title: 'Neuigkeiten zu Ihrem Angebot', body: 'Ihr Angebot hat den Zuschlag erhalten.', tag: 'bottega:proposalStatus:prp_1' },
    ]);
    expect(opened).toEqual([message, searches, { kind: 'proposalStatus', proposalId: 'prp_1', status: 'awarded' }]);
  });

  it('shows nothing for messages the contract refuses, and passes unread totals and background settings on', () => {
    const { core, shown, unread, background } = setUp();
    core.emit('message', { type: 'notices', notices: [] });
    core.emit('message', { type: 'notices', notices: [{ kind: 'message', threadId: 'thr_1', count: 0 }] });
    core.emit('message', { type: 'notices', notices: [{ kind: 'message', threadId: 'thr_1', count: 1, text: 'Click here to win' }, { kind: 'unknown' }] });
    core.emit('message', { type: 'unread', totals: { messages: 4, threads: 2 } });
    core.emit('message', { type: 'unread', totals: { messages: -1, threads: 0 } });
    core.emit('message', { type: 'background', settings: { closeToTray: false, launchAtLogin: true } });
    expect(shown).toEqual([]);
    expect(unread).toEqual([4]);
    expect(background).toEqual([{ closeToTray: false, launchAtLogin: true }]);
  });
});

describe('the desktop’s attention policy', () => {
  it('keeps running with every window closed where the tray shows and close-to-tray is on (by default), and on macOS', () => {
    expect(keepsRunningWithoutWindows({ platform: 'win32', trayShown: true, closeToTray: null })).toBe(true);
    expect(keepsRunningWithoutWindows({ platform: 'linux', trayShown: true, closeToTray: true })).toBe(true);
    expect(keepsRunningWithoutWindows({ platform: 'linux', trayShown: true, closeToTray: false })).toBe(false);
    // No tray to come back from (a desktop without one): closing quits.
    expect(keepsRunningWithoutWindows({ platform: 'linux', trayShown: false, closeToTray: true })).toBe(false);
    expect(keepsRunningWithoutWindows({ platform: 'darwin', trayShown: false, closeToTray: false })).toBe(true);
    expect([hasTray('darwin'), hasTray('win32'), hasTray('linux')]).toEqual([false, true, true]);
    expect([supportsLoginItems('darwin'), supportsLoginItems('win32'), supportsLoginItems('linux')]).toEqual([true, true, false]);
  });

  it('puts the unread count on the badge, on Windows’ taskbar overlay, in the tray’s tooltip and menu', () => {
    const t = createShellTranslator('fr');
    expect(describeIndicators(t, 3, 'darwin')).toEqual({
      badgeCount: 3,
      overlayDescription: null,
      trayTooltip: 'Bottega : 3 messages non lus',
      trayMenu: expect.any(Array),
    });
    expect(describeIndicators(t, 3, 'win32').overlayDescription).toBe('3 messages non lus');
    expect(listMenuLabels(describeIndicators(t, 3, 'linux').trayMenu)).toEqual(['3 messages non lus', 'Ouvrir Bottega', 'Rechercher des mises à jour', 'Quitter']);
    expect(describeIndicators(t, 3, 'linux').trayMenu[0]).toMatchObject({ action: 'open-messages' });
    const none = describeIndicators(t, 0, 'win32');
    expect(none).toMatchObject({ badgeCount: 0, overlayDescription: null, trayTooltip: 'Bottega' });
    expect(listMenuLabels(none.trayMenu)[0]).toBe('Aucun message non lu');
    expect(describeIndicators(t, Number.NaN, 'darwin').badgeCount).toBe(0);
    expect(describeIndicators(t, 1e9, 'darwin').badgeCount).toBe(9_999);
  });

  it('opens a clicked notice in the open window, or a new window on its route when none is open', () => {
    const notice: Notice = { kind: 'firstReply', threadId: 'thr_7' };
    expect(decideNoticeClick(notice, true)).toEqual({ kind: 'focus-and-open', notice });
    expect(decideNoticeClick(notice, false)).toEqual({ kind: 'open-window', hash: '#/messages/thr_7' });
    expect(decideNoticeClick({ kind: 'searchMatches', searches: 1, count: 4, searchId: 9 }, false)).toEqual({ kind: 'open-window', hash: '#/feed/saved/9' });
  });

  it('draws the overlay dot: opaque in the middle, clear in the corners', () => {
    const pixels = drawOverlayDot(16);
    expect(pixels).toHaveLength(16 * 16 * 4);
    const alphaAt = (x: number, y: number): number => pixels[(y * 16 + x) * 4 + 3]!;
    expect(alphaAt(8, 8)).toBe(255);
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(15, 15)).toBe(0);
  });

  it('launches at login on Linux through an autostart entry that starts the AppImage, quoted as the spec says', () => {
    expect(linuxAutostartEntry({ HOME: '/home/anna' }, '/opt/Bottega/bottega')).toEqual({
      file: '/home/anna/.config/autostart/bottega.desktop',
      content: '[Desktop Entry]\nType=Application\nName=Bottega\nExec="/opt/Bottega/bottega"\nX-GNOME-Autostart-enabled=true\n',
    });
    const appImage = linuxAutostartEntry({ HOME: '/home/anna', XDG_CONFIG_HOME: '/home/anna/.cfg', APPIMAGE: '/home/anna/Apps/Bottega $1 "x".AppImage' }, '/tmp/.mount_x/bottega');
    expect(appImage?.file).toBe('/home/anna/.cfg/autostart/bottega.desktop');
    expect(appImage?.content).toContain('Exec="/home/anna/Apps/Bottega \\$1 \\"x\\".AppImage"\n');
    // Relative paths are not trusted: no entry rather than one that starts something else.
    expect(linuxAutostartEntry({ HOME: 'relative' }, '/opt/Bottega/bottega')).toBeNull();
  });
});
