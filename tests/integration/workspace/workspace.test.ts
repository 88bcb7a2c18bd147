import { afterEach, describe, expect, it } from 'vitest';
import { contract, type BottegaClient } from '../../../shared/contract';
import { scoreMatch } from '../../../shared/domain/match-score';
import type { RecordOf, RecordType } from '../../../shared/platform/records';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore, type Core } from '../../../electron/core/core';
import { applyRecord } from '../../../electron/core/db/repositories/platform-records-repository';
import { markWriteFailed } from '../../../electron/core/db/repositories/outbox-repository';
import { useTempDirs } from '../../support/temp-dir';
import { makeClient, makeMessage, makeProfile, makeProject, makeProposal, makeThread } from '../../support/workspace-records';

const makeTempDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

const open = async (dataDir = makeTempDir()) => {
  const core = await openCore({ dataDir, host: 'web', version: 'test', validateOutput: true });
  cores.push(core);
  const [near, far] = createInProcessPair();
  core.serve(far);
  const client: BottegaClient = createClient(contract, createBridge(contract, near));
  const apply = <T extends RecordType>(type: T, ...records: RecordOf<T>[]): void => {
    core.db.transaction(() => {
      for (const record of records) applyRecord(core.db, type, record, new Date().toISOString(), null);
    })();
  };
  return { core, client, apply, dataDir };
};

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

describe('the job feed', () => {
  it('filters, sorts and searches with accents folded and prefixes', async () => {
    const { client, apply } = await open();
    apply(
      'project',
      makeProject('prj_1', { title: 'Sito per una città d’arte', language: 'it', country: 'IT', skills: ['WordPress'], posted_at: daysAgo(1), bid_count: 3 }),
      makeProject('prj_2', { title: 'Übersetzung für München', language: 'de', country: 'DE', skills: ['Translation'], posted_at: daysAgo(2), kind: 'hourly', budget: { min_minor: 3_000, max_minor: 6_000, currency: 'EUR' } }),
      makeProject('prj_3', { title: 'React dashboard', language: 'en', country: 'GB', skills: ['React', 'TypeScript'], posted_at: daysAgo(20), budget: { min_minor: 500_000, max_minor: 900_000, currency: 'GBP' }, status: 'closed' }),
    );
    const ids = async (input: Parameters<BottegaClient['feed']['listProjects']>[0]) =>
      (await client.feed.listProjects(input)).items.map((project) => project.id);

    expect(await ids({})).toEqual(['prj_1', 'prj_2', 'prj_3']);
    expect(await ids({ filter: { text: 'citta' } })).toEqual(['prj_1']);
    expect(await ids({ filter: { text: 'munchen' } })).toEqual(['prj_2']);
    expect(await ids({ filter: { text: 'Über' } })).toEqual(['prj_2']);
    expect(await ids({ filter: { text: 'dash' } })).toEqual(['prj_3']);
    // FTS syntax typed by the user is only ever words.
    expect(await ids({ filter: { text: 'react OR "sito' } })).toEqual([]);
    expect(await ids({ filter: { text: 'NEAR(' } })).toEqual([]);
    expect(await ids({ filter: { skills: ['react', 'wordpress'] } })).toEqual(['prj_1', 'prj_3']);
    expect(await ids({ filter: { languages: ['de'] } })).toEqual(['prj_2']);
    expect(await ids({ filter: { countries: ['GB', 'IT'] } })).toEqual(['prj_1', 'prj_3']);
    expect(await ids({ filter: { kind: 'hourly' } })).toEqual(['prj_2']);
    expect(await ids({ filter: { statuses: ['open'] } })).toEqual(['prj_1', 'prj_2']);
    expect(await ids({ filter: { postedWithinDays: 7 } })).toEqual(['prj_1', 'prj_2']);
    expect(await ids({ filter: { currency: 'EUR', budgetMinMinor: 80_000 } })).toEqual(['prj_1']);
    expect(await ids({ filter: { currency: 'EUR', budgetMaxMinor: 10_000 } })).toEqual(['prj_2']);
    expect(await ids({ sort: 'budget' })).toEqual(['prj_3', 'prj_1', 'prj_2']);
    // Ties keep the newest-stored first, so paging stays stable.
    expect(await ids({ sort: 'bids' })).toEqual(['prj_1', 'prj_3', 'prj_2']);
    expect((await client.feed.listProjects({ filter: { text: 'citta' } })).total).toBe(1);
    // A full page leaves the total to countProjects; the last page tells it; an empty page past the end cannot.
    expect(await client.feed.listProjects({ limit: 2 })).toMatchObject({ total: null });
    expect(await client.feed.listProjects({ offset: 2, limit: 2 })).toMatchObject({ total: 3 });
    expect(await client.feed.listProjects({ offset: 5, limit: 2 })).toEqual({ total: null, items: [] });
    expect(await client.feed.countProjects({})).toEqual({ total: 3 });
    expect(await client.feed.countProjects({ filter: { languages: ['it', 'de'], postedWithinDays: 7 } })).toEqual({ total: 2 });

    const facets = await client.feed.getFacets();
    expect(facets.languages.map((facet) => facet.value).sort()).toEqual(['de', 'en', 'it']);
    expect(facets.skills.find((facet) => facet.value === 'React')).toEqual({ value: 'React', count: 1 });
  });

  it('scores the match in SQL exactly as the explained score, and sorts by it', async () => {
    const { client, apply, core } = await open();
    const projects = [
      makeProject('prj_a', { skills: ['React', 'TypeScript'], language: 'it', kind: 'hourly', budget: { min_minor: 1_000, max_minor: 6_000, currency: 'EUR' } }),
      makeProject('prj_b', { skills: ['React', 'Go', 'Rust'], language: 'fr', budget: { min_minor: 1_000, max_minor: 100_000, currency: 'EUR' } }),
      makeProject('prj_c', { skills: ['Excel'], language: 'en', budget: { min_minor: 1_000, max_minor: null, currency: 'USD' } }),
      makeProject('prj_d', { skills: [], language: 'de-CH', budget: { min_minor: 1_000, max_minor: 2_000, currency: 'EUR' } }),
    ];
    apply('project', ...projects);
    expect((await client.feed.listProjects({})).items.every((item) => item.match === null)).toBe(true);

    const profile = makeProfile();
    apply('profile', profile);
    const items = (await client.feed.listProjects({ sort: 'match' })).items;
    const sqlScores = new Map(
      (core.db.prepare('SELECT id, match_score FROM projects').all() as { id: string; match_score: number }[]).map((row) => [row.id, row.match_score]),
    );
    for (const item of items) expect(item.match?.score).toBe(sqlScores.get(item.id));
    const scores = items.map((item) => item.match!.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(items[0]!.id).toBe('prj_a');
    expect(items[0]!.match).toEqual({ score: 100, skillsMatched: 2, skillsTotal: 2, speaksLanguage: true, budget: 'fits' });
    const b = scoreMatch({ skills: ['React', 'Go', 'Rust'], language: 'fr', kind: 'fixed', currency: 'EUR', budgetMaxMinor: 100_000 }, {
      skills: profile.skills,
      languages: ['it', 'en'],
      hourlyRateMinor: 5_000,
      currency: 'EUR',
    });
    expect(b).toMatchObject({ skillsMatched: 1, skillsTotal: 3, speaksLanguage: false, budget: 'low' });

    // A new project is scored as it arrives, an updated profile rescores everything.
    apply('project', makeProject('prj_e', { skills: ['Excel'], language: 'en' }));
    apply('profile', makeProfile({ version: 2, skills: ['Excel'] }));
    const after = (await client.feed.listProjects({ sort: 'match' })).items;
    expect(after.slice(0, 2).map((item) => item.id).sort()).toEqual(['prj_c', 'prj_e']);
  });

  it('shows a project with its client and the user’s proposal', async () => {
    const { client, apply } = await open();
    apply('client', makeClient('cli_1'));
    apply('project', makeProject('prj_1', { description: '<script>alert(1)</script> details' }));
    apply('proposal', makeProposal('prp_1', { project_id: 'prj_1' }));
    const detail = await client.feed.getProject({ id: 'prj_1' });
    expect(detail).toMatchObject({
      id: 'prj_1',
      description: '<script>alert(1)</script> details',
      client: { id: 'cli_1', name: 'Giulia Rossi', paymentVerified: true },
      proposal: { id: 'prp_1', status: 'submitted', amountMinor: 80_000 },
    });
    expect(await client.feed.getProject({ id: 'prj_missing' })).toBeNull();
  });

  it('keeps saved searches with counts of new matches and announces each new match once', async () => {
    const { client, apply, core } = await open();
    apply('project', makeProject('prj_1', { title: 'Logo per pizzeria' }));
    const saved = await client.feed.saveSearch({ name: 'Pizza', filter: { ...emptyFilter(), text: 'pizzeria' }, sort: 'newest' });
    expect(saved.newCount).toBe(0);

    const announced: unknown[] = [];
    client.on('savedSearchMatches', (payload) => announced.push(payload));
    apply('project', makeProject('prj_2', { title: 'Menu per la pizzeria' }), makeProject('prj_3', { title: 'Sito per un idraulico' }));
    // The sync engine calls the same hook after each applied pull.
    const { collectSavedSearchNews } = await import('../../../electron/core/workspace/saved-searches');
    const news = collectSavedSearchNews(core.db);
    expect(news).toEqual([{ id: saved.id, name: 'Pizza', newCount: 1 }]);
    expect(collectSavedSearchNews(core.db)).toEqual([]);
    expect((await client.feed.listSavedSearches())[0]).toMatchObject({ name: 'Pizza', newCount: 1 });

    expect(await client.feed.openSavedSearch({ id: saved.id })).toMatchObject({ newCount: 0 });
    expect(await client.feed.deleteSavedSearch({ id: saved.id })).toEqual({ deleted: true });
    expect(await client.feed.listSavedSearches()).toEqual([]);
    expect(announced).toEqual([]);
  });
});

const emptyFilter = () => ({
  text: '',
  skills: [],
  languages: [],
  countries: [],
  kind: null,
  currency: null,
  budgetMinMinor: null,
  budgetMaxMinor: null,
  postedWithinDays: null,
  statuses: [],
});

describe('messages', () => {
  it('lists threads with unread counts and previews, pages a conversation and finds a message', async () => {
    const { client, apply } = await open();
    apply('client', makeClient('cli_1'));
    apply('project', makeProject('prj_1', { title: 'Etichette per vino' }));
    apply(
      'thread',
      makeThread('thr_1', { subject: 'Etichette', context: 'project', project_id: 'prj_1', unread_count: 2, read: false, last_message_at: '2026-11-20T10:02:00.000Z' }),
      makeThread('thr_2', { subject: 'Older', last_message_at: '2026-11-01T10:00:00.000Z' }),
    );
    apply(
      'message',
      makeMessage('msg_1', { body: 'Buongiorno, vorrei delle etichette', sent_at: '2026-11-20T10:00:00.000Z' }),
      makeMessage('msg_2', { body: 'Per il nostro Nebbiolo: https://cantina.example/vini', sent_at: '2026-11-20T10:01:00.000Z' }),
      makeMessage('msg_3', { body: 'Sarebbe possibile entro venerdì?', sent_at: '2026-11-20T10:02:00.000Z' }),
      makeMessage('msg_4', { thread_id: 'thr_2', body: 'Old news', sent_at: '2026-11-01T10:00:00.000Z' }),
    );
    const threads = await client.messages.listThreads({});
    expect(threads.total).toBe(2);
    expect(threads.items[0]).toMatchObject({
      id: 'thr_1',
      clientName: 'Giulia Rossi',
      projectTitle: 'Etichette per vino',
      unreadCount: 2,
      lastMessagePreview: 'Sarebbe possibile entro venerdì?',
      hasDraft: false,
    });

    const page = await client.messages.listMessages({ threadId: 'thr_1', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ id: 'msg_2', fromMe: false, state: 'synced' }] });
    expect(await client.messages.locateMessage({ id: 'msg_3' })).toEqual({ threadId: 'thr_1', index: 2 });

    const hits = await client.messages.searchMessages({ text: 'venerdi' });
    expect(hits.map((hit) => hit.messageId)).toEqual(['msg_3']);
    expect(hits[0]!.snippet).toContain('\u0002venerdì\u0003');
    expect((await client.messages.searchMessages({ text: 'e' })).length).toBe(0);

    expect(await client.messages.markThreadRead({ id: 'thr_1' })).toEqual({ unreadCount: 0 });
    apply('message', makeMessage('msg_5', { body: 'Ci siete?', sent_at: '2026-11-20T11:00:00.000Z' }));
    apply('thread', makeThread('thr_1', { version: 2, subject: 'Etichette', unread_count: 3, read: false, last_message_at: '2026-11-20T11:00:00.000Z' }));
    expect((await client.messages.getThread({ id: 'thr_1' }))?.unreadCount).toBe(1);
  });

  it('keeps a draft per thread across a restart, sends it as pending and retries a failed send', async () => {
    const dataDir = makeTempDir();
    const first = await open(dataDir);
    first.apply('thread', makeThread('thr_1'));
    await first.client.messages.saveDraft({ threadId: 'thr_1', body: 'Gentile cliente,' });
    first.core.close();
    cores.length = 0;

    const second = await open(dataDir);
    const thread = await second.client.messages.getThread({ id: 'thr_1' });
    expect(thread).toMatchObject({ draft: 'Gentile cliente,', hasDraft: true });

    const changed: unknown[] = [];
    second.client.on('messagesChanged', (payload) => changed.push(payload));
    const sent = await second.client.messages.sendMessage({ threadId: 'thr_1', body: 'Gentile cliente, ecco il preventivo.' });
    expect(sent.state).toBe('pending');
    expect((await second.client.messages.getThread({ id: 'thr_1' }))?.draft).toBe('');
    const [message] = (await second.client.messages.listMessages({ threadId: 'thr_1' })).items;
    expect(message).toMatchObject({ id: sent.id, fromMe: true, state: 'pending', failure: null });

    // The platform refuses it: the message shows the reason; retry puts the write back in the queue, under a
    // new key (the refusal committed nothing; the old key would only get it replayed).
    const { seq, key } = second.core.db.prepare('SELECT seq, idempotency_key AS key FROM outbox WHERE entity_id = ?').get(sent.id) as { seq: number; key: string };
    markWriteFailed(second.core.db, seq, { code: 'refused', status: 422, message: 'thread is closed' }, 'refused');
    second.core.db.prepare("UPDATE messages SET state = 'failed' WHERE id = ?").run(sent.id);
    expect((await second.client.messages.listMessages({ threadId: 'thr_1' })).items[0]).toMatchObject({
      state: 'failed',
      failure: { code: 'refused', status: 422, message: 'thread is closed' },
    });
    expect(await second.client.messages.retryMessage({ id: sent.id })).toEqual({ id: sent.id, state: 'pending' });
    expect(second.core.db.prepare('SELECT state, idempotency_key FROM outbox WHERE seq = ?').get(seq)).toMatchObject({ state: 'queued' });
    expect(second.core.db.prepare('SELECT idempotency_key AS key FROM outbox WHERE seq = ?').get(seq)).not.toEqual({ key });
    await expect(second.client.messages.retryMessage({ id: 'msg_nothing' })).rejects.toMatchObject({ code: 'not_found' });
    expect(changed.length).toBeGreaterThanOrEqual(2);
  });
});

describe('clients', () => {
  it('lists and searches clients, shows their history and keeps private notes', async () => {
    const { client, apply } = await open();
    apply('client', makeClient('cli_1'), makeClient('cli_2', { name: 'Jürgen Müller', company: null, country: 'DE' }));
    apply('project', makeProject('prj_1', { client_id: 'cli_1', title: 'Etichette' }), makeProject('prj_2', { client_id: 'cli_2' }));
    apply('proposal', makeProposal('prp_1', { project_id: 'prj_1' }));
    apply('thread', makeThread('thr_1', { client_id: 'cli_1' }));

    expect((await client.clients.listClients({})).items.map((item) => item.name)).toEqual(['Giulia Rossi', 'Jürgen Müller']);
    expect((await client.clients.listClients({ text: 'mull' })).items.map((item) => item.id)).toEqual(['cli_2']);
    expect((await client.clients.listClients({ text: 'cantina' })).items.map((item) => item.id)).toEqual(['cli_1']);

    await client.clients.saveClientNote({ clientId: 'cli_1', body: 'Pays fast; prefers Italian.' });
    const detail = await client.clients.getClient({ id: 'cli_1' });
    expect(detail).toMatchObject({
      name: 'Giulia Rossi',
      projects: [{ id: 'prj_1' }],
      proposals: [{ id: 'prp_1', projectTitle: 'Etichette' }],
      threads: [{ id: 'thr_1' }],
      note: 'Pays fast; prefers Italian.',
    });
    await client.clients.saveClientNote({ clientId: 'cli_1', body: '' });
    expect((await client.clients.getClient({ id: 'cli_1' }))?.note).toBe('');
    expect(await client.clients.getClient({ id: 'cli_nobody' })).toBeNull();
  });
});

describe('quick find', () => {
  it('finds projects, clients, conversations and proposals by the start of their names', async () => {
    const { client, apply } = await open();
    apply('client', makeClient('cli_1', { name: 'Jürgen Müller', company: 'Müller Weine' }));
    apply('project', makeProject('prj_1', { title: 'Weinetiketten für Müller', client_id: 'cli_1' }));
    apply('proposal', makeProposal('prp_1', { project_id: 'prj_1' }));
    apply('thread', makeThread('thr_1', { client_id: 'cli_1', subject: '50% off_labels' }));
    const found = await client.search.quickFind({ text: 'mull' });
    expect(found.map((item) => `${item.kind}:${item.id}`).sort()).toEqual(['client:cli_1', 'project:prj_1', 'proposal:prp_1']);
    // LIKE wildcards typed by the user are literal.
    expect((await client.search.quickFind({ text: '50% off_' })).map((item) => item.id)).toEqual(['thr_1']);
    expect((await client.search.quickFind({ text: '5_%' })).map((item) => item.id)).toEqual([]);
    expect(await client.search.quickFind({ text: '  ' })).toEqual([]);
  });
});
