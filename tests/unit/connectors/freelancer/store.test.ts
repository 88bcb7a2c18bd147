/**
 * The Freelancer pull's sink (store.ts) in a real workspace: records by the version rule with the API's JSON as
 * raw, the rest quarantined with its reason, and a record that reads well again leaving the quarantine.
 */
import { expect, it } from 'vitest';
import { mapClient, mapMessage, type MapContext } from '../../../../electron/core/connectors/freelancer/mapping';
import { storeMappedRecords } from '../../../../electron/core/connectors/freelancer/store';
import type { WritableDB } from '../../../../electron/core/db/database';
import { useTempDirs } from '../../../support/temp-dir';
import { openFreelancerWorkspace } from '../../../support/test-account';

const makeTempDir = useTempDirs();
const selfId = 1_000_001;
const at = (ms: number): MapContext => ({ selfId, observedAtMs: ms });

const owner = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  username: `owner${id}`,
  display_name: `Owner ${id}`,
  registration_date: 1_600_000_000,
  primary_language: 'it',
  location: { country: { name: 'Italy', code: 'it' }, city: 'Torino' },
  ...overrides,
});

const openWorkspace = (): Promise<WritableDB> => openFreelancerWorkspace(makeTempDir());

const store = (db: WritableDB, records: Parameters<typeof storeMappedRecords>[2]) =>
  db.transaction(() => storeMappedRecords(db, 'acc_2', records, { adoptedBids: {} }, '2026-12-01T09:00:00.000Z')).immediate();

const quarantined = (db: WritableDB) => db.prepare('SELECT record_id AS id, reason FROM quarantine ORDER BY id').all() as { id: string; reason: string }[];

it('stores records with their JSON as raw, quarantines the unreadable ones, and releases a record once it reads well', async () => {
  const db = await openWorkspace();
  const first = store(db, [mapClient(owner(20_000_001), undefined, at(1_000)), mapClient(owner(20_000_002, { location: null }), undefined, at(1_000))]);
  expect(first).toMatchObject({ applied: 1, quarantined: 1 });
  expect(quarantined(db)).toEqual([{ id: 'cli_fl-20000002', reason: expect.stringMatching(/location\.country\.code/) }]);
  const row = db.prepare('SELECT name, raw, account_id AS accountId FROM clients WHERE id = ?').get('cli_fl-20000001') as { name: string; raw: string; accountId: string };
  expect(row).toMatchObject({ name: 'Owner 20000001', accountId: 'acc_2' });
  expect(JSON.parse(row.raw)).toEqual(owner(20_000_001));

  // Read again, now with a country: stored, and no longer in the quarantine; the other one, unchanged, not written.
  const second = store(db, [mapClient(owner(20_000_001), undefined, at(2_000)), mapClient(owner(20_000_002), undefined, at(2_000))]);
  expect(second).toMatchObject({ applied: 1, quarantined: 0 });
  expect(quarantined(db)).toEqual([]);
  expect(db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 2 });
  expect(db.prepare('SELECT version FROM clients WHERE id = ?').get('cli_fl-20000001')).toEqual({ version: 1_000 });

  // A newer reading that changed replaces the row; an older one never does.
  store(db, [mapClient(owner(20_000_001, { display_name: 'Owner renamed' }), undefined, at(3_000))]);
  store(db, [mapClient(owner(20_000_001, { display_name: 'Owner stale' }), undefined, at(500))]);
  expect(db.prepare('SELECT name, version FROM clients WHERE id = ?').get('cli_fl-20000001')).toEqual({ name: 'Owner renamed', version: 3_000 });
  db.close();
});

it('a first sync stores records without looking them up first; one met twice in the round (its one version) is written once', async () => {
  const db = await openWorkspace();
  const firstSync = (records: Parameters<typeof storeMappedRecords>[2]) =>
    db.transaction(() => storeMappedRecords(db, 'acc_2', records, { adoptedBids: {} }, '2026-12-01T09:00:00.000Z', { firstSync: true })).immediate();
  const message = { id: 30_000_001, thread_id: 40_000_001, message: 'Ciao', from_user: 20_000_001, time_created: 1_700_000_000 };
  const run = at(1_000);
  expect(firstSync([mapClient(owner(20_000_001), undefined, run), mapMessage(message, run)])).toMatchObject({ applied: 2 });
  // The same page again in the same run (offset paging can repeat a record): same version, nothing written.
  expect(firstSync([mapClient(owner(20_000_001), undefined, run), mapMessage(message, run)])).toMatchObject({ applied: 0, taken: 2 });
  // The owner again in another resource of the same sync (a first sync is one reading: the round's version): not written.
  expect(firstSync([mapClient(owner(20_000_001, { display_name: 'Owner as the bids list it' }), undefined, run)])).toMatchObject({ applied: 0 });
  expect(db.prepare('SELECT version FROM clients WHERE id = ?').get('cli_fl-20000001')).toEqual({ version: 1_000 });
  const row = db.prepare('SELECT body, raw, account_id AS accountId FROM messages WHERE id = ?').get('msg_fl-30000001') as { body: string; raw: string; accountId: string };
  expect(row).toMatchObject({ body: 'Ciao', accountId: 'acc_2' });
  expect(JSON.parse(row.raw)).toEqual(message);
  // A message changed in a later reading still replaces the row by the version rule.
  expect(firstSync([mapMessage({ ...message, message: 'Ciao!' }, at(3_000))])).toMatchObject({ applied: 1 });
  expect(db.prepare('SELECT body, version FROM messages WHERE id = ?').get('msg_fl-30000001')).toEqual({ body: 'Ciao!', version: 3_000 });
});
