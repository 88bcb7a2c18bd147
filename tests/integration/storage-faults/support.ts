import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { workspaceFileName, type Core } from '../../../electron/core/core';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { seedWorkspaceIfEmpty } from '../../../electron/core/dev/seed-workspace';
import type { BottegaClient } from '../../../shared/contract';

export const workspaceFileOf = (dataDir: string): string => path.join(dataDir, workspaceFileName);

/** A workspace one schema behind, holding rows: opening it migrates, and migrating makes a backup first. */
export const makeWorkspaceOneSchemaBehind = async (dataDir: string): Promise<void> => {
  const file = workspaceFileOf(dataDir);
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations: migrations.slice(0, -1) });
  db.close();
};

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
