import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { migrations } from '../../../electron/core/db/migrations';
import { createFileSecretStore, type SecretStore } from '../../../electron/core/secrets/secret-store';
import { attachmentsDirOf, sweepPartialImages } from '../../../electron/core/portfolio/image-store';
import { fileSystem } from '../../../electron/core/storage/file-system';
import { createTokenVault } from '../../../electron/main/secrets/token-vault';
import { signIn, useCoreHarness, waitForStatus } from '../../support/core-harness';
import { createRandom } from '../../support/random';
import { createTestCipher } from '../../support/test-cipher';
import { png } from '../portfolio/harness';
import { cuts, materializeAfterCut, readFolder, recordFileSystem } from './power-cut-fs';
import {
  copyAfterPowerCut,
  integrityOf,
  letterDoc,
  makeWorkspaceOneSchemaBehind,
  projectsDigest,
  readLetter,
  startDraft,
  walBytes,
  walSalt,
  workspaceFileOf,
} from './support';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { contract } from '../../../shared/contract';

const { makeTempDir, openWorkspace, startPlatform } = useCoreHarness();
afterEach(() => vi.restoreAllMocks());

describe('power cuts (suite 3)', () => {
  const cipher = createTestCipher();
  const vaults: Record<string, (file: string) => SecretStore> = {
    'the file vault': (file) => createFileSecretStore(file),
    'the token vault': (file) => createTokenVault(file, cipher),
  };

  for (const [name, open] of Object.entries(vaults)) {
    it(`${name}: a save cut at any point leaves the old sign-in or the new one, the new one once acknowledged`, async () => {
      const dir = makeTempDir();
      const file = path.join(dir, 'vault.json');
      await open(file).writeSecret('platform.session', 'old-session');
      const before = readFolder(dir);
      const recording = recordFileSystem();
      await open(file).writeSecret('platform.session', 'new-session');
      recording.stop();
      expect(recording.events.length).toBeGreaterThan(3);
      for (let count = 0; count <= recording.events.length; count++) {
        for (const cut of cuts) {
          const target = path.join(makeTempDir(), 'vault');
          materializeAfterCut(before, recording.events, count, cut, dir, target);
          const read = await open(path.join(target, 'vault.json')).readSecret('platform.session');
          const where = `after ${count} of ${recording.events.length} steps, ${JSON.stringify(cut)}`;
          if (count === recording.events.length) expect(read, where).toBe('new-session');
          else expect(['old-session', 'new-session'], where).toContain(read);
        }
      }
    });
  }

  it('the model catches a vault writer that renames without flushing (as before defect 6 was fixed)', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'vault.json');
    await createFileSecretStore(file).writeSecret('platform.session', 'old-session');
    const before = readFolder(dir);
    const recording = recordFileSystem();
    // The old writer: temp file written, renamed over the vault, nothing flushed.
    const handle = await fileSystem.open(`${file}.tmp`, 'w', 0o600);
    await handle.writeFile(JSON.stringify({ 'platform.session': 'new-session' }));
    await handle.close();
    await fileSystem.rename(`${file}.tmp`, file);
    recording.stop();
    let damaged = 0;
    for (const cut of cuts) {
      const target = path.join(makeTempDir(), 'vault');
      materializeAfterCut(before, recording.events, recording.events.length, cut, dir, target);
      await createFileSecretStore(path.join(target, 'vault.json'))
        .readSecret('platform.session')
        .catch(() => damaged++);
    }
    expect(damaged).toBeGreaterThan(0);
  });

  it('an image import cut at any point: no file under a hash name but whole, and the acknowledged image is there', async () => {
    const { client, dataDir } = await openWorkspace();
    const dir = attachmentsDirOf(dataDir);
    mkdirSync(dir, { recursive: true });
    const recording = recordFileSystem();
    const stored = await client.portfolio.importImage({ name: 'kitchen.png', base64: png(11, 96).toString('base64') });
    recording.stop();
    for (let count = 0; count <= recording.events.length; count++) {
      for (const cut of cuts) {
        const target = path.join(makeTempDir(), 'attachments');
        materializeAfterCut(new Map(), recording.events, count, cut, dir, target);
        sweepPartialImages(target);
        const files = readFolder(target);
        for (const [name, bytes] of files) expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(name);
        if (count === recording.events.length) expect([...files.keys()]).toEqual([stored.hash]);
      }
    }
  });

  it('a migration cut at any point: the old schema or the new, every project kept, the file sound, and it opens', async () => {
    const dataDir = makeTempDir();
    await makeWorkspaceOneSchemaBehind(dataDir, 2, 1500);
    const file = workspaceFileOf(dataDir);
    const before = new Database(file, { readonly: true });
    const digest = projectsDigest(before);
    before.close();
    // Everything before the migration was checkpointed at close: the log that follows is the migration's alone.
    const core = await openCore({ dataDir, host: 'web', version: 'test' });
    expect(core.migration.from).toBe(migrations.length - 2);
    expect(walBytes(file)).toBeGreaterThan(0);
    const versions = new Set<unknown>();
    for (const fraction of [0, 0.1, 0.35, 0.5, 0.8, 0.97, 1]) {
      const copyDir = makeTempDir();
      const copy = workspaceFileOf(copyDir);
      copyAfterPowerCut(file, copy, 0, fraction);
      const db = new Database(copy);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      versions.add(db.pragma('user_version', { simple: true }));
      expect(projectsDigest(db)).toBe(digest);
      db.close();
      const reopened = await openCore({ dataDir: copyDir, host: 'web', version: 'test' });
      expect(reopened.state).toBe('ready');
      expect(projectsDigest(reopened.db)).toBe(digest);
      reopened.close();
      expect(integrityOf(copy)).toBe('ok');
    }
    // A cut early in the log finds the old schema (migrated again at the next start), a late one the new.
    expect([...versions].sort((a, b) => Number(a) - Number(b))).toEqual([migrations.length - 2, migrations.length]);
    core.close();
  });

  it('a first sync (its pages committed at synchronous=NORMAL) cut at random points: every letter save acknowledged before the cut is kept, the file sound', async () => {
    // Every answer takes 200 ms, so the first sync (a token, then its pages) outlasts the first saves however fast the
    // machine is: the cuts below land while pages are being committed, never all after the sync.
    const platform = await startPlatform({ faults: 'latency=1@200' });
    const { core, client, dataDir } = await openWorkspace(platform.url);
    const file = workspaceFileOf(dataDir);
    const id = await startDraft(core, client, 'Entwurf 0');
    const random = createRandom(20261206);
    const snapshots: { dir: string; letter: string }[] = [];
    const synced = (async () => {
      await signIn(client, platform);
      return waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null);
    })();
    let done = false;
    void synced.then(() => (done = true));
    // Typing goes on while the pages arrive: each save is acknowledged (FULL), then the power may go at any moment.
    for (let save = 1; !done && save <= 40; save++) {
      const text = `Entwurf ${save}`;
      await client.proposals.saveVariant({ id, locale: 'de', bodyJson: letterDoc(text), bodyText: text });
      const acked = { bytes: walBytes(file), salt: walSalt(file) };
      await new Promise((resolve) => setTimeout(resolve, 10 + random() * 60));
      if (random() < 0.3 || save <= 2) {
        const dir = makeTempDir();
        // A log that started over since the save holds it in the database file already.
        copyAfterPowerCut(file, workspaceFileOf(dir), walSalt(file) === acked.salt ? acked.bytes : 0, random());
        snapshots.push({ dir, letter: text });
      }
    }
    await synced;
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
    for (const snapshot of snapshots) {
      expect(integrityOf(workspaceFileOf(snapshot.dir)), snapshot.letter).toBe('ok');
      const reopened = await openCore({ dataDir: snapshot.dir, host: 'web', version: 'test' });
      expect(reopened.state).toBe('ready');
      const [near, far] = createInProcessPair();
      reopened.serve(far);
      await expect(readLetter(createClient(contract, createBridge(contract, near)), id)).resolves.toBe(snapshot.letter);
      reopened.close();
    }
  });
});
