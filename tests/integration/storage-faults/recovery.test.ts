import { existsSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileSystem } from '../../../electron/core/storage/file-system';
import { migrations } from '../../../electron/core/db/migrations';
import { useCoreHarness } from '../../support/core-harness';
import { damagePages, integrityOf, makeWorkspaceOneSchemaBehind, readLetter, sameBytes, startDraft, workspaceFileOf } from './support';

const { makeTempDir, openWorkspace } = useCoreHarness();
afterEach(() => vi.restoreAllMocks());

/** A workspace with a letter in it, migrated once (so backups/ holds the copy made before), then closed. */
const workspaceWithBackup = async (): Promise<{ dataDir: string; letterId: string }> => {
  const dataDir = makeTempDir();
  await makeWorkspaceOneSchemaBehind(dataDir);
  const { core, client } = await openWorkspace(null, { dataDir });
  expect(core.migration.backupFile).not.toBeNull();
  const letterId = await startDraft(core, client, 'Sehr geehrte Frau Keller, gern übernehme ich das Projekt.');
  core.close();
  return { dataDir, letterId };
};

describe('a workspace that cannot be opened starts in recovery (defect 11)', () => {
  it('damaged pages: recovery lists the backup; restoring it keeps the damaged file aside and opens the workspace', async () => {
    const { dataDir } = await workspaceWithBackup();
    const file = workspaceFileOf(dataDir);
    damagePages(file);
    // What a power cut in the middle of a later backup leaves: never offered.
    const [made] = readdirSync(path.join(dataDir, 'backups'));
    writeFileSync(path.join(dataDir, 'backups', `${made!.replace('.bak', '')}9.bak.partial`), 'half a copy');
    const damagedCopy = path.join(makeTempDir(), 'damaged.sqlite');
    copyFileSync(file, damagedCopy);

    const { core, client } = await openWorkspace(null, { dataDir });
    expect(core.state).toBe('recovery');
    const state = await client.workspace.getState();
    expect(state).toMatchObject({ state: 'recovery', reason: 'corrupt' });
    if (state.state !== 'recovery') return;
    expect(state.backups).toHaveLength(1);
    expect(state.backups[0]).toMatchObject({ schemaVersion: migrations.length - 1 });
    expect(state.backups[0]!.sizeBytes).toBeGreaterThan(0);
    // Nothing else answers until the workspace is open, and nothing fails hard either.
    await expect(client.proposals.listProposals({})).rejects.toMatchObject({ code: 'unavailable' });

    const restored = await client.workspace.restoreBackup({ name: state.backups[0]!.name });
    expect(restored).toMatchObject({ ok: true });
    if (!restored.ok) return;
    expect(sameBytes(path.join(dataDir, restored.keptAs!), damagedCopy)).toBe(true);
    // The same connection now reaches the opened workspace: the backup's schema migrated, every check sound.
    expect(core.state).toBe('ready');
    await expect(client.workspace.getState()).resolves.toEqual({ state: 'ready' });
    await expect(client.proposals.listProposals({})).resolves.toEqual([]);
    await expect(client.workspace.checkIntegrity()).resolves.toEqual({ ok: true, problems: [] });
    expect(readdirSync(path.join(dataDir, 'backups')).length).toBeGreaterThanOrEqual(1);
  });

  it('not a database at all: starting empty keeps the file aside and opens a fresh workspace', async () => {
    const dataDir = makeTempDir();
    writeFileSync(workspaceFileOf(dataDir), 'PK\u0003\u0004 this is a zip, not a workspace');
    const { core, client } = await openWorkspace(null, { dataDir });
    await expect(client.workspace.getState()).resolves.toEqual({ state: 'recovery', reason: 'corrupt', backups: [] });
    const result = await client.workspace.startEmpty();
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(existsSync(path.join(dataDir, result.keptAs!))).toBe(true);
    expect(core.state).toBe('ready');
    await expect(client.settings.getSettings()).resolves.toBeDefined();
    expect(integrityOf(workspaceFileOf(dataDir))).toBe('ok');
  });

  it('a backup that is damaged too stays in backups/ and recovery goes on', async () => {
    const { dataDir } = await workspaceWithBackup();
    damagePages(workspaceFileOf(dataDir));
    const [backup] = readdirSync(path.join(dataDir, 'backups'));
    damagePages(path.join(dataDir, 'backups', backup!));
    const { client } = await openWorkspace(null, { dataDir });
    await expect(client.workspace.restoreBackup({ name: backup! })).resolves.toEqual({ ok: false, reason: 'corrupt' });
    expect(existsSync(path.join(dataDir, 'backups', backup!))).toBe(true);
    await expect(client.workspace.getState()).resolves.toMatchObject({ state: 'recovery', reason: 'corrupt' });
    await expect(client.workspace.restoreBackup({ name: 'workspace.sqlite.v1.2020-01-01T00-00-00-000Z.bak' })).resolves.toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('held by another program: says so, and opens on retry once it lets go', async () => {
    const { dataDir, letterId } = await workspaceWithBackup();
    const other = new Database(workspaceFileOf(dataDir));
    other.prepare('BEGIN EXCLUSIVE').run();
    const { core, client } = await openWorkspace(null, { dataDir, busyTimeoutMs: 20 });
    await expect(client.workspace.getState()).resolves.toEqual({ state: 'recovery', reason: 'locked', backups: [] });
    await expect(client.workspace.retryOpen()).resolves.toEqual({ ok: false, reason: 'locked' });
    other.prepare('ROLLBACK').run();
    other.close();
    await expect(client.workspace.retryOpen()).resolves.toEqual({ ok: true, keptAs: null });
    expect(core.state).toBe('ready');
    await expect(readLetter(client, letterId)).resolves.toBe('Sehr geehrte Frau Keller, gern übernehme ich das Projekt.');
  });

  it('a full disk while backing up before a migration: no half backup, the schema untouched, retry migrates', async () => {
    const dataDir = makeTempDir();
    await makeWorkspaceOneSchemaBehind(dataDir);
    const backup = vi.spyOn(fileSystem, 'backupDatabase').mockImplementation(async (_db, target) => {
      writeFileSync(target, 'half a backup');
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    const { core, client } = await openWorkspace(null, { dataDir });
    await expect(client.workspace.getState()).resolves.toEqual({ state: 'recovery', reason: 'disk_full', backups: [] });
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    const probe = new Database(workspaceFileOf(dataDir), { readonly: true });
    expect(probe.pragma('user_version', { simple: true })).toBe(migrations.length - 1);
    probe.close();

    backup.mockRestore();
    await expect(client.workspace.retryOpen()).resolves.toEqual({ ok: true, keptAs: null });
    expect(core.migration).toMatchObject({ from: migrations.length - 1, to: migrations.length });
    expect(readdirSync(path.join(dataDir, 'backups'))).toHaveLength(1);
  });
});
