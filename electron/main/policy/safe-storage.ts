export type SafeStorageFacts = {
  platform: string;
  /** safeStorage.isEncryptionAvailable() */
  available: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; undefined elsewhere. */
  linuxBackend?: string;
};

export type SafeStorageAssessment =
  /** OS-level encryption (Keychain, DPAPI, libsecret, KWallet). */
  | { level: 'encrypted' }
  /** Linux without a keyring: Chromium's basic_text backend, a fixed key: obfuscation, not encryption. */
  | { level: 'plain-text'; backend: string }
  /** No encryption at all: the vault refuses to store secrets. */
  | { level: 'unavailable' };

const plainTextBackends = new Set(['basic_text', 'unknown']);

/** How safe the token vault is here, so the user can be warned on Linux when it falls back to plain text. */
export const assessSafeStorage = (facts: SafeStorageFacts): SafeStorageAssessment => {
  if (!facts.available) return { level: 'unavailable' };
  if (facts.platform === 'linux') {
    const backend = facts.linuxBackend ?? 'unknown';
    if (plainTextBackends.has(backend)) return { level: 'plain-text', backend };
  }
  return { level: 'encrypted' };
};
