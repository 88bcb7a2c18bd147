import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import {
  insertAccount,
  listAccountDrafts,
  listAccounts,
  readAccount,
  readAccountValue,
  removeAccountRecords,
  removeAccountRecordsGradually,
  updateAccount,
  writeAccountValue,
} from '../../../electron/core/db/repositories/accounts-repository';
import { writeFormDraft } from '../../../electron/core/db/repositories/form-drafts-repository';
import { fullTextTables, isFullTextRebuildOwed, pauseFullTextIndexing, rebuildFullTextStep } from '../../../electron/core/db/repositories/fts-maintenance';
import { insertPendingMessage } from '../../../electron/core/db/repositories/messages-repository';
import { listQueuedWrites, markWriteConflict } from '../../../electron/core/db/repositories/outbox-repository';
import { applyRecord } from '../../../electron/core/db/repositories/platform-records-repository';
import { insertDraft, writeTemplate } from '../../../electron/core/db/repositories/proposals-repository';
import { quarantineRecord } from '../../../electron/core/db/repositories/quarantine-repository';
import { writeSetting } from '../../../electron/core/db/repositories/settings-repository';
import { enqueueWrite } from '../../../electron/core/sync/writes/enqueue-write';
import type { CommunityEvent, ForumPost, ForumTopic, PortfolioItem, Story } from '../../../shared/platform/records';
import { useTempDirs } from '../../support/temp-dir';
import { makeClient, makeMessage, makeProfile, makeProject, makeProposal, makeThread } from '../../support/workspace-records';

const makeTempDir = useTempDirs();
const at = '2026-11-20T10:00:00.000Z';
const now = new Date(at);

const openWorkspace = async (): Promise<WritableDB> => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  return db;
};

const story = (id: string, title: string): Story => ({
  id,
  version: 1,
  author_name: 'Anna',
  author_country: 'IT',
  region: null,
  profession: 'Translator',
  sector: null,
  language: 'it',
  title,
  body: title,
  tags: [],
  tools: [],
  likes: 0,
  published_at: at,
  updated_at: at,
});
const topic = (id: string, title: string): ForumTopic => ({
  id,
  version: 1,
  category: 'pricing',
  language: 'en',
  title,
  author_id: 'usr_other',
  author_name: 'Anna',
  post_count: 1,
  pinned: false,
  locked: false,
  created_at: at,
  last_post_at: at,
  updated_at: at,
});
const post = (id: string, topicId: string, body: string): ForumPost => ({
  id,
  version: 1,
  topic_id: topicId,
  author_id: 'usr_other',
  author_name: 'Anna',
  body,
  reply_to: null,
  created_at: at,
  updated_at: at,
});
const event = (id: string, title: string): CommunityEvent => ({
  id,
  version: 1,
  title,
  description: title,
  language: 'it',
  format: 'in_person',
  starts_at: at,
  ends_at: at,
  time_zone: 'Europe/Rome',
  venue: null,
  city: 'Verona',
  country: 'IT',
  online_url: null,
  organizer_name: 'Bottega',
  cancelled: false,
  created_at: at,
  updated_at: at,
});
const portfolioItem = (id: string, imageHash: string): PortfolioItem => ({
  id,
  version: 1,
  skills: ['React'],
  links: [],
  image_ids: [imageHash],
  visibility: 'public',
  position: 0,
  completed_on: null,
  default_locale: 'it',
  variants: { it: { title: 'Sito', role: '', description: '', goal: '', solution: '', source_locale: null, revision: 1, source_revision: null, updated_at: at } },
  created_at: at,
  updated_at: at,
});

/**
 * One account's world, every synced table holding some of it, each text carrying `word` so search can tell
 * the accounts apart: a project with a proposal sent and a draft, its client, a thread with a confirmed and a
 * pending message (queued), a portfolio item, a story, a forum topic with a post, an event, a quarantined
 * record and a conflict.
 */
const fillAccount = (db: WritableDB, accountId: string, tag: string, word: string): void => {
  db.transaction(() => {
    applyRecord(db, 'client', makeClient(`cli_${tag}`, { name: `${word} client`, company: null }), at, accountId);
    applyRecord(db, 'project', makeProject(`prj_${tag}`, { client_id: `cli_${tag}`, title: `${word} project`, description: word }), at, accountId);
    applyRecord(db, 'proposal', makeProposal(`prp_${tag}_sent`, { project_id: `prj_${tag}` }), at, accountId);
    applyRecord(db, 'project', makeProject(`prj_${tag}_2`, { client_id: `cli_${tag}`, title: `${word} second` }), at, accountId);
    insertDraft(db, { id: `prp_${tag}_draft`, projectId: `prj_${tag}_2`, kind: 'fixed', currency: 'EUR', locale: 'it', now });
    db.prepare("UPDATE proposal_variants SET body_text = ?, body_json = '{}' WHERE proposal_id = ?").run(`Dear ${word}`, `prp_${tag}_draft`);
    applyRecord(db, 'thread', makeThread(`thr_${tag}`, { client_id: `cli_${tag}`, project_id: `prj_${tag}`, context: 'project' }), at, accountId);
    applyRecord(db, 'message', makeMessage(`msg_${tag}`, { thread_id: `thr_${tag}`, body: `${word} hello` }), at, accountId);
    insertPendingMessage(db, { id: `msg_${tag}_pending`, threadId: `thr_${tag}`, body: `${word} pending`, sentAt: now });
    enqueueWrite(db, {
      entityType: 'message',
      entityId: `msg_${tag}_pending`,
      op: 'post_message',
      payload: { threadId: `thr_${tag}`, id: `msg_${tag}_pending`, body: `${word} pending` },
      now,
    });
    applyRecord(db, 'portfolio_item', portfolioItem(`pfi_${tag}`, tag.repeat(64).slice(0, 64)), at, accountId);
    db.prepare("INSERT INTO image_downloads (hash, account_id, created_at, updated_at) VALUES (?, ?, 'x', 'x')").run(tag.repeat(64).slice(0, 64), accountId);
    applyRecord(db, 'story', story(`sto_${tag}`, `${word} story`), at, accountId);
    applyRecord(db, 'forum_topic', topic(`top_${tag}`, `${word} topic`), at, accountId);
    applyRecord(db, 'forum_post', post(`pst_${tag}`, `top_${tag}`, `${word} post`), at, accountId);
    applyRecord(db, 'event', event(`evt_${tag}`, `${word} event`), at, accountId);
    quarantineRecord(db, { type: 'project', recordId: `prj_${tag}_bad`, reason: 'title: too long', raw: {}, receivedAt: at, accountId });
    const seq = enqueueWrite(db, {
      entityType: 'proposal',
      entityId: `prp_${tag}_sent`,
      op: 'withdraw_proposal',
      payload: { id: `prp_${tag}_sent`, reason: null },
      baseVersion: 1,
      now,
    });
    const [entry] = listQueuedWrites(db, 50, accountId).filter((write) => write.seq === seq);
    markWriteConflict(db, entry!, makeProposal(`prp_${tag}_sent`, { version: 2 }), now);
    writeAccountValue(db, accountId, 'cursor', `cursor-${tag}`);
  }).immediate();
};

const syncedTables = ['projects', 'clients', 'threads', 'messages', 'proposals', 'portfolio_items', 'profile', 'stories', 'forum_topics', 'forum_posts', 'events', 'outbox', 'quarantine', 'conflicts', 'image_downloads'];

const rowsOf = (db: WritableDB, accountId: string | null): Record<string, number> =>
  Object.fromEntries(
    syncedTables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE account_id IS ?`).get(accountId) as { n: number }).n]),
  );

/** Every ordinary table's rows as JSON, for "nothing else changed". */
const dumpTable = (db: WritableDB, table: string): string => JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());

const searchAll = (db: WritableDB, word: string): Record<string, number> => ({
  projects: db.prepare('SELECT count(*) AS n FROM projects_fts WHERE projects_fts MATCH ?').pluck().get(word) as number,
  clients: db.prepare('SELECT count(*) AS n FROM clients_fts WHERE clients_fts MATCH ?').pluck().get(word) as number,
  messages: db.prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(word) as number,
  stories: db.prepare('SELECT count(*) AS n FROM stories_fts WHERE stories_fts MATCH ?').pluck().get(word) as number,
  forumPosts: db.prepare('SELECT count(*) AS n FROM forum_posts_fts WHERE forum_posts_fts MATCH ?').pluck().get(word) as number,
  forumTopics: db.prepare('SELECT count(*) AS n FROM forum_topics_fts WHERE forum_topics_fts MATCH ?').pluck().get(word) as number,
});

describe('accounts', () => {
  it('are listed in the order they were added, renamed, paused and given their platform user id', async () => {
    const db = await openWorkspace();
    const first = insertAccount(db, { platform: 'bottega', label: 'Bottega', baseUrl: 'https://bottega.example/', now });
    const second = insertAccount(db, { platform: 'freelancer', label: 'Freelancer', baseUrl: 'https://www.freelancer.com/', now });
    expect(first.id).toMatch(/^acc_[A-Za-z0-9_-]{12}$/);
    expect(first.id).not.toBe(second.id);
    expect(listAccounts(db).map((account) => [account.label, account.position])).toEqual([
      ['Bottega', 0],
      ['Freelancer', 1],
    ]);

    expect(updateAccount(db, second.id, { label: 'Freelancer (work)', state: 'paused', platformUserId: '4242' })).toBe(true);
    expect(readAccount(db, second.id)).toMatchObject({ label: 'Freelancer (work)', state: 'paused', platformUserId: '4242', baseUrl: 'https://www.freelancer.com/' });
    // Fields left out stay as they were.
    expect(updateAccount(db, second.id, { state: 'active' })).toBe(true);
    expect(readAccount(db, second.id)).toMatchObject({ label: 'Freelancer (work)', state: 'active', platformUserId: '4242' });
    expect(updateAccount(db, 'acc_missing', { label: 'x' })).toBe(false);
    expect(() => updateAccount(db, second.id, { label: '' })).toThrow(/CHECK/);
    expect(readAccount(db, 'acc_missing')).toBeNull();

    writeAccountValue(db, first.id, 'cursor', 'c1');
    writeAccountValue(db, second.id, 'cursor', 'c2');
    expect([readAccountValue(db, first.id, 'cursor'), readAccountValue(db, second.id, 'cursor')]).toEqual(['c1', 'c2']);
    writeAccountValue(db, first.id, 'cursor', null);
    expect(readAccountValue(db, first.id, 'cursor')).toBeNull();
    // A key of an account that does not exist is refused, not kept as an orphan.
    expect(() => writeAccountValue(db, 'acc_missing', 'cursor', 'c')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('stamps a queued write with the account of what it writes, and pushes unowned ones through the first bottega account', async () => {
    const db = await openWorkspace();
    const bottega = insertAccount(db, { platform: 'bottega', label: 'Bottega', baseUrl: 'https://bottega.example/', now });
    const freelancer = insertAccount(db, { platform: 'freelancer', label: 'Freelancer', baseUrl: 'https://www.freelancer.com/', now });
    db.transaction(() => {
      applyRecord(db, 'thread', makeThread('thr_fl'), at, freelancer.id);
      applyRecord(db, 'project', makeProject('prj_fl-1'), at, freelancer.id);
      insertPendingMessage(db, { id: 'msg_fl', threadId: 'thr_fl', body: 'Hello', sentAt: now });
      enqueueWrite(db, { entityType: 'message', entityId: 'msg_fl', op: 'post_message', payload: { threadId: 'thr_fl', id: 'msg_fl', body: 'Hello' }, now });
      insertDraft(db, { id: 'prp_fl', projectId: 'prj_fl-1', kind: 'fixed', currency: 'EUR', locale: 'en', now });
      // A portfolio item made here and never pushed belongs to no account.
      db.prepare("INSERT INTO portfolio_items (id, updated_at) VALUES ('pfi_local', ?)").run(at);
      enqueueWrite(db, { entityType: 'portfolio_item', entityId: 'pfi_local', op: 'delete_portfolio_item', payload: { id: 'pfi_local' }, now });
    }).immediate();

    expect(db.prepare("SELECT account_id FROM messages WHERE id = 'msg_fl'").pluck().get()).toBe(freelancer.id);
    expect(db.prepare("SELECT account_id FROM proposals WHERE id = 'prp_fl'").pluck().get()).toBe(freelancer.id);
    expect(listQueuedWrites(db, 50, freelancer.id).map((write) => [write.entityId, write.accountId])).toEqual([['msg_fl', freelancer.id]]);
    expect(listQueuedWrites(db, 50, bottega.id).map((write) => [write.entityId, write.accountId])).toEqual([['pfi_local', null]]);
    db.close();
  });

  it('gives a shared record to the account that last brought it: a newer version, or the same one from another account', async () => {
    const db = await openWorkspace();
    const one = insertAccount(db, { platform: 'freelancer', label: 'One', baseUrl: 'https://www.freelancer.com/', now });
    const two = insertAccount(db, { platform: 'freelancer', label: 'Two', baseUrl: 'https://www.freelancer.com/', now });
    const owner = (): unknown => db.prepare("SELECT account_id FROM projects WHERE id = 'prj_fl-9'").pluck().get();
    expect(applyRecord(db, 'project', makeProject('prj_fl-9', { version: 1, title: 'First' }), at, one.id)).toBe(true);
    // The same page again changes nothing.
    expect(applyRecord(db, 'project', makeProject('prj_fl-9', { version: 1, title: 'First' }), at, one.id)).toBe(false);
    expect(applyRecord(db, 'project', makeProject('prj_fl-9', { version: 1, title: 'First' }), at, two.id)).toBe(true);
    expect(owner()).toBe(two.id);
    // An older version changes neither the row nor whose it is.
    expect(applyRecord(db, 'project', makeProject('prj_fl-9', { version: 2, title: 'Second' }), at, one.id)).toBe(true);
    expect(applyRecord(db, 'project', makeProject('prj_fl-9', { version: 1, title: 'First' }), at, two.id)).toBe(false);
    expect(db.prepare("SELECT title, version, account_id AS accountId FROM projects WHERE id = 'prj_fl-9'").get()).toEqual({
      title: 'Second',
      version: 2,
      accountId: one.id,
    });
    db.close();
  });

  it('lists the drafts an account would lose, with their letters', async () => {
    const db = await openWorkspace();
    const a = insertAccount(db, { platform: 'bottega', label: 'A', baseUrl: 'https://a.example/', now });
    const b = insertAccount(db, { platform: 'freelancer', label: 'B', baseUrl: 'https://b.example/', now });
    fillAccount(db, a.id, 'a', 'amalfi');
    fillAccount(db, b.id, 'b', 'bolzano');
    expect(listAccountDrafts(db, a.id)).toEqual([
      {
        proposalId: 'prp_a_draft',
        projectId: 'prj_a_2',
        projectTitle: 'amalfi second',
        kind: 'fixed',
        currency: 'EUR',
        amountMinor: null,
        periodDays: null,
        createdAt: at,
        updatedAt: expect.any(String) as string,
        variants: [{ locale: 'it', text: 'Dear amalfi', document: '{}' }],
      },
    ]);
    db.close();
  });

  it.each([
    ['in one transaction', (db: WritableDB, id: string) => Promise.resolve(removeAccountRecords(db, id))],
    // A budget so small that every row goes in a transaction of its own.
    ['gradually', (db: WritableDB, id: string) => removeAccountRecordsGradually(db, id, { budgetMs: 0 })],
  ] as const)('removing one %s drops its synced records, writes, quarantine, conflicts and state, and nothing else; search and integrity stay whole', async (_, remove) => {
    const db = await openWorkspace();
    const a = insertAccount(db, { platform: 'bottega', label: 'A', baseUrl: 'https://a.example/', now });
    const b = insertAccount(db, { platform: 'freelancer', label: 'B', baseUrl: 'https://b.example/', now });
    fillAccount(db, a.id, 'a', 'amalfi');
    fillAccount(db, b.id, 'b', 'bolzano');
    // The profile came with A.
    db.transaction(() =>
      applyRecord(db, 'profile', makeProfile({ variants: { it: { headline: 'Ciao', bio: '', source_locale: null, revision: 1, source_revision: null, updated_at: at } } }), at, a.id),
    ).immediate();
    // What no account owns: the user's own and local things.
    db.transaction(() => {
      writeTemplate(db, { id: 'tpl_1', kind: 'template', locale: 'it', name: 'Saluti', bodyJson: '{}' }, now);
      writeSetting(db, 'ui.locale', 'it');
      writeFormDraft(db, 'profile', { name: 'Draft' }, now);
      db.prepare("INSERT INTO client_notes (client_id, body, updated_at) VALUES ('cli_a', 'Pays on time', ?)").run(at);
      db.prepare("INSERT INTO portfolio_items (id, updated_at) VALUES ('pfi_local', ?)").run(at);
      enqueueWrite(db, { entityType: 'portfolio_item', entityId: 'pfi_local', op: 'delete_portfolio_item', payload: { id: 'pfi_local' }, now });
    }).immediate();
    const bBefore = rowsOf(db, b.id);
    const unownedBefore = rowsOf(db, null);
    const localBefore = ['templates', 'settings', 'form_drafts', 'client_notes'].map((table) => dumpTable(db, table));
    expect(searchAll(db, 'amalfi')).toEqual({ projects: 2, clients: 1, messages: 2, stories: 1, forumPosts: 1, forumTopics: 1 });

    const removed = await remove(db, a.id);

    expect(removed).toEqual({
      records: {
        projects: 2,
        clients: 1,
        threads: 1,
        messages: 2,
        proposals: 2,
        portfolio_items: 1,
        profile: 1,
        stories: 1,
        forum_topics: 1,
        forum_posts: 1,
        events: 1,
      },
      writes: 2,
      quarantined: 1,
      conflicts: 1,
      images: 1,
    });
    expect(rowsOf(db, a.id)).toEqual(Object.fromEntries(syncedTables.map((table) => [table, 0])));
    expect(rowsOf(db, b.id)).toEqual(bBefore);
    expect(rowsOf(db, null)).toEqual(unownedBefore);
    expect(['templates', 'settings', 'form_drafts', 'client_notes'].map((table) => dumpTable(db, table))).toEqual(localBefore);
    // Children went with their records: variants, revisions, the skills index, the profile's variants.
    expect(db.prepare("SELECT count(*) FROM proposal_variants WHERE proposal_id LIKE 'prp_a%'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM proposal_revisions WHERE proposal_id LIKE 'prp_a%'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM portfolio_variants WHERE item_id = 'pfi_a'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM profile_variants').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM project_skills WHERE project_pk NOT IN (SELECT pk FROM projects)').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM proposal_variants WHERE proposal_id LIKE 'prp_b%'").pluck().get()).toBe(1);
    expect(readAccount(db, a.id)).toBeNull();
    expect(readAccountValue(db, a.id, 'cursor')).toBeNull();
    expect(readAccountValue(db, b.id, 'cursor')).toBe('cursor-b');

    // Search finds none of A's and all of B's; every index agrees with its table.
    expect(searchAll(db, 'amalfi')).toEqual({ projects: 0, clients: 0, messages: 0, stories: 0, forumPosts: 0, forumTopics: 0 });
    expect(searchAll(db, 'bolzano')).toEqual({ projects: 2, clients: 1, messages: 2, stories: 1, forumPosts: 1, forumTopics: 1 });
    for (const table of fullTextTables.filter((name) => name !== 'forum_topics')) {
      expect(() => db.exec(`INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('integrity-check', 1)`), table).not.toThrow();
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('removing one while another account’s first load has the search indexes paused (part-rebuilt) leaves them whole once rebuilt', async () => {
    const db = await openWorkspace();
    const a = insertAccount(db, { platform: 'bottega', label: 'A', baseUrl: 'https://a.example/', now });
    const b = insertAccount(db, { platform: 'freelancer', label: 'B', baseUrl: 'https://b.example/', now });
    fillAccount(db, a.id, 'a', 'amalfi');
    // A first load starts: no index maintenance until its rebuild.
    pauseFullTextIndexing(db);
    fillAccount(db, b.id, 'b', 'bolzano');
    // Its rebuild has begun: the first index is partly filled, its triggers limited to the rows indexed so far.
    rebuildFullTextStep(db, { budgetMs: 0, rows: 2 });
    expect(isFullTextRebuildOwed(db)).toBe(true);
    await removeAccountRecordsGradually(db, a.id, { budgetMs: 0 });
    while (isFullTextRebuildOwed(db)) rebuildFullTextStep(db, { budgetMs: 50 });
    expect(searchAll(db, 'amalfi')).toEqual({ projects: 0, clients: 0, messages: 0, stories: 0, forumPosts: 0, forumTopics: 0 });
    expect(searchAll(db, 'bolzano')).toEqual({ projects: 2, clients: 1, messages: 2, stories: 1, forumPosts: 1, forumTopics: 1 });
    for (const table of fullTextTables.filter((name) => name !== 'forum_topics')) {
      expect(() => db.exec(`INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('integrity-check', 1)`), table).not.toThrow();
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
