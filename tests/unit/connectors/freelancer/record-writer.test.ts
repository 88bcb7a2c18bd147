/**
 * The Freelancer pull's record writer (record-writer.ts): outside a first sync each page is stored as it
 * arrives; during one, the records of a few pages share a transaction, and nothing counts as stored before the
 * run's flush, which stores every queued record (the watermark moves only after it).
 */
import { expect, it } from 'vitest';
import { mapClient, type MapContext } from '../../../../electron/core/connectors/freelancer/mapping';
import type { MappedRecord } from '../../../../electron/core/connectors/freelancer/pull-run';
import { createRecordWriter } from '../../../../electron/core/connectors/freelancer/record-writer';
import type { StoreReport } from '../../../../electron/core/connectors/freelancer/store';
import type { WritableDB } from '../../../../electron/core/db/database';
import { useTempDirs } from '../../../support/temp-dir';
import { openFreelancerWorkspace } from '../../../support/test-account';

const makeTempDir = useTempDirs();
const context: MapContext = { selfId: 1_000_001, observedAtMs: Date.UTC(2026, 11, 1, 9) };

/** A page of `size` owners, as a projects page brings them. */
const page = (first: number, size: number): MappedRecord[] =>
  Array.from({ length: size }, (_, index) =>
    mapClient(
      { id: first + index, username: `owner${first + index}`, registration_date: 1_600_000_000, primary_language: 'de', location: { country: { code: 'de' }, city: 'Köln' } },
      undefined,
      context,
    ),
  );

const openWorkspace = (): Promise<WritableDB> => openFreelancerWorkspace(makeTempDir());

const clients = (db: WritableDB): number => (db.prepare("SELECT count(*) AS n FROM clients WHERE account_id = 'acc_2'").get() as { n: number }).n;

const writerFor = (db: WritableDB, firstSync: boolean) => {
  const transactions: StoreReport[] = [];
  const writer = createRecordWriter({
    db,
    accountId: 'acc_2',
    firstSync,
    bulk: false,
    now: () => new Date(context.observedAtMs),
    signal: new AbortController().signal,
    onStored: (report) => transactions.push(report),
  });
  return { writer, transactions };
};

it('outside a first sync, stores each page as it arrives', async () => {
  const db = await openWorkspace();
  const { writer, transactions } = writerFor(db, false);
  await writer.add(page(20_000_001, 30));
  expect(clients(db)).toBe(30);
  await writer.add(page(20_000_031, 30));
  expect(clients(db)).toBe(60);
  await writer.flush();
  expect(transactions.reduce((sum, report) => sum + report.applied, 0)).toBe(60);
  writer.close();
  db.close();
});

it('during a first sync, pages share transactions, and the flush stores every queued record', async () => {
  const db = await openWorkspace();
  const { writer, transactions } = writerFor(db, true);
  for (let index = 0; index < 10; index += 1) await writer.add(page(20_000_001 + index * 50, 50));
  // Fewer transactions than pages so far, and what waits is less than a few pages' worth.
  expect(transactions.length).toBeLessThan(10);
  expect(clients(db)).toBeGreaterThan(0);
  expect(500 - clients(db)).toBeLessThanOrEqual(400);
  await writer.flush();
  expect(clients(db)).toBe(500);
  expect(transactions.reduce((sum, report) => sum + report.applied, 0)).toBe(500);
  // The same pages read again: nothing is written twice.
  await writer.add(page(20_000_001, 50));
  await writer.flush();
  expect(transactions.reduce((sum, report) => sum + report.applied, 0)).toBe(500);
  writer.close();
  db.close();
});
