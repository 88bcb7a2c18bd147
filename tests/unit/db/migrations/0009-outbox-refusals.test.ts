import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('schema v9', () => {
  it('gives every write a refused flag: off for writes already failed (they keep their keys), checked', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 8) });
    db.prepare(
      `INSERT INTO outbox (entity_type, entity_id, op, payload, idempotency_key, state, attempts, last_error, created_at)
       VALUES ('message', 'msg_1', 'post_message', '{}', 'key-1', 'failed', 1, 'no thread', 'x')`,
    ).run();

    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 9) });
    expect(report).toMatchObject({ from: 8, to: 9 });
    expect(readUserVersion(db)).toBe(9);
    expect(db.prepare("SELECT refused, idempotency_key AS key, state FROM outbox WHERE entity_id = 'msg_1'").get()).toEqual({
      refused: 0,
      key: 'key-1',
      state: 'failed',
    });
    expect(() => db.prepare('UPDATE outbox SET refused = 2').run()).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
