import type { Contract } from '../../shared/contract';
import type { AttentionService } from './attention/attention-service';
import type { Transport } from '../../shared/rpc/transport';
import type { WritableDB } from './db/database';
import type { MigrationReport } from './db/migrate';
import type { RpcServer } from './rpc/rpc-server';
import type { SyncService } from './sync/sync-service';

/**
 * The running engine as its hosts see it. A leaf of its own so core.ts and recovery-core.ts can both name it
 * without importing each other.
 */
export type Core = {
  /**
   * `recovery`: the workspace could not be opened (damaged, held by another program, no room, a disk error); only
   * the contract's `workspace` methods answer, and db, migration and sync throw until one of them opens it.
   */
  readonly state: 'ready' | 'recovery';
  readonly db: WritableDB;
  readonly migration: MigrationReport;
  readonly sync: SyncService;
  /** Notices, unread totals and the user's activity (which the sync's cadence reads). */
  readonly attention: AttentionService;
  serve(transport: Transport): () => void;
  /** One call as a connection would make it (channel `domain.method`), answered as a result envelope. */
  dispatch: RpcServer<Contract>['dispatch'];
  emit: RpcServer<Contract>['emit'];
  close(): void;
};
