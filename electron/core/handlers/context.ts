import type { Contract } from '../../../shared/contract';
import type { RpcServer } from '../rpc/rpc-server';
import type { AttentionService } from '../attention/attention-service';
import type { WritableDB } from '../db/database';
import type { HostServices } from '../host-services';
import type { ImageDownloader } from '../sync/image-downloads';
import type { SyncService } from '../sync/sync-service';
import type { AccountsService } from '../sync/accounts-service';

export type CoreHost = 'electron' | 'web';

/** What every domain's handlers may use. Handlers hold no SQL: they call repositories. */
export type CoreContext = {
  readonly db: WritableDB;
  readonly emit: RpcServer<Contract>['emit'];
  readonly info: { readonly version: string; readonly host: CoreHost; readonly schemaVersion: number };
  /** Updater, deep links and secret vault of the hosting process (Electron main, or standalone). */
  readonly host: HostServices;
  /** Domain services the handlers call; they own the long-running work. */
  readonly sync: SyncService;
  /** The workspace's accounts (add, sign in and out, rename, pause, remove); the sync service runs them. */
  readonly accounts: AccountsService;
  /** The workspace's data folder (imported images live in its attachments/ folder). */
  readonly dataDir: string;
  /** Images items or the avatar name that only the platform holds, fetched after each pull. */
  readonly imageDownloads: ImageDownloader;
  /** Notices, unread totals, the user's activity and the background settings. */
  readonly attention: AttentionService;
};
