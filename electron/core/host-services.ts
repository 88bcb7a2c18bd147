import path from 'node:path';
import type { DeepLinkTarget, UpdateChannel, UpdateState } from '../../shared/contract/updates';
import { isAllowedSignInPage } from '../../shared/domain/sign-in-pages';
import { createListeners } from '../../shared/rpc/transport';
import { createFileSecretStore, type SecretStore } from './secrets/secret-store';

/**
 * What the core gets from whoever hosts it, beyond the database: the application updater and deep
 * links (both owned by Electron's main process) and the secret vault.
 *
 * The route for updates: main runs electron-updater and pushes every state change to the core as an
 * `update-state` host message; the core keeps the latest and re-emits it to renderers as the
 * contract's `updateStateChanged` event. The renderer's calls (`updates.checkNow`, ...) reach the
 * core like every other call, and the core forwards them to main as `host-request` messages
 * (electron/core/host-messages.ts). The renderer therefore sees only the contract, and main only
 * the core.
 */
export type UpdatesRelay = {
  current(): UpdateState;
  subscribe(listener: (state: UpdateState) => void): () => void;
  checkNow(): Promise<UpdateState>;
  restartNow(): Promise<{ accepted: boolean }>;
  setChannel(channel: UpdateChannel): Promise<UpdateState>;
};

/** Electron's spellchecker languages (a session setting only main can change), asked for by the focused editor. */
export type SpellcheckRelay = {
  /** Returns the dictionaries applied; empty where the host has none to set. */
  setLanguages(languages: readonly string[]): Promise<string[]>;
};

/**
 * The system browser, for OAuth sign-in pages (RFC 8252: a native app signs in through the user's own browser,
 * never an embedded web view). Electron's main process opens allowed pages with shell.openExternal; web-host hands
 * the page to whoever runs it (its console, a test).
 */
export type BrowserOpener = {
  openSignInPage(url: string): Promise<void>;
};

export type HostServices = {
  readonly updates: UpdatesRelay;
  readonly spellcheck: SpellcheckRelay;
  readonly secrets: SecretStore;
  readonly browser: BrowserOpener;
  onDeepLink(listener: (target: DeepLinkTarget) => void): () => void;
};

/**
 * web-host and tests: no updater (the state says so), no deep links, secrets in a 0600 file, no spellchecker
 * to set (the browser checks each field by its `lang`).
 */
export const createStandaloneHostServices = (options: { version: string; dataDir: string; openSignInPage?: (url: string) => void }): HostServices => {
  const state: UpdateState = { currentVersion: options.version, channel: 'stable', status: { phase: 'unsupported' } };
  return {
    updates: {
      current: () => state,
      subscribe: () => () => undefined,
      checkNow: async () => state,
      restartNow: async () => ({ accepted: false }),
      setChannel: async () => state,
    },
    spellcheck: { setLanguages: async () => [] },
    secrets: createFileSecretStore(path.join(options.dataDir, 'secrets', 'vault.json')),
    browser: {
      openSignInPage: async (url) => {
        if (!isAllowedSignInPage(url)) throw new Error('Not an allowed sign-in page.');
        if (!options.openSignInPage) throw new Error('No browser to open the sign-in page in.');
        options.openSignInPage(url);
      },
    },
    onDeepLink: () => () => undefined,
  };
};

/** The latest update state pushed by the host, with listeners: the core side of the relay. */
export const createUpdateStateCache = (initial: UpdateState) => {
  let state = initial;
  const listeners = createListeners<[UpdateState]>();
  return {
    current: (): UpdateState => state,
    subscribe: listeners.add,
    publish: (next: UpdateState): void => {
      state = next;
      listeners.emit(next);
    },
  };
};
