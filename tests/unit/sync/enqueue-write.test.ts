import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { enqueueWrite, UnsendableWriteError } from '../../../electron/core/sync/writes/enqueue-write';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

const openWorkspace = async (): Promise<WritableDB> => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  return db;
};

const countOutbox = (db: WritableDB): number => (db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;

describe('enqueueWrite', () => {
  it('refuses a write no unit declares, and the transaction it was in writes nothing', async () => {
    const db = await openWorkspace();
    const attempt = db.transaction(() => {
      db.prepare("INSERT INTO sync_state (key, value) VALUES ('probe', '1')").run();
      // @ts-expect-error: the compiler knows every write's name
      enqueueWrite(db, { entityType: 'message', entityId: 'msg_1', op: 'post_telegram', payload: {}, now: new Date() });
    });
    expect(() => attempt.immediate()).toThrow(UnsendableWriteError);
    expect(countOutbox(db)).toBe(0);
    expect(db.prepare("SELECT value FROM sync_state WHERE key = 'probe'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a payload its unit’s schema does not take, and stores nothing', async () => {
    const db = await openWorkspace();
    const attempt = db.transaction(() =>
      enqueueWrite(db, {
        entityType: 'message',
        entityId: 'msg_1',
        op: 'post_message',
        // @ts-expect-error: the payload type comes from the unit's schema (body is missing)
        payload: { threadId: 'thr_1', id: 'msg_1' },
        now: new Date(),
      }),
    );
    expect(() => attempt.immediate()).toThrow(/post_message/);
    expect(countOutbox(db)).toBe(0);
    db.close();
  });

  it('queues a write whose payload fits, under the unit’s name', async () => {
    const db = await openWorkspace();
    const payload = { threadId: 'thr_1', id: 'msg_1', body: 'Ciao' };
    db.transaction(() => enqueueWrite(db, { entityType: 'message', entityId: 'msg_1', op: 'post_message', payload, now: new Date() })).immediate();
    expect(db.prepare('SELECT op, payload FROM outbox').all()).toEqual([{ op: 'post_message', payload: JSON.stringify(payload) }]);
    db.close();
  });
});
