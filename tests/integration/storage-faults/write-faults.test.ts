import { readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BottegaClient } from '../../../shared/contract';
import type { Core } from '../../../electron/core/core';
import { fileSystem } from '../../../electron/core/storage/file-system';
import { attachmentsDirOf } from '../../../electron/core/portfolio/image-store';
import { signIn, useCoreHarness, waitForSettled, waitForStatus } from '../../support/core-harness';
import { png } from '../portfolio/harness';
import { integrityOf, letterDoc, readLetter, startDraft, workspaceFileOf } from './support';

const { openWorkspace, startPlatform } = useCoreHarness();
afterEach(() => vi.restoreAllMocks());

const errno = (code: string): Error => Object.assign(new Error(`${code}: injected`), { code });

/** A real full disk for this connection: the file may not grow past what it holds now. */
const fillDisk = (core: Core): (() => void) => {
  const pages = core.db.pragma('page_count', { simple: true }) as number;
  core.db.pragma(`max_page_count = ${pages}`);
  return () => core.db.pragma('max_page_count = 4294967294');
};

const storageEvents = (client: BottegaClient): { problem: string; source: string }[] => {
  const seen: { problem: string; source: string }[] = [];
  client.on('storageProblem', (event) => seen.push(event));
  return seen;
};

const countRows = (core: Core, table: string): number => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const longLetter = (words: number): string => Array.from({ length: words }, (_, index) => `Wort${index}`).join(' ');

describe('storage faults on writes (defect 11, suite 3)', () => {
  it('autosave on a full disk (SQLITE_FULL): a typed disk_full, the letter as it was, the file sound; saved once there is room', async () => {
    const { core, client, dataDir } = await openWorkspace();
    const before = 'Guten Tag, ich biete Ihnen Folgendes an.';
    const id = await startDraft(core, client, before);
    const events = storageEvents(client);
    const outboxBefore = countRows(core, 'outbox');
    const freeSpace = fillDisk(core);

    const text = longLetter(15_000);
    await expect(client.proposals.saveVariant({ id, locale: 'de', bodyJson: letterDoc(text), bodyText: text })).rejects.toMatchObject({
      code: 'disk_full',
    });
    await expect(readLetter(client, id)).resolves.toBe(before);
    expect(countRows(core, 'outbox')).toBe(outboxBefore);
    expect(events).toEqual([{ problem: 'disk_full', source: 'call' }]);
    expect(integrityOf(workspaceFileOf(dataDir))).toBe('ok');

    freeSpace();
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: letterDoc(text), bodyText: text });
    await expect(readLetter(client, id)).resolves.toBe(text);
  });

  it('a queued write on a full disk: neither the item nor its outbox row is written', async () => {
    const { core, client } = await openWorkspace();
    const items = countRows(core, 'portfolio_items');
    const outbox = countRows(core, 'outbox');
    fillDisk(core);
    const description = longLetter(1_000);
    const goal = longLetter(500);
    await expect(
      client.portfolio.saveItem({
        id: null,
        defaultLocale: 'it',
        variants: [{ locale: 'it', title: 'Negozio online', role: 'Sviluppo', description, goal, solution: goal, sourceLocale: null }],
      }),
    ).rejects.toMatchObject({ code: 'disk_full' });
    expect(countRows(core, 'portfolio_items')).toBe(items);
    expect(countRows(core, 'outbox')).toBe(outbox);
  });

  it('autosave while another program holds the database: a typed locked error, nothing written; saved once it lets go', async () => {
    const { core, client, dataDir } = await openWorkspace(null, { busyTimeoutMs: 20 });
    const id = await startDraft(core, client, 'Erster Satz.');
    const other = new Database(workspaceFileOf(dataDir));
    other.prepare('BEGIN EXCLUSIVE').run();
    await expect(
      client.proposals.saveVariant({ id, locale: 'de', bodyJson: letterDoc('Zweiter Satz.'), bodyText: 'Zweiter Satz.' }),
    ).rejects.toMatchObject({ code: 'locked' });
    other.prepare('ROLLBACK').run();
    other.close();
    await expect(readLetter(client, id)).resolves.toBe('Erster Satz.');
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: letterDoc('Zweiter Satz.'), bodyText: 'Zweiter Satz.' });
    await expect(readLetter(client, id)).resolves.toBe('Zweiter Satz.');
  });

  for (const [code, problem] of [
    ['ENOSPC', 'disk_full'],
    ['EIO', 'io_error'],
  ] as const) {
    it(`an image import failing with ${code}: a typed ${problem}, no half file and no row; the same import works after`, async () => {
      const { core, client, dataDir } = await openWorkspace();
      const bytes = png(3);
      const write = fileSystem.writeSync;
      vi.spyOn(fileSystem, 'writeSync').mockImplementation((fd, data) => {
        write(fd, data.subarray(0, 100));
        throw errno(code);
      });
      await expect(client.portfolio.importImage({ name: 'logo.png', base64: bytes.toString('base64') })).rejects.toMatchObject({ code: problem });
      expect(readdirSync(attachmentsDirOf(dataDir))).toEqual([]);
      expect(countRows(core, 'attachments')).toBe(0);
      vi.restoreAllMocks();
      const stored = await client.portfolio.importImage({ name: 'logo.png', base64: bytes.toString('base64') });
      expect(readdirSync(attachmentsDirOf(dataDir))).toEqual([stored.hash]);
    });
  }

  it('signing in while the vault cannot be written (ENOSPC): a typed disk_full, still signed out, nothing half-written', async () => {
    const platform = await startPlatform();
    const { client, dataDir } = await openWorkspace(platform.url);
    const open = fileSystem.open;
    vi.spyOn(fileSystem, 'open').mockImplementation(async (file, flags, mode) => {
      const handle = await open(file, flags, mode);
      if (flags === 'wx') handle.writeFile = () => Promise.reject(errno('ENOSPC'));
      return handle;
    });
    await expect(signIn(client, platform)).rejects.toMatchObject({ code: 'disk_full' });
    vi.restoreAllMocks();
    expect(readdirSync(path.join(dataDir, 'secrets'))).toEqual([]);
    await expect(client.sync.getStatus()).resolves.toMatchObject({ connection: 'signed_out', account: null });
  });

  it('a pull on a full disk pauses sync with a clear status instead of retrying every 30 s; Sync now resumes it', async () => {
    const platform = await startPlatform();
    let requests = 0;
    const countingFetch: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const { core, client } = await openWorkspace(platform.url, { fetch: countingFetch });
    const events = storageEvents(client);
    // Room for the sign-in, none for the first sync's pages.
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages + 8}`);
    await signIn(client, platform);
    const paused = await waitForStatus(client, (s) => s.pausedFor === 'disk_full');
    expect(paused).toMatchObject({ phase: 'idle', nextAttemptAt: null });
    expect(events).toContainEqual({ problem: 'disk_full', source: 'sync' });
    const afterPause = requests;
    // Nothing is retried on a timer, and no local edit is lost: the file stays sound.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests - afterPause).toBeLessThanOrEqual(1);
    expect((core.db.pragma('quick_check', { simple: true }) as string)).toBe('ok');

    core.db.pragma('max_page_count = 4294967294');
    await client.sync.syncNow();
    const synced = await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null);
    expect(synced.pausedFor ?? null).toBeNull();
  });

  it('an upload whose image cannot be read (EIO) stays queued and goes once the disk reads again, instead of failing for good', async () => {
    const platform = await startPlatform();
    const { client } = await openWorkspace(platform.url);
    const image = await client.portfolio.importImage({ name: 'shop.png', base64: png(5).toString('base64') });
    await client.portfolio.saveItem({
      id: null,
      defaultLocale: 'it',
      imageHashes: [image.hash],
      variants: [{ locale: 'it', title: 'Negozio online', role: '', description: '', goal: '', solution: '', sourceLocale: null }],
    });
    const read = vi.spyOn(fileSystem, 'readFileSync').mockImplementation(() => {
      throw errno('EIO');
    });
    await signIn(client, platform);
    await waitForStatus(client, (s) => s.phase !== 'syncing' && read.mock.calls.length > 0);
    const writes = await client.sync.listWrites({});
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((write) => write.state === 'failed')).toEqual([]);

    read.mockRestore();
    await client.sync.syncNow();
    await waitForSettled(client);
  });
});
