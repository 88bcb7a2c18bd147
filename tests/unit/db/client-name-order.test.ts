/**
 * Clients sort with accents where a reader of the UI language expects them (#15): Céline before Chloé, Émile
 * among the E's, in French and German, both in the renderer's collator and in the SQL that pages the list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadableDatabase, openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { listClients } from '../../../electron/core/db/repositories/clients-repository';
import { applyRecord } from '../../../electron/core/db/repositories/platform-records-repository';
import { compareNames, readNameSortKey } from '../../../shared/domain/name-order';
import { makeClient } from '../../support/workspace-records';

const names = ['Zoë Weiß', 'Chloé Martin', 'Ōtani Studio', 'émile durand', 'Céline Faure', 'Claire Petit', 'Eva Berg', 'Ærø Design', 'Fabian Groß', 'Édith Roux'];
const expected = ['Ærø Design', 'Céline Faure', 'Chloé Martin', 'Claire Petit', 'Édith Roux', 'émile durand', 'Eva Berg', 'Fabian Groß', 'Ōtani Studio', 'Zoë Weiß'];

describe('compareNames (Intl.Collator in the UI language)', () => {
  it.each(['fr', 'de'])('puts Céline before Chloé and the accented E names among the E names in %s', (locale) => {
    expect(compareNames(locale)('Céline', 'Chloé')).toBeLessThan(0);
    expect([...names].sort(compareNames(locale))).toEqual(expected);
  });

  it('folds accents, case and ligatures into the SQL sort key', () => {
    expect(readNameSortKey('Émile Œuvre')).toBe('emile oeuvre');
    expect(readNameSortKey('Groß')).toBe('gross');
    expect(readNameSortKey('Chloé') > readNameSortKey('Céline')).toBe(true);
  });
});

describe('listClients orders names as the collators do', () => {
  let dir = '';
  let db: WritableDB;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-client-order-'));
    const file = path.join(dir, 'workspace.sqlite');
    db = openWritableDatabase(file);
    await migrate(db, { file, migrations });
    db.transaction(() => names.forEach((name, index) => applyRecord(db, 'client', makeClient(`cli_${index}`, { name }), new Date().toISOString(), null)))();
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on the writer and on a reader connection, across pages', () => {
    const page = (offset: number) => listClients(db, { text: '', offset, limit: 4 }).items.map((client) => client.name);
    expect([...page(0), ...page(4), ...page(8)]).toEqual(expected);
    for (const locale of ['fr', 'de']) expect([...names].sort(compareNames(locale))).toEqual(expected);
    const reader = openReadableDatabase(path.join(dir, 'workspace.sqlite'));
    try {
      expect(listClients(reader, { text: '', offset: 0, limit: 20 }).items.map((client) => client.name)).toEqual(expected);
    } finally {
      reader.close();
    }
  });
});
