import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { contract, type Contract } from '../../shared/contract';
import { checkWorkspaceAtStart, openWritableDatabase } from './db/database';
import { rescoreMatchesIfCatalogueChanged } from './db/repositories/skill-catalogue-repository';
import { migrate, type MigrationReport } from './db/migrate';
import { migrations } from './db/migrations';
import type { CoreHost } from './handlers/context';
import { createHandlers } from './handlers';
import type { Core } from './core-handle';
import type { CoreLog } from './log-record';
import { createStandaloneHostServices, type HostServices } from './host-services';
import { countProjects } from './db/repositories/projects-repository';
import { workspaceFileName } from './db/workspace-files';
import { openRecoveryCore } from './recovery-core';
import { createRpcServer, type RpcServer } from './rpc/rpc-server';
import { classifyStorageError } from './storage/storage-errors';
import { createImageDownloader } from './sync/image-downloads';
import { createSyncService } from './sync/sync-service';
import { createAccountsService } from './sync/accounts-service';
import { announceWrite } from './sync/write-events';
import { attachmentsDirOf } from './portfolio/image-store';
import { collectSavedSearchNews } from './workspace/saved-searches';
import { pulledEvents } from './sync/pulled-events';
import { createAttentionService } from './attention/attention-service';
import type { PlatformId } from '../../shared/domain/accounts';
import { buildOAuthClientIds } from './build-config';

export type CoreOptions = {
  /** The workspace folder: database, backups and (later) attachments live here. */
  dataDir: string;
  host: CoreHost;
  version: string;
  /** Check every answer against the contract as well as every input (tests and development). */
  validateOutput?: boolean;
  log?: CoreLog;
  /** Electron's main process relays its updater, deep links and safeStorage vault; standalone otherwise. */
  hostServices?: HostServices;
  /** The platform's API root (the reference server in development); null keeps the workspace offline-only. */
  platformUrl?: string | null;
  /**
   * OAuth client ids by platform, for signing in through the browser. Default: the ones set at build time
   * (build-config.ts); web-host and tests pass the fixture's.
   */
  oauthClientIds?: Partial<Record<PlatformId, string>>;
  /** Test hook: how long a browser sign-in waits for its redirect (default 5 minutes). */
  browserSignInTimeoutMs?: number;
  /** Test hook: the network the sync engine uses. */
  fetch?: typeof fetch;
  /** Test hook: the sync engine's backoff jitter (a fixed value makes its waits exact). */
  random?: () => number;
  /** Test hook: how long a write waits for another program's lock (default 5 s). */
  busyTimeoutMs?: number;
};

export type { Core };

export { workspaceFileName };

/**
 * The workspace engine. Plain Node: Electron's utility process, web-host and the tests all run this. A workspace
 * that cannot be opened for a storage reason does not make it fail: it starts in recovery (recovery-core.ts).
 */
export const openCore = async (options: CoreOptions): Promise<Core> => {
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, workspaceFileName);
  try {
    return await openReadyCore(options, file);
  } catch (error) {
    const reason = classifyStorageError(error);
    if (!reason) throw error;
    options.log?.('error', `The workspace could not be opened (${reason}): starting in recovery`, error);
    return openRecoveryCore({
      file,
      reason,
      openReady: () => openReadyCore(options, file),
      validateOutput: options.validateOutput ?? false,
      ...(options.log ? { log: options.log } : {}),
    });
  }
};

const openReadyCore = async (options: CoreOptions, file: string): Promise<Core> => {
  const db = openWritableDatabase(file, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  let migration: MigrationReport;
  let rescored: boolean;
  try {
    checkWorkspaceAtStart(db);
    migration = await migrate(db, { file, migrations });
    rescored = rescoreMatchesIfCatalogueChanged(db, migration);
  } catch (error) {
    db.close();
    throw error;
  }
  if (migration.backupFile) options.log?.('info', `Workspace migrated from schema ${migration.from} to ${migration.to}`);
  if (rescored) options.log?.('info', 'Match scores computed again with this version’s skills catalogue');

  // Handlers only emit once calls arrive, by which time the server exists.
  const emit: RpcServer<Contract>['emit'] = (event, payload) => server.emit(event, payload);
  const host = options.hostServices ?? createStandaloneHostServices({ version: options.version, dataDir: options.dataDir });
  const oauthClientIds = options.oauthClientIds ?? buildOAuthClientIds();
  const imageDownloads = createImageDownloader({
    db,
    imagesDir: attachmentsDirOf(options.dataDir),
    onProgress: (progress) => emit('imageDownloadsChanged', progress),
    onStored: () => emit('portfolioChanged', {}),
  });
  const attention = createAttentionService({
    db,
    onNotices: (notices) => emit('attentionRaised', { notices }),
    onUnread: (totals) => emit('unreadChanged', totals),
    onPreferences: (preferences) => emit('attentionPreferencesChanged', preferences),
  });
  const sync = createSyncService({
    db,
    secrets: host.secrets,
    platformUrl: options.platformUrl ?? null,
    onStatus: (status) => emit('syncStatusChanged', status),
    ...(options.random ? { random: options.random } : {}),
    onStorageProblem: (problem) => emit('storageProblem', { problem, source: 'sync' }),
    onWrite: (entry, state) => announceWrite(emit, entry, state),
    onApplied: (_applied, types) => {
      // Only the views reading what arrived read again.
      const events = pulledEvents(types);
      if (events.has('projectsChanged')) emit('projectsChanged', { count: countProjects(db) });
      if (events.has('messagesChanged')) emit('messagesChanged', { threadId: null });
      if (events.has('portfolioChanged')) emit('portfolioChanged', {});
      if (events.has('proposalsChanged')) emit('proposalsChanged', { id: null });
      if (events.has('communityChanged')) emit('communityChanged', { topicId: null });
      const matches = types.has('project') ? collectSavedSearchNews(db) : [];
      if (matches.length > 0) emit('savedSearchMatches', { matches });
      // What deserves a notice (new messages, grouped search matches, decided proposals): after the views' events.
      attention.announcePulled(types, matches);
    },
    // After a complete pull: images only the platform holds; the fee on proposals, for the editor's net amount.
    services: { imageDownloads, onTermsChanged: () => emit('proposalsChanged', { id: null }), oauthClientIds },
    onAccounts: () => emit('accountsChanged', {}),
    activity: () => attention.activity().state,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // The sync engine only logs what went wrong and was handled (a failed round is retried): warnings.
    ...(options.log ? { log: (message: string) => options.log?.('warn', message) } : {}),
  });
  const accounts = createAccountsService({
    db,
    sync,
    platformUrl: options.platformUrl ?? null,
    onChanged: () => emit('accountsChanged', {}),
    browser: host.browser,
    oauthClientIds,
    ...(options.browserSignInTimeoutMs !== undefined ? { browserTimeoutMs: options.browserSignInTimeoutMs } : {}),
  });
  const handlers = createHandlers({
    db,
    emit,
    info: { version: options.version, host: options.host, schemaVersion: migration.to },
    host,
    sync,
    accounts,
    dataDir: options.dataDir,
    imageDownloads,
    attention,
  });
  const server = createRpcServer(contract, handlers, {
    validateOutput: options.validateOutput ?? false,
    onInternalError: (channel, error) => options.log?.('error', `Call ${channel} failed`, error),
    onStorageProblem: (problem, channel, error) => {
      options.log?.('error', `Call ${channel} failed: ${problem}`, error);
      emit('storageProblem', { problem, source: 'call' });
    },
  });

  await sync.start();
  attention.start();

  return {
    state: 'ready',
    db,
    migration,
    sync,
    attention,
    serve: server.serve,
    dispatch: server.dispatch,
    emit,
    close: () => {
      attention.stop();
      sync.stop();
      if (db.open) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
};
