/**
 * The lists across accounts (issue #14): feed, clients, conversations, proposals, quick find and message search
 * give each row its account's platform badge (null for a record no account brought), and an account filter
 * narrows a list to that account's rows and nothing else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertAccount, removeAccountRecords } from '../../../electron/core/db/repositories/accounts-repository';
import { listClients } from '../../../electron/core/db/repositories/clients-repository';
import { listThreads, searchMessages } from '../../../electron/core/db/repositories/messages-repository';
import { findWriteAccount } from '../../../electron/core/db/repositories/outbox-repository';
import { applyRecord } from '../../../electron/core/db/repositories/platform-records-repository';
import { countProjects, listProjects } from '../../../electron/core/db/repositories/projects-repository';
import { insertDraft, listProposals } from '../../../electron/core/db/repositories/proposals-repository';
import { quickFind } from '../../../electron/core/db/repositories/quick-find-repository';
import { emptyFeedFilter } from '../../../shared/domain/project';
import { toFtsQuery } from '../../../shared/domain/search-text';
import { makeClient, makeMessage, makeProject, makeProposal, makeThread } from '../../support/workspace-records';

const now = new Date('2026-11-21T10:00:00.000Z');
const studio = { id: 'acc_studio', platform: 'bottega', label: 'Studio' } as const;
const freelancer = { id: 'acc_fl', platform: 'freelancer', label: 'Freelancer (personal)' } as const;

let dir = '';
let db: WritableDB;

/** One project, client, conversation with a message and bid per account, all matching the word "vigneto". */
const seedAccount = (account: { id: string }, prefix: string): void => {
  const fetched = now.toISOString();
  db.transaction(() => {
    applyRecord(db, 'client', makeClient(`cli_${prefix}`, { name: `Vigneto ${prefix}` }), fetched, account.id);
    applyRecord(db, 'project', makeProject(`prj_${prefix}`, { client_id: `cli_${prefix}`, title: `Etichette vigneto ${prefix}` }), fetched, account.id);
    applyRecord(db, 'thread', makeThread(`thr_${prefix}`, { client_id: `cli_${prefix}`, project_id: `prj_${prefix}`, subject: `Vigneto ${prefix}` }), fetched, account.id);
    applyRecord(db, 'message', makeMessage(`msg_${prefix}`, { thread_id: `thr_${prefix}`, body: `Le etichette del vigneto ${prefix}` }), fetched, account.id);
    applyRecord(db, 'proposal', makeProposal(`prp_${prefix}`, { project_id: `prj_${prefix}` }), fetched, account.id);
  })();
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bottega-account-lists-'));
  const file = path.join(dir, 'workspace.sqlite');
  db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  db.transaction(() => {
    insertAccount(db, { ...studio, baseUrl: 'https://bottega.example', now });
    insertAccount(db, { ...freelancer, baseUrl: 'https://www.freelancer.com', now });
  })();
  seedAccount(studio, 'a');
  seedAccount(freelancer, 'b');
  // A project no account brought (a local seed): listed with no badge, outside any account's filter.
  db.transaction(() => applyRecord(db, 'project', makeProject('prj_local', { title: 'Etichette vigneto locale' }), now.toISOString(), null))();
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const badgesById = (items: readonly { id: string; account: unknown }[]) => Object.fromEntries(items.map((item) => [item.id, item.account]));

describe('lists across accounts', () => {
  it('the feed gives each project its account badge and the account filter keeps only that account’s', () => {
    const all = listProjects(db, { offset: 0, limit: 50, sort: 'newest', filter: emptyFeedFilter }, now);
    expect(badgesById(all)).toEqual({ prj_a: studio, prj_b: freelancer, prj_local: null });

    const filter = { ...emptyFeedFilter, accountIds: [freelancer.id] };
    expect(listProjects(db, { offset: 0, limit: 50, sort: 'newest', filter }, now).map((project) => project.id)).toEqual(['prj_b']);
    expect(countProjects(db, filter, now)).toBe(1);
    // With other filters too (a word), and both accounts at once.
    const both = { ...emptyFeedFilter, text: 'vigneto', accountIds: [studio.id, freelancer.id] };
    expect(listProjects(db, { offset: 0, limit: 50, sort: 'budget', filter: both }, now).map((project) => project.id).sort()).toEqual(['prj_a', 'prj_b']);
    expect(countProjects(db, both, now)).toBe(2);
  });

  it('clients, conversations and proposals carry the badge and narrow by account', () => {
    expect(badgesById(listClients(db, { text: '', offset: 0, limit: 50 }).items)).toEqual({ cli_a: studio, cli_b: freelancer });
    expect(listClients(db, { text: 'vigneto', offset: 0, limit: 50, accountIds: [studio.id] })).toMatchObject({ total: 1, items: [{ id: 'cli_a' }] });

    expect(badgesById(listThreads(db, { offset: 0, limit: 50 }).items)).toEqual({ thr_a: studio, thr_b: freelancer });
    expect(listThreads(db, { offset: 0, limit: 50, accountIds: [freelancer.id] })).toMatchObject({ total: 1, items: [{ id: 'thr_b' }] });

    const query = { text: '', status: null, projectId: null, locale: null, limit: 50 };
    expect(badgesById(listProposals(db, query))).toEqual({ prp_a: studio, prp_b: freelancer });
    expect(listProposals(db, { ...query, accountIds: [studio.id] }).map((proposal) => proposal.id)).toEqual(['prp_a']);
  });

  it('a draft written here is its project’s account’s: badge, filter, and the account it goes out through', () => {
    db.transaction(() => insertDraft(db, { id: 'prp_draft', projectId: 'prj_b', kind: 'fixed', currency: 'EUR', locale: 'it', now }))();
    const query = { text: '', status: 'draft', projectId: null, locale: null, limit: 50 };
    expect(listProposals(db, query)).toMatchObject([{ id: 'prp_draft', account: freelancer }]);
    expect(listProposals(db, { ...query, accountIds: [studio.id] })).toEqual([]);
    expect(findWriteAccount(db, 'proposal', 'prp_draft')).toBe(freelancer.id);
    expect(findWriteAccount(db, 'proposal', 'prp_a')).toBe(studio.id);
    db.prepare("DELETE FROM proposals WHERE id = 'prp_draft'").run();
  });

  it('quick find and message search span every account, each hit with its badge', () => {
    const found = quickFind(db, toFtsQuery('vigneto')!, '%vigneto%', 10);
    const byKind = (kind: string) => Object.fromEntries(found.filter((item) => item.kind === kind).map((item) => [item.id, item.account]));
    expect(byKind('project')).toEqual({ prj_a: studio, prj_b: freelancer, prj_local: null });
    expect(byKind('client')).toEqual({ cli_a: studio, cli_b: freelancer });
    expect(byKind('thread')).toEqual({ thr_a: studio, thr_b: freelancer });
    expect(byKind('proposal')).toEqual({ prp_a: studio, prp_b: freelancer });

    const hits = searchMessages(db, toFtsQuery('etichette')!, 10);
    expect(Object.fromEntries(hits.map((hit) => [hit.messageId, hit.account]))).toEqual({ msg_a: studio, msg_b: freelancer });
  });

  it('after an account is removed its rows are gone from every list and the other’s keep their badge', () => {
    db.transaction(() => removeAccountRecords(db, freelancer.id))();
    expect(badgesById(listProjects(db, { offset: 0, limit: 50, sort: 'newest', filter: emptyFeedFilter }, now))).toEqual({ prj_a: studio, prj_local: null });
    expect(badgesById(listClients(db, { text: '', offset: 0, limit: 50 }).items)).toEqual({ cli_a: studio });
    expect(badgesById(listThreads(db, { offset: 0, limit: 50 }).items)).toEqual({ thr_a: studio });
    expect(badgesById(listProposals(db, { text: '', status: null, projectId: null, locale: null, limit: 50 }))).toEqual({ prp_a: studio });
  });
});
