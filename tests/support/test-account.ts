import type { WritableDB } from '../../electron/core/db/database';
import { insertAccount, readAccount } from '../../electron/core/db/repositories/accounts-repository';

/** The account sync tests pull and push through: the one a migrated workspace's data belongs to. */
export const testAccountId = 'acc_1';

/** Adds the reference platform's account `acc_1` unless the workspace has it (a restarted child opens it again). */
export const ensureTestAccount = (db: WritableDB, baseUrl = 'http://127.0.0.1:9'): string => {
  if (!readAccount(db, testAccountId)) insertAccount(db, { id: testAccountId, platform: 'bottega', label: 'Bottega', baseUrl, now: new Date() });
  return testAccountId;
};
