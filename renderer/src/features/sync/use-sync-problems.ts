import type { SyncStatus } from '../../../../shared/contract/sync';
import { useCoreAction } from '../../data/use-core-action';
import { useCoreQuery } from '../../data/use-core-query';

/**
 * The lists behind the sync status's counts: read again when a count changes (the status says so once per
 * change, not once per record), none while a count is zero (the last one read would be stale).
 */
export const useSyncProblems = (status: SyncStatus | null) => {
  const quarantined = status?.quarantined ?? 0;
  const unconfirmed = (status?.pending ?? 0) + (status?.failed ?? 0) + (status?.conflicts ?? 0);
  const conflicts = status?.conflicts ?? 0;
  const items = useCoreQuery(quarantined > 0 ? ['sync.listQuarantined', quarantined] : null, (client) => client.sync.listQuarantined({ limit: 200 }), {
    invalidatedBy: [],
  });
  const writes = useCoreQuery(
    unconfirmed > 0 ? ['sync.listWrites', unconfirmed, status?.failed ?? 0] : null,
    (client) => client.sync.listWrites({ limit: 200 }),
    { invalidatedBy: [] },
  );
  const conflictList = useCoreQuery(conflicts > 0 ? ['sync.listConflicts', conflicts] : null, (client) => client.sync.listConflicts({ limit: 100 }), {
    invalidatedBy: [],
  });
  const resolve = useCoreAction((client, id: number, choice: 'mine' | 'theirs') => client.sync.resolveConflict({ id, choice }));
  const retry = useCoreAction((client, seq: number) => client.sync.retryWrite({ seq }));
  return {
    quarantined,
    items: (quarantined > 0 ? items.data : undefined) ?? [],
    // Conflicts have their own list; the rest are writes on their way or refused.
    writes: ((unconfirmed > 0 ? writes.data : undefined) ?? []).filter((write) => write.state !== 'conflict'),
    conflicts: (conflicts > 0 ? conflictList.data : undefined) ?? [],
    resolveConflict: resolve.run,
    retryWrite: retry.run,
    pending: resolve.pending || retry.pending,
  };
};
