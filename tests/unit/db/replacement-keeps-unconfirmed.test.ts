import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { markWriteSent } from '../../../electron/core/db/repositories/outbox-repository';
import { insertAccount, readAccountValue, writeAccountValue } from '../../../electron/core/db/repositories/accounts-repository';
import {
  applyRecord,
  clearPlatformCache,
  finishReplacement,
  isReplacementPending,
} from '../../../electron/core/db/repositories/platform-records-repository';
import { enqueueWrite } from '../../../electron/core/sync/writes/enqueue-write';
import { useTempDirs } from '../../support/temp-dir';
import { ensureTestAccount } from '../../support/test-account';
import { makeClient, makeMessage, makeProject, makeProposal, makeThread } from '../../support/workspace-records';

const makeTempDir = useTempDirs();

/** Found by the sync fuzzer (seed 1305805579): a 410 right after a message was accepted. */
describe('the cache dropped before a replacement sync', () => {
  it('keeps a message the platform accepted that no pull has confirmed yet, and drops the platform’s others', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations });
    const accountId = ensureTestAccount(db);
    const insert = db.prepare(
      "INSERT INTO messages (id, version, thread_id, from_me, body, attachments, sent_at, state, account_id) VALUES (?, ?, 'thr_1', ?, ?, '[]', '2026-12-01T09:00:00.000Z', ?, 'acc_1')",
    );
    insert.run('msg_theirs', 3, 0, 'Ciao, a presto', 'synced');
    insert.run('msg_accepted', 1, 1, 'Grazie, ci sentiamo', 'synced');
    insert.run('msg_pending', 0, 1, 'Ancora una cosa', 'pending');
    const now = new Date();
    db.transaction(() => {
      const seq = enqueueWrite(db, { entityType: 'message', entityId: 'msg_accepted', op: 'post_message', payload: { threadId: 'thr_1', id: 'msg_accepted', body: 'Grazie, ci sentiamo' }, now });
      markWriteSent(db, seq, 1);
      enqueueWrite(db, { entityType: 'message', entityId: 'msg_pending', op: 'post_message', payload: { threadId: 'thr_1', id: 'msg_pending', body: 'Ancora una cosa' }, now });
    }).immediate();

    clearPlatformCache(db, accountId);
    expect((db.prepare('SELECT id FROM messages ORDER BY id').all() as { id: string }[]).map((r) => r.id)).toEqual(['msg_accepted', 'msg_pending']);
    db.close();
  });
});

describe('a replacement of one account', () => {
  it('drops only that account’s platform records and cursor; another account’s stay as they were', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations });
    const now = new Date('2026-12-01T09:00:00.000Z');
    for (const id of ['acc_1', 'acc_2']) insertAccount(db, { id, platform: 'bottega', label: id, baseUrl: 'https://x.example/', now });
    const at = now.toISOString();
    db.transaction(() => {
      for (const [accountId, tag] of [['acc_1', 'a'], ['acc_2', 'b']] as const) {
        applyRecord(db, 'project', makeProject(`prj_${tag}`), at, accountId);
        applyRecord(db, 'client', makeClient(`cli_${tag}`), at, accountId);
        applyRecord(db, 'thread', makeThread(`thr_${tag}`), at, accountId);
        applyRecord(db, 'message', makeMessage(`msg_${tag}`, { thread_id: `thr_${tag}` }), at, accountId);
        applyRecord(db, 'proposal', makeProposal(`prp_${tag}`, { project_id: `prj_${tag}` }), at, accountId);
        writeAccountValue(db, accountId, 'cursor', `c-${tag}`);
      }
    }).immediate();

    clearPlatformCache(db, 'acc_1');

    const ids = (table: string): string[] => (db.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((row) => row.id);
    expect([ids('projects'), ids('clients'), ids('threads'), ids('messages')]).toEqual([['prj_b'], ['cli_b'], ['thr_b'], ['msg_b']]);
    // The account's own proposal waits for its snapshot (unconfirmed); the other's stays confirmed.
    expect(db.prepare('SELECT id, fetched_at IS NULL AS unconfirmed FROM proposals ORDER BY id').all()).toEqual([
      { id: 'prp_a', unconfirmed: 1 },
      { id: 'prp_b', unconfirmed: 0 },
    ]);
    expect([readAccountValue(db, 'acc_1', 'cursor'), readAccountValue(db, 'acc_2', 'cursor')]).toEqual([null, 'c-b']);
    expect([isReplacementPending(db, 'acc_1'), isReplacementPending(db, 'acc_2')]).toEqual([true, false]);
    db.transaction(() => finishReplacement(db, 'acc_1')).immediate();
    expect(ids('proposals')).toEqual(['prp_b']);
    expect(isReplacementPending(db, 'acc_1')).toBe(false);
    db.close();
  });
});
