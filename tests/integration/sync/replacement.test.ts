import { describe, expect, it } from 'vitest';
import { fullTextTables, isFullTextRebuildOwed } from '../../../electron/core/db/repositories/fts-maintenance';
import { readRecordVersions } from '../../../electron/core/db/repositories/platform-records-repository';
import { searchProjectIds } from '../../../electron/core/db/repositories/projects-repository';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';
import { readServerView } from '../../support/platform-view';

const { startPlatform, openSignedIn } = useCoreHarness();

describe('a cursor the platform no longer knows', () => {
  it('rebuilds the cache and its search indexes: equal to the platform (the purged deletion too), searchable, every index sound', async () => {
    const platform = await startPlatform({ seed: 3, scale: 300 });
    const { core, client } = await openSignedIn(platform);
    const removed = [...(await readServerView(platform.url, platform.users.demo)).get('project')!.keys()][0]!;

    // A tombstone the workspace has not seen, purged: the workspace's cursor is from before it (410).
    platform.actors.remove('project', removed);
    const posted = platform.actors.postProject({ title: 'Segnaletica per il faro di Capo Testa' });
    platform.advanceClock(8 * 24 * 3600);
    expect(platform.compact()).toBeGreaterThan(0);
    const before = (await client.sync.getStatus()).lastSyncAt;
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== before && s.lastError === null);

    const remote = await readServerView(platform.url, platform.users.demo);
    expect(readRecordVersions(core.db, 'project')).toEqual(remote.get('project'));
    expect(readRecordVersions(core.db, 'project').has(removed)).toBe(false);
    expect(isFullTextRebuildOwed(core.db)).toBe(false);
    expect(searchProjectIds(core.db, 'capo testa', 5)).toEqual([posted.id]);
    for (const table of fullTextTables.filter((t) => t !== 'forum_topics')) {
      core.db.prepare(`INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('integrity-check', 1)`).run();
    }
    const triggers = core.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_%'").all() as { name: string; sql: string }[];
    expect(triggers).toHaveLength(fullTextTables.length * 3);
    expect(triggers.filter((t) => t.sql.includes('fts_rebuild_progress'))).toEqual([]);
  }, 60_000);
});
