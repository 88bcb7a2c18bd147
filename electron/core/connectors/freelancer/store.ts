/**
 * Where a Freelancer account's mapped records land: the workspace's ordinary tables, by the ordinary version
 * rule (versions are observation times: a later reading replaces an earlier one), each row keeping the API's
 * own JSON as raw and stamped with the account; what failed mapping goes to quarantine with its reason.
 * One transaction per page, committed before the sink returns, so the poller's watermark (moved only after a
 * run's last page) never gets ahead of what is stored.
 */
import type { AccountId } from '../../../../shared/domain/accounts';
import type { RecordType } from '../../../../shared/platform/records';
import type { WritableDB } from '../../db/database';
import { holdsSameRecord, quarantineConnectorRecord, removeRecordRow, upsertConnectorRecord } from '../../db/repositories/connector-records-repository';
import { hasUnsentWrites } from '../../db/repositories/outbox-repository';
import { countQuarantine } from '../../db/repositories/quarantine-repository';
import { freelancerIdOf } from './ids';
import type { FreelancerState } from './account-state';
import type { MappedRecord } from './page-reader';

export type StoreReport = { applied: number; quarantined: number; types: Set<RecordType>; /** Records taken from the list (all, unless `until` came first). */ taken: number };

/**
 * The id a mapped record is stored under: its own, or, for a bid placed from a proposal drafted here, that
 * proposal's local id (its letters, revisions and answers live under it).
 */
const storedIdOf = (record: MappedRecord & { ok: true }, state: Pick<FreelancerState, 'adoptedBids'>): string => {
  if (record.type !== 'proposal') return record.id;
  const bidId = freelancerIdOf(record.id);
  return (bidId !== null ? state.adoptedBids[String(bidId)] : undefined) ?? record.id;
};

/**
 * Stores records from `records[from]` on, all of them or, with `until` (a performance.now() time), until the
 * first record stored after it: `taken` says how many. Call inside a transaction.
 */
export const storeMappedRecords = (
  db: WritableDB,
  accountId: AccountId,
  records: readonly MappedRecord[],
  state: Pick<FreelancerState, 'adoptedBids'>,
  fetchedAt: string,
  limit: { from?: number; until?: number; /** The account's first sync: no lookup of what is stored (the version rule alone decides). */ firstSync?: boolean } = {},
): StoreReport => {
  const report: StoreReport = { applied: 0, quarantined: 0, types: new Set(), taken: 0 };
  // A record stored releases its earlier quarantine entry: a delete per row only while there is any.
  let quarantineHolds = countQuarantine(db) > 0;
  const until = limit.until ?? Number.POSITIVE_INFINITY;
  for (let index = limit.from ?? 0; index < records.length; index += 1) {
    if (report.taken > 0 && performance.now() > until) break;
    const mapped = records[index]!;
    report.taken += 1;
    if (!mapped.ok) {
      quarantineConnectorRecord(db, { type: mapped.type, id: mapped.id, reason: mapped.reason, raw: mapped.raw, receivedAt: fetchedAt, accountId });
      quarantineHolds = true;
      report.quarantined += 1;
      continue;
    }
    const id = storedIdOf(mapped, state);
    // The user's own unsent change to this record wins here until it is settled (as with the change feed).
    if (mapped.type === 'proposal' && hasUnsentWrites(db, 'proposal', id)) continue;
    if (id !== mapped.id) removeRecordRow(db, mapped.type, mapped.id);
    // Read again with nothing changed (own bids are listed whole, an owner comes with each of their projects):
    // the row stays as it is, so an idle poll writes nothing (no index or trigger work).
    // A first sync looks for nothing: most rows are new (a lookup per row that misses), and its records all carry
    // the round's version (connector.ts), so one met again (an owner with each of their projects, a bid's project
    // with the bid) is left as it is by the upsert's version rule (not counted as applied).
    if (limit.firstSync !== true && holdsSameRecord(db, mapped.type, id, mapped.rawText, accountId)) continue;
    const changed = upsertConnectorRecord(db, { type: mapped.type, record: id === mapped.record.id ? mapped.record : { ...mapped.record, id }, rawText: mapped.rawText, fetchedAt, accountId, quarantineHolds });
    if (limit.firstSync === true && !changed) continue;
    report.applied += 1;
    report.types.add(mapped.type);
  }
  return report;
};
