import path from 'node:path';
import { openWritableDatabase, type WritableDB } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { insertAccount, readAccount } from '../../electron/core/db/repositories/accounts-repository';

/** The account sync tests pull and push through: the one a migrated workspace's data belongs to. */
export const testAccountId = 'acc_1';

/** Adds the reference platform's account `acc_1` unless the workspace has it (a restarted child opens it again). */
export const ensureTestAccount = (db: WritableDB, baseUrl = 'http://127.0.0.1:9'): string => {
  if (!readAccount(db, testAccountId)) insertAccount(db, { id: testAccountId, platform: 'bottega', label: 'Bottega', baseUrl, now: new Date() });
  return testAccountId;
};

/** A migrated workspace in `dir` with a Freelancer account `acc_2` (the connector's store and writer tests). */
export const openFreelancerWorkspace = async (dir: string): Promise<WritableDB> => {
  const file = path.join(dir, 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  insertAccount(db, { id: 'acc_2', platform: 'freelancer', label: 'Freelancer', baseUrl: 'http://127.0.0.1:9', now: new Date('2026-12-01T09:00:00Z') });
  return db;
};
