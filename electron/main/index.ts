import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, nativeImage, nativeTheme, Notification, powerMonitor, session, shell, type IpcMainEvent, type Tray } from 'electron';
import type { HostRequest } from '../core/host-messages';
import type { DeepLinkTarget, UpdateState } from '../../shared/contract/updates';
import type { Locale } from '../../shared/i18n/locales';
import type { BackgroundSettings } from '../../shared/contract/attention';
import type { Notice } from '../../shared/domain/attention';
import { isAllowedSignInPage } from '../../shared/domain/sign-in-pages';
import { portChannel, portRequestChannel } from '../port-handshake';
import { applyDevServerHeaders, registerAppScheme, serveRendererFromAppProtocol } from './app-protocol';
import { startCoreProcess, type CoreProcess } from './core-process';
import { createAttentionService, type AttentionService } from './native/attention';
import { installContextMenu } from './native/context-menu';
import { logger, logFolder, offerProblemReport, startCrashReporting } from './native/crash-reporting';
import { createTray, installApplicationMenu, updateTray, type MenuActions } from './native/menus';
import { createShellTranslator, resolveShellLocale } from './native/shell-i18n';
import { loadWindowPlacement, rememberWindowState } from './native/window-state-store';
import { devServerOrigin } from './policy/app-origin';
import { defaultPlatformUrl, resolvePlatformUrl } from './policy/platform-url';
import { findDeepLink, parseDeepLink } from './policy/deep-link';
import { fatalDialog, type FatalProblem } from './policy/fatal-dialog';
import { isTrustedSender } from './policy/ipc-sender';
import {
  appUserModelId,
  decideNoticeClick,
  describeIndicators,
  drawOverlayDot,
  keepsRunningWithoutWindows,
  linuxAutostartEntry,
  supportsLoginItems,
} from './policy/attention-policy';
import { buildApplicationMenu, buildTrayMenu, type Translate } from './policy/menu-model';
import { chooseThemeSource, chooseWindowBackground } from './policy/native-theme';
import { chooseSpellcheckerLanguages } from './policy/spellcheck-languages';
import { describeSafeStorage, safeStorageCipher } from './secrets/safe-storage-cipher';
import { createTokenVault } from './secrets/token-vault';
import { hardenSession, installSecurityPolicy } from './security';
import { startUpdaterService, type UpdaterService } from './updates/updater-service';
import { createMainWindow } from './window';

// electron-vite sets ELECTRON_RENDERER_URL only under `electron-vite dev`; a packaged app never has it.
const devServerUrl = !app.isPackaged && devServerOrigin(process.env['ELECTRON_RENDERER_URL']) ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const builtDir = import.meta.dirname;
const paths = {
  preload: path.join(builtDir, '../preload/index.cjs'),
  coreEntry: path.join(builtDir, 'core.js'),
  renderer: path.join(builtDir, '../renderer'),
  // electron-builder copies resources/icon.png next to the app (extraResources); in development it is in the tree.
  icon: app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(builtDir, '../../resources/icon.png'),
};

const windows = new Set<BrowserWindow>();
let core: CoreProcess | undefined;
let updater: UpdaterService | undefined;
let tray: Tray | undefined;
let attention: AttentionService | undefined;
let quitting = false;
let languageSetting: Locale | null = null;
let locale: Locale = 'en';
let t: Translate = createShellTranslator('en');
/** A deep link that arrived before a window could show it (cold start, macOS open-url before ready). */
let pendingDeepLink: DeepLinkTarget | undefined = findDeepLink(process.argv);
let warnedPlainText = false;
/** Unread messages of unmuted threads (the core reports them); null until it has. */
let unread: number | null = null;
let background: BackgroundSettings = { closeToTray: null, launchAtLogin: false };

const mainWindow = (): BrowserWindow | undefined => [...windows][0];

const openWindow = (hash?: string): BrowserWindow => {
  const userData = app.getPath('userData');
  const window = createMainWindow({
    preloadPath: paths.preload,
    devServerUrl,
    placement: loadWindowPlacement(userData),
    iconPath: paths.icon,
    hash,
    backgroundColor: chooseWindowBackground(nativeTheme.shouldUseDarkColors),
  });
  rememberWindowState(window, userData);
  installContextMenu(window, () => t);
  windows.add(window);
  // A window again: the sync goes back to its active cadence (the renderer then reports its own state).
  if (windows.size === 1) core?.sendActivity('active');
  // Windows' overlay belongs to the window's taskbar button: a new window gets it too.
  window.once('ready-to-show', applyIndicators);
  window.on('closed', () => {
    windows.delete(window);
    // Closed to the tray: sync and notifications go on, at the quieter background cadence.
    if (windows.size === 0) core?.sendActivity('background');
  });
  // The renderer subscribes once it has loaded; hand it a deep link that was waiting.
  window.webContents.on('did-finish-load', () => {
    if (pendingDeepLink && core) {
      core.sendDeepLink(pendingDeepLink);
      pendingDeepLink = undefined;
    }
  });
  return window;
};

const focusWindow = (): BrowserWindow => {
  const window = mainWindow();
  if (!window) return openWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return window;
};

/** Deep links are validated here; only a parsed target ever reaches the core and the renderer. */
const openDeepLink = (target: DeepLinkTarget | undefined): void => {
  if (!target) return;
  if (!app.isReady() || !core || windows.size === 0) {
    pendingDeepLink = target;
    return;
  }
  focusWindow();
  core.sendDeepLink(target);
};

/** The one IPC message the main process takes: a page of ours asking for its port to the core. */
const handlePortRequest = (event: IpcMainEvent): void => {
  const frame = event.senderFrame;
  const owner = BrowserWindow.fromWebContents(event.sender);
  const trusted = isTrustedSender(
    { url: frame?.url, isMainFrame: frame !== null && frame.parent === null, isOwnWindow: owner !== null && windows.has(owner) },
    devServerUrl,
  );
  if (!frame || !owner || !trusted || !core) {
    logger.warn('Refused a port request from an untrusted or unknown frame.');
    return;
  }
  frame.postMessage(portChannel, null, [core.openChannel(owner.id)]);
};

/** Before the core has said which language the app uses, the system's: a fatal error may come first. */
const translateFatal = (): Translate => createShellTranslator(resolveShellLocale(languageSetting, app.getPreferredSystemLanguages()));

const failHard = (problem: FatalProblem): void => {
  if (quitting) return;
  const { title, content } = fatalDialog(translateFatal(), problem);
  dialog.showErrorBox(title, content);
  app.quit();
};

const showInfo = (message: string): void => {
  const window = mainWindow();
  const options = { type: 'info' as const, title: 'Bottega', message, buttons: [t('dialogs.ok')] };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
};

const checkForUpdatesFromMenu = async (): Promise<void> => {
  if (!updater) return;
  const state: UpdateState = await updater.checkNow();
  if (state.status.phase === 'unsupported') showInfo(t('dialogs.updatesUnsupported'));
  if (state.status.phase === 'up-to-date') showInfo(t('dialogs.upToDate', { version: state.currentVersion }));
  // Downloading, ready and failed show in the window's update banner.
};

const menuActions: MenuActions = {
  'check-updates': () => void checkForUpdatesFromMenu(),
  'open-settings': () => {
    const window = focusWindow();
    void window.webContents.loadURL(`${devServerUrl ?? 'app://bottega/index.html'}#/settings`);
  },
  'show-logs': () => void shell.openPath(logFolder()),
  'send-report': () => void offerProblemReport(t, locale, mainWindow()),
  'open-window': () => void focusWindow(),
  // A notice about several conversations opens the list of them: the tray's unread line does the same.
  'open-messages': () => openNotice({ kind: 'messages', threads: 1, count: Math.max(1, unread ?? 1) }),
  quit: () => app.quit(),
};

/**
 * Sets the session's spellchecker dictionaries for these languages (macOS picks its own: nothing to set there).
 * Returns what was applied; nothing when no dictionary is offered for any of them (the current ones stay).
 */
const applySpellcheckLanguages = (languages: readonly string[]): string[] => {
  if (process.platform === 'darwin') return [];
  const chosen = chooseSpellcheckerLanguages(languages, session.defaultSession.availableSpellCheckerLanguages);
  if (chosen.length > 0) session.defaultSession.setSpellCheckerLanguages(chosen);
  return chosen;
};

/** On battery the sync polls more quietly (the core is told at start, on every change and after a restart). */
const reportPower = (): void => core?.sendPower(powerMonitor.isOnBatteryPower());

/** A notification's click: the item in the open window, or a new window straight on it. */
const openNotice = (notice: Notice): void => {
  const click = decideNoticeClick(notice, windows.size > 0);
  if (click.kind === 'open-window') {
    openWindow(click.hash);
    return;
  }
  focusWindow();
  core?.openNotice(click.notice);
};

/** Badge (dock, launcher), Windows' taskbar overlay, the tray's tooltip and menu follow the unread count. */
const applyIndicators = (): void => {
  const indicators = describeIndicators(t, unread ?? 0, process.platform);
  app.setBadgeCount(indicators.badgeCount);
  if (process.platform === 'win32') {
    const overlay = indicators.overlayDescription === null ? null : nativeImage.createFromBitmap(drawOverlayDot(), { width: 16, height: 16 });
    for (const window of windows) window.setOverlayIcon(overlay, indicators.overlayDescription ?? '');
  }
  // Until the core has counted, the tray's menu has no count line.
  if (tray) updateTray(tray, unread === null ? buildTrayMenu(t) : indicators.trayMenu, menuActions, indicators.trayTooltip);
};

const applyLinuxAutostart = (enabled: boolean): void => {
  const entry = linuxAutostartEntry(process.env, process.execPath);
  if (!entry) return;
  try {
    if (enabled) {
      mkdirSync(path.dirname(entry.file), { recursive: true });
      writeFileSync(entry.file, entry.content);
    } else {
      rmSync(entry.file, { force: true });
    }
  } catch (error) {
    logger.warn('Could not change the autostart entry', error);
  }
};

/** Close to tray and launch at login, as the core holds them. */
const applyBackground = (settings: BackgroundSettings): void => {
  background = settings;
  // A development build would register the bare Electron binary: only a packaged app goes to the login items.
  if (!app.isPackaged) return;
  if (supportsLoginItems(process.platform)) app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin });
  if (process.platform === 'linux') applyLinuxAutostart(settings.launchAtLogin);
};

/**
 * The theme setting drives Electron's own: menus, dialogs and the title bar follow a chosen light or dark, and the
 * windows' background matches what the renderer paints (also when "system" flips with the OS).
 */
const applyTheme = (theme: unknown): void => {
  nativeTheme.themeSource = chooseThemeSource(theme);
  applyWindowBackgrounds();
};

const applyWindowBackgrounds = (): void => {
  const color = chooseWindowBackground(nativeTheme.shouldUseDarkColors);
  for (const window of windows) window.setBackgroundColor(color);
};

/** Menus, tray, notifications and the spellchecker speak the app's language (the core's setting). */
const applyLanguage = (): void => {
  locale = resolveShellLocale(languageSetting, app.getPreferredSystemLanguages());
  t = createShellTranslator(locale);
  installApplicationMenu(buildApplicationMenu(t, { platform: process.platform, development: !app.isPackaged }), menuActions);
  applyIndicators();
  attention?.setTranslator(t);
  // Until a letter takes focus and asks for its own language.
  applySpellcheckLanguages([locale]);
};

const warnPlainTextStorageOnce = (): void => {
  if (warnedPlainText || describeSafeStorage().level !== 'plain-text') return;
  warnedPlainText = true;
  const window = mainWindow();
  const options = { type: 'warning' as const, title: t('dialogs.plainTextTitle'), message: t('dialogs.plainTextTitle'), detail: t('dialogs.plainTextMessage'), buttons: [t('dialogs.ok')] };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
};

const start = async (): Promise<void> => {
  await app.whenReady();
  const options = { devServerUrl };
  hardenSession(session.defaultSession, options);
  if (devServerUrl) applyDevServerHeaders(devServerUrl, process.env['BOTTEGA_DEV_CSP_NONCE'], session.defaultSession);
  else serveRendererFromAppProtocol(paths.renderer, session.defaultSession);

  const userData = app.getPath('userData');
  const storage = describeSafeStorage();
  if (storage.level === 'plain-text') logger.warn(`safeStorage uses the ${storage.backend} backend: tokens are obscured, not encrypted. Install a keyring (GNOME Keyring, KWallet).`);
  if (storage.level === 'unavailable') logger.warn('safeStorage is unavailable: tokens cannot be stored.');
  const vault = createTokenVault(path.join(userData, 'vault', 'tokens.json'), safeStorageCipher, (message) => logger.warn(message));

  updater = startUpdaterService({
    userDataDir: userData,
    version: app.getVersion(),
    enabled: app.isPackaged && process.env['BOTTEGA_DISABLE_UPDATES'] !== '1',
    log: logger,
    onState: (state) => core?.publishUpdateState(state),
  });
  const activeUpdater = updater;

  const handleHostRequest = async (request: HostRequest): Promise<unknown> => {
    switch (request.kind) {
      case 'updates.check':
        return activeUpdater.checkNow();
      case 'updates.restart':
        return activeUpdater.restartNow();
      case 'updates.set-channel':
        return activeUpdater.setChannel(request.channel);
      case 'spellcheck.set-languages':
        // The focused letter's language (validated by the host-message schema): its dictionary, where offered.
        return applySpellcheckLanguages(request.languages);
      case 'secrets.read':
        return vault.readSecret(request.key);
      case 'secrets.write':
        warnPlainTextStorageOnce();
        await vault.writeSecret(request.key, request.value);
        return null;
      case 'secrets.delete':
        await vault.deleteSecret(request.key);
        return null;
      case 'browser.open':
        // An OAuth sign-in page (RFC 8252: the user's own browser). Checked again here: main trusts no URL it is handed.
        if (!isAllowedSignInPage(request.url)) throw new Error('Not an allowed sign-in page.');
        await shell.openExternal(request.url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- allow-listed sign-in origins only
        return null;
    }
  };

  core = startCoreProcess({
    entryPath: paths.coreEntry,
    dataDir: path.join(userData, 'workspace'),
    version: app.getVersion(),
    platformUrl: resolvePlatformUrl(process.env['BOTTEGA_PLATFORM_URL'], defaultPlatformUrl),
    // Renderers keep no state that is not in the workspace: reloading reconnects them to the new core.
    onRestarted: () => {
      reportPower();
      for (const window of windows) window.webContents.reload();
    },
    onFatal: failHard,
    updateState: () => activeUpdater.state(),
    onLanguage: (language) => {
      languageSetting = language;
      applyLanguage();
    },
    onTheme: applyTheme,
    onNotices: (notices) => attention?.showNotices(notices),
    onUnread: (totals) => {
      unread = totals.messages;
      applyIndicators();
    },
    onBackground: applyBackground,
    onHostRequest: handleHostRequest,
    log: logger.scope('core'),
  });
  ipcMain.on(portRequestChannel, handlePortRequest);
  // Following the system, the OS may switch between light and dark at any time.
  nativeTheme.on('updated', applyWindowBackgrounds);
  powerMonitor.on('on-battery', reportPower);
  powerMonitor.on('on-ac', reportPower);
  reportPower();

  if (process.platform !== 'darwin') {
    tray = createTray(paths.icon);
    // Closed to the tray, a click on it brings the window back.
    tray.on('click', () => void focusWindow());
  }
  attention = createAttentionService(
    {
      notify: ({ title, body }, onClick) => {
        if (!Notification.isSupported()) return;
        const notification = new Notification({ title, body, silent: false });
        notification.on('click', onClick);
        notification.show();
      },
    },
    { t, open: openNotice },
  );
  applyLanguage();
  openWindow();
};

// Tests (tests/electron) run against a throwaway profile; must happen before the single-instance lock.
const profileOverride = process.env['BOTTEGA_USER_DATA_DIR'];
if (profileOverride && path.isAbsolute(profileOverride)) app.setPath('userData', profileOverride);

startCrashReporting();
// Windows shows notifications only for an app with a user model id (the installer's appId).
if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);
// Every renderer sandboxed, whatever its webPreferences say.
app.enableSandbox();
registerAppScheme();
installSecurityPolicy({ devServerUrl });

if (!app.requestSingleInstanceLock()) {
  // The first instance gets our argv (with any deep link) through 'second-instance'.
  app.quit();
} else {
  // bottega:// is registered by the installers (macOS Info.plist, Linux .desktop MimeType, Windows
  // resources/installer.nsh), which also remove it on uninstall: nothing claims it at run time.
  app.on('second-instance', (_event, argv) => {
    focusWindow();
    openDeepLink(findDeepLink(argv));
  });
  // macOS hands deep links over as an event, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openDeepLink(parseDeepLink(url));
  });
  app.on('activate', () => {
    if (app.isReady() && windows.size === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    // With close-to-tray (on by default where the tray shows), the core and its sync keep running.
    if (!keepsRunningWithoutWindows({ platform: process.platform, trayShown: tray !== undefined, closeToTray: background.closeToTray })) app.quit();
  });
  // Let the core checkpoint and close the database before the process goes away.
  app.on('before-quit', (event) => {
    updater?.stop();
    if (quitting || !core) return;
    quitting = true;
    event.preventDefault();
    void core.stop().finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    logger.error('Bottega failed to start', error);
    const { title, content } = fatalDialog(translateFatal(), { code: 'start_failed' });
    dialog.showErrorBox(title, content);
    app.exit(1);
  });
}
