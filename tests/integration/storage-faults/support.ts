import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../../electron/core/core';
import { workspaceFileName } from '../../../electron/core/db/workspace-files';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { seedWorkspaceIfEmpty } from '../../../electron/core/dev/seed-workspace';
import { generateDemoProjects } from '../../../electron/core/dev/demo-projects';
import { upsertProjects } from '../../../electron/core/db/repositories/projects-repository';
import type { BottegaClient } from '../../../shared/contract';

export const workspaceFileOf = (dataDir: string): string => path.join(dataDir, workspaceFileName);

/** A workspace `behind` schemas behind (with `projects` demo projects in it): opening it migrates, after a backup. */
export const makeWorkspaceOneSchemaBehind = async (dataDir: string, behind = 1, projects = 0): Promise<void> => {
  const file = workspaceFileOf(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations: migrations.slice(0, -behind) });
  if (projects > 0) upsertProjects(db, generateDemoProjects(projects, 7, new Date()), new Date());
  db.close();
};

/** What of a workspace's projects must survive: their ids and titles, in order. */
export const projectsDigest = (db: Database.Database): string =>
  (db.prepare('SELECT id, title FROM projects ORDER BY id').all() as { id: string; title: string }[]).map((row) => `${row.id}:${row.title}`).join('\n');

/**
 * A copy of a live database as a power cut would leave it (after torn-write studies of SQLite's WAL): the write-ahead
 * log copied first, then the database file, then the checkpointer's progress (nBackfill) read from the -shm index;
 * the log copy is then cut at `fraction` of the way between what was surely on disk (flushed for an acknowledged
 * commit at `durableWalBytes`, or already copied into the database file) and its end. SQLite ignores the torn tail.
 */
export const copyAfterPowerCut = (file: string, target: string, durableWalBytes: number, fraction: number): void => {
  const wal = existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0);
  copyFileSync(file, target);
  const shm = existsSync(`${file}-shm`) ? readFileSync(`${file}-shm`) : Buffer.alloc(0);
  const header = readFileSync(file).subarray(0, 100);
  const rawPageSize = header.readUInt16BE(16);
  const frameBytes = 24 + (rawPageSize === 1 ? 65536 : rawPageSize);
  // WalCkptInfo follows the two 48-byte copies of the index header: nBackfill first, nBackfillAttempted at +32
  // (set before a checkpoint starts writing the database file, whose log frames were flushed before it).
  const backfilled = shm.length >= 132 ? Math.max(shm.readUInt32LE(96), shm.readUInt32LE(128)) : 0;
  const durable = Math.min(wal.length, Math.max(durableWalBytes, backfilled > 0 ? 32 + backfilled * frameBytes : 0));
  const keep = durable + Math.floor((wal.length - durable) * fraction);
  if (wal.length > 0) writeFileSync(`${target}-wal`, wal.subarray(0, keep));
};

/** The log's salt: it changes when the log starts over after a complete checkpoint. */
export const walSalt = (file: string): string => (existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).subarray(16, 24).toString('hex') : '');

export const walBytes = (file: string): number => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

/** A typical letter as the editor saves it. */
export const letterDoc = (text: string): string =>
  JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A draft with a first letter saved, on a seeded offline workspace. */
export const startDraft = async (core: Core, client: BottegaClient, text: string): Promise<string> => {
  seedWorkspaceIfEmpty(core, 5);
  const project = core.db.prepare('SELECT id FROM projects ORDER BY id LIMIT 1').get() as { id: string };
  const { id } = await client.proposals.createDraft({ projectId: project.id, locale: 'de' });
  await client.proposals.saveVariant({ id, locale: 'de', bodyJson: letterDoc(text), bodyText: text });
  return id;
};

export const readLetter = async (client: BottegaClient, id: string): Promise<string | undefined> =>
  (await client.proposals.getProposal({ id }))?.variants.find((variant) => variant.locale === 'de')?.bodyText;

/** Overwrites pages in the middle of a closed database with garbage: what a failing disk leaves. */
export const damagePages = (file: string): void => {
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  const pages = Math.floor(statSync(file).size / pageSize);
  const fd = openSync(file, 'r+');
  try {
    for (let page = 1; page < pages; page += 2) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, page * pageSize);
  } finally {
    closeSync(fd);
  }
};

export const sameBytes = (a: string, b: string): boolean => readFileSync(a).equals(readFileSync(b));

export const integrityOf = (file: string): string => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
};
