import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAttentionService, type AttentionService } from '../../../electron/core/attention/attention-service';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertAccount, writeAccountValue } from '../../../electron/core/db/repositories/accounts-repository';
import type { UnreadTotals } from '../../../shared/contract/attention';
import { defaultAttentionSettings, type Notice } from '../../../shared/domain/attention';
import type { RecordType } from '../../../shared/platform/records';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

// Rows as a pull leaves them (the columns this policy reads; the rest keep their defaults).
const addThread = (db: WritableDB, id: string, extra: { muted?: boolean; projectId?: string; unread?: number } = {}): void => {
  db.prepare(
    "INSERT INTO threads (id, version, context, project_id, unread_count, muted, raw, fetched_at) VALUES (?, 1, ?, ?, ?, ?, '{}', '2026-12-01T00:00:00.000Z')",
  ).run(id, extra.projectId ? 'project' : 'general', extra.projectId ?? null, extra.unread ?? 0, extra.muted ? 1 : 0);
};
let messageSeq = 0;
const addMessage = (db: WritableDB, threadId: string, sentAt: string, fromMe = false): void => {
  db.prepare('INSERT INTO messages (id, version, thread_id, from_me, body, sent_at) VALUES (?, 1, ?, ?, ?, ?)').run(`msg_${++messageSeq}`, threadId, fromMe ? 1 : 0, 'Hi', sentAt);
};
const addProposal = (db: WritableDB, id: string, status: string, submittedAt: string, projectId = 'prj_1'): void => {
  db.prepare(
    `INSERT INTO proposals (id, version, project_id, status, currency, default_locale, submitted_at, created_at, updated_at)
     VALUES (?, 1, ?, ?, 'EUR', 'en', ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status`,
  ).run(id, projectId, status, submittedAt, submittedAt, submittedAt);
};

let db: WritableDB;
let clock: Date;
let raised: Notice[][];
let unread: UnreadTotals[];
let attention: AttentionService;
const types = (...list: RecordType[]): Set<RecordType> => new Set(list);

beforeEach(async () => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  // Noon, local time: outside the default quiet hours.
  clock = new Date(2026, 11, 7, 12, 0);
  raised = [];
  unread = [];
  attention = createAttentionService({
    db,
    now: () => clock,
    onNotices: (notices) => raised.push(notices),
    onUnread: (totals) => unread.push(totals),
    onPreferences: () => undefined,
  });
  return () => db.close();
});

const later = (minutes: number): string => {
  clock = new Date(clock.getTime() + minutes * 60_000);
  return clock.toISOString();
};

describe('the core’s attention service', () => {
  it('announces nothing of what the first sync brought, then each new message once', () => {
    addThread(db, 'thr_1', { unread: 1 });
    addMessage(db, 'thr_1', later(1));
    attention.announcePulled(types('thread', 'message'), []);
    expect(raised).toEqual([]);

    addMessage(db, 'thr_1', later(5));
    db.prepare('UPDATE threads SET unread_count = 2').run();
    attention.announcePulled(types('thread', 'message'), []);
    expect(raised).toEqual([[{ kind: 'message', threadId: 'thr_1', count: 1 }]]);
    expect(unread.at(-1)).toEqual({ messages: 2, threads: 1 });

    // The same rows again (a page applied twice): nothing new.
    later(1);
    attention.announcePulled(types('thread', 'message'), []);
    expect(raised).toHaveLength(1);
  });

  it('says nothing for a muted thread and leaves it out of the unread totals', () => {
    attention.announcePulled(types('message'), []);
    addThread(db, 'thr_muted', { muted: true, unread: 3 });
    addThread(db, 'thr_open', { unread: 1 });
    addMessage(db, 'thr_muted', later(1));
    attention.announcePulled(types('thread', 'message'), []);
    expect(raised).toEqual([]);
    expect(attention.unread()).toEqual({ messages: 1, threads: 1 });
  });

  it('says nothing in quiet hours, and does not bring it up once they are over', () => {
    attention.setPreferences({ attention: { ...defaultAttentionSettings, quietHours: { enabled: true, start: 11 * 60, end: 13 * 60 } } });
    attention.announcePulled(types('message'), []);
    addThread(db, 'thr_1');
    addMessage(db, 'thr_1', later(1));
    attention.announcePulled(types('thread', 'message'), []);
    expect(raised).toEqual([]);
    later(120);
    attention.announcePulled(types('thread', 'message'), []);
    expect(raised).toEqual([]);
  });

  it('raises one grouped notice for the saved searches of a round', () => {
    attention.announcePulled(types('project'), []);
    const searches = Array.from({ length: 30 }, (_, index) => ({ id: index + 1, newCount: 1 }));
    attention.announcePulled(types('project'), searches);
    expect(raised).toEqual([[{ kind: 'searchMatches', searches: 30, count: 30, searchId: null }]]);
  });

  it('tells a client’s first reply from a message, and a proposal’s decision once', () => {
    addProposal(db, 'prp_1', 'submitted', later(0));
    addThread(db, 'thr_1', { projectId: 'prj_1' });
    attention.announcePulled(types('proposal', 'thread'), []);
    addMessage(db, 'thr_1', later(10));
    addProposal(db, 'prp_1', 'shortlisted', clock.toISOString());
    attention.announcePulled(types('proposal', 'message'), []);
    expect(raised).toEqual([
      [
        { kind: 'firstReply', threadId: 'thr_1' },
        { kind: 'proposalStatus', proposalId: 'prp_1', status: 'shortlisted' },
      ],
    ]);
    addMessage(db, 'thr_1', later(10));
    attention.announcePulled(types('proposal', 'message'), []);
    expect(raised[1]).toEqual([{ kind: 'message', threadId: 'thr_1', count: 1 }]);
    addProposal(db, 'prp_1', 'awarded', clock.toISOString());
    attention.announcePulled(types('proposal'), []);
    expect(raised[2]).toEqual([{ kind: 'proposalStatus', proposalId: 'prp_1', status: 'awarded' }]);
  });

  it('does not announce old messages that a rebuilt cache stored again', () => {
    addThread(db, 'thr_1');
    addMessage(db, 'thr_1', later(0));
    attention.announcePulled(types('message'), []);
    later(3 * 24 * 60);
    // The cache was dropped and fetched again: the same old message, a new row.
    db.prepare('DELETE FROM messages').run();
    addMessage(db, 'thr_1', new Date(clock.getTime() - 3 * 24 * 60 * 60_000).toISOString());
    attention.announcePulled(types('message'), []);
    expect(raised).toEqual([]);
  });

  it('reminds of a proposal without a reply after the set days, once, and not after the client answered', () => {
    const day = 24 * 60;
    attention.setPreferences({ attention: { ...defaultAttentionSettings, followUpDays: 2 } });
    attention.announceFollowUps();
    addProposal(db, 'prp_1', 'submitted', clock.toISOString(), 'prj_1');
    addProposal(db, 'prp_2', 'submitted', clock.toISOString(), 'prj_2');
    addThread(db, 'thr_2', { projectId: 'prj_2' });
    addMessage(db, 'thr_2', later(day));
    later(day + 1);
    expect(attention.listFollowUps()).toEqual([{ proposalId: 'prp_1', projectId: 'prj_1', projectTitle: null, language: null, days: 2, threadId: null }]);
    attention.announceFollowUps();
    attention.announceFollowUps();
    expect(raised).toEqual([[{ kind: 'followUp', proposalId: 'prp_1', days: 2 }]]);
  });

  it('reminds after each account’s own days, the workspace’s setting for an account without its own', () => {
    const day = 24 * 60;
    for (const [id, label] of [['acc_a', 'Agency'], ['acc_b', 'Freelance'], ['acc_c', 'Default']] as const) {
      insertAccount(db, { id, platform: 'bottega', label, baseUrl: 'http://127.0.0.1:1', now: clock });
    }
    writeAccountValue(db, 'acc_a', 'follow_up_days', '2');
    writeAccountValue(db, 'acc_b', 'follow_up_days', '7');
    // The workspace's default (3 days) for acc_c; 0 would mean never for it, not for the others.
    attention.announceFollowUps();
    for (const [proposal, account] of [['prp_a', 'acc_a'], ['prp_b', 'acc_b'], ['prp_c', 'acc_c']] as const) {
      addProposal(db, proposal, 'submitted', clock.toISOString(), `prj_${proposal}`);
      db.prepare('UPDATE proposals SET account_id = ? WHERE id = ?').run(account, proposal);
    }
    const reminded = (): string[] => raised.flat().flatMap((notice) => (notice.kind === 'followUp' ? [notice.proposalId] : []));
    const listed = (): string[] => attention.listFollowUps().map((followUp) => followUp.proposalId);

    later(2 * day - 1);
    attention.announceFollowUps();
    expect([listed(), reminded()]).toEqual([[], []]);
    later(2);
    attention.announceFollowUps();
    expect([listed(), reminded()]).toEqual([['prp_a'], ['prp_a']]);
    later(day);
    attention.announceFollowUps();
    expect([listed(), reminded()]).toEqual([['prp_a', 'prp_c'], ['prp_a', 'prp_c']]);
    later(4 * day - 2);
    attention.announceFollowUps();
    expect(listed()).toEqual(['prp_a', 'prp_c']);
    later(2);
    attention.announceFollowUps();
    expect([listed(), reminded()]).toEqual([['prp_a', 'prp_b', 'prp_c'], ['prp_a', 'prp_c', 'prp_b']]);

    // The workspace's setting at 0 (never) silences only the account without its own days.
    attention.setPreferences({ attention: { ...defaultAttentionSettings, followUpDays: 0 } });
    expect(listed()).toEqual(['prp_a', 'prp_b']);
  });

  it('goes by the last word on the user’s activity (a window’s, or main’s when none is open)', () => {
    expect(attention.activity()).toEqual({ state: 'active', composingProposal: false });
    attention.reportActivity({ state: 'idle', composingProposal: true });
    expect(attention.activity()).toEqual({ state: 'idle', composingProposal: true });
    attention.reportActivity({ state: 'background', composingProposal: false });
    expect(attention.activity().state).toBe('background');
  });

  it('polls one step more quietly on battery or on a metered connection', () => {
    attention.reportActivity({ state: 'active', composingProposal: false });
    attention.setOnBattery(true);
    expect(attention.activity().state).toBe('idle');
    attention.reportActivity({ state: 'idle', composingProposal: true });
    expect(attention.activity()).toEqual({ state: 'background', composingProposal: true });
    attention.setOnBattery(false);
    expect(attention.activity().state).toBe('idle');
    expect(attention.reportActivity({ state: 'active', composingProposal: false, saveData: true }).state).toBe('idle');
  });

  it('keeps the settings in the workspace and refuses a malformed one', () => {
    const quiet = { ...defaultAttentionSettings, quietHours: { enabled: true, start: 60, end: 120 } };
    expect(attention.setPreferences({ attention: quiet, background: { launchAtLogin: true } })).toEqual({
      attention: quiet,
      background: { closeToTray: null, launchAtLogin: true },
    });
    expect(() => attention.setPreferences({ attention: { ...quiet, followUpDays: -1 } })).toThrow();
    expect(attention.preferences().attention).toEqual(quiet);
  });

  it('writes a follow-up as the draft of the project’s conversation, keeping a draft the user has there', () => {
    addProposal(db, 'prp_1', 'submitted', clock.toISOString(), 'prj_1');
    addThread(db, 'thr_1', { projectId: 'prj_1' });
    addMessage(db, 'thr_1', later(-60), true);
    later(120);
    // Not yet a reminder (3 days by default), but the user may follow up at once.
    expect(attention.listFollowUps()).toEqual([]);
    expect(attention.startFollowUp('prp_1', 'Buongiorno, ha avuto modo di leggere la mia proposta?')).toEqual({ threadId: 'thr_1', draftKept: false });
    expect(db.prepare('SELECT body FROM thread_drafts WHERE thread_id = ?').get('thr_1')).toEqual({ body: 'Buongiorno, ha avuto modo di leggere la mia proposta?' });
    expect(attention.startFollowUp('prp_1', 'Another text')).toEqual({ threadId: 'thr_1', draftKept: true });
    expect(db.prepare('SELECT body FROM thread_drafts WHERE thread_id = ?').get('thr_1')).toEqual({ body: 'Buongiorno, ha avuto modo di leggere la mia proposta?' });
    // No conversation about the project: nowhere to write.
    addProposal(db, 'prp_2', 'submitted', clock.toISOString(), 'prj_2');
    later(1);
    expect(attention.startFollowUp('prp_2', 'Hello')).toBeNull();
    // The client answered: nothing to follow up.
    addMessage(db, 'thr_1', later(1));
    expect(attention.startFollowUp('prp_1', 'Hello')).toBeNull();
  });
});
