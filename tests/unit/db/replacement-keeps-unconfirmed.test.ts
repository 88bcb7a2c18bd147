import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { markWriteSent } from '../../../electron/core/db/repositories/outbox-repository';
import { clearPlatformCache } from '../../../electron/core/db/repositories/platform-records-repository';
import { enqueueWrite } from '../../../electron/core/sync/writes/enqueue-write';
import { useTempDirs } from '../../support/temp-dir';
import { ensureTestAccount } from '../../support/test-account';

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
