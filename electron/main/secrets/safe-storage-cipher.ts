import { safeStorage } from 'electron';
import { assessSafeStorage, type SafeStorageAssessment } from '../policy/safe-storage';
import type { Cipher } from './token-vault';

export const safeStorageCipher: Cipher = {
  isAvailable: () => safeStorage.isEncryptionAvailable(),
  encrypt: (plainText) => safeStorage.encryptString(plainText),
  decrypt: (cipherText) => safeStorage.decryptString(cipherText),
};

/** Only meaningful once the app is ready (safeStorage needs it on Linux). */
export const describeSafeStorage = (): SafeStorageAssessment =>
  assessSafeStorage({
    platform: process.platform,
    available: safeStorage.isEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
