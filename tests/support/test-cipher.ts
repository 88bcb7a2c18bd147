import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from '../../electron/main/secrets/token-vault';

/** A stand-in for safeStorage: AES-256-GCM under a key that lives only in memory (what safeStorage does with the keyring's). */
export const createTestCipher = (available = true): Cipher & { setAvailable(value: boolean): void } => {
  const key = randomBytes(32);
  let isAvailable = available;
  return {
    isAvailable: () => isAvailable,
    setAvailable: (value) => {
      isAvailable = value;
    },
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
};
