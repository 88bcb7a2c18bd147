import { describe, expect, it } from 'vitest';
import {
  awaitingAnswerDays,
  cadenceState,
  decideNotices,
  defaultAttentionSettings,
  isInQuietHours,
  tagOfNotice,
  targetOfNotice,
  type AttentionContext,
  type AttentionFacts,
  type AttentionSettings,
} from '../../../shared/domain/attention';
import { noticeSchema } from '../../../shared/contract/attention';

const noFacts: AttentionFacts = { threads: [], searches: [], proposals: [], followUps: [] };
const noon = 12 * 60;
const context = (settings: Partial<AttentionSettings> = {}, extra: Partial<AttentionContext> = {}): AttentionContext => ({
  settings: { ...defaultAttentionSettings, ...settings },
  activity: { state: 'active', composingProposal: false },
  localMinutes: noon,
  ...extra,
});

describe('the attention policy', () => {
  it('raises one grouped notice for 30 projects matching saved searches in one round', () => {
    const searches = Array.from({ length: 30 }, (_, index) => ({ searchId: (index % 3) + 1, count: 1 }));
    expect(decideNotices({ ...noFacts, searches }, context())).toEqual([{ kind: 'searchMatches', searches: 30, count: 30, searchId: null }]);
    // One search: the notice opens it.
    expect(decideNotices({ ...noFacts, searches: [{ searchId: 7, count: 30 }] }, context())).toEqual([
      { kind: 'searchMatches', searches: 1, count: 30, searchId: 7 },
    ]);
  });

  it('says nothing for a muted thread', () => {
    const threads = [{ threadId: 'thr_1', count: 2, muted: true, firstReply: false }];
    expect(decideNotices({ ...noFacts, threads }, context())).toEqual([]);
    expect(decideNotices({ ...noFacts, threads: [{ ...threads[0]!, firstReply: true }] }, context())).toEqual([]);
    expect(decideNotices({ ...noFacts, threads: [{ ...threads[0]!, muted: false }] }, context())).toEqual([{ kind: 'message', threadId: 'thr_1', count: 2 }]);
  });

  it('says nothing during quiet hours, also across midnight, and speaks again after them', () => {
    const facts: AttentionFacts = { ...noFacts, threads: [{ threadId: 'thr_1', count: 1, muted: false, firstReply: false }], searches: [{ searchId: 1, count: 4 }] };
    const quietHours = { enabled: true, start: 22 * 60, end: 7 * 60 };
    expect(decideNotices(facts, context({ quietHours }, { localMinutes: 23 * 60 }))).toEqual([]);
    expect(decideNotices(facts, context({ quietHours }, { localMinutes: 3 * 60 }))).toEqual([]);
    expect(decideNotices(facts, context({ quietHours }, { localMinutes: 7 * 60 }))).toHaveLength(2);
    expect(decideNotices(facts, context({ quietHours: { ...quietHours, enabled: false } }, { localMinutes: 23 * 60 }))).toHaveLength(2);
    expect(isInQuietHours({ enabled: true, start: 9 * 60, end: 17 * 60 }, noon)).toBe(true);
    expect(isInQuietHours({ enabled: true, start: 9 * 60, end: 17 * 60 }, 17 * 60)).toBe(false);
    expect(isInQuietHours({ enabled: true, start: 9 * 60, end: 9 * 60 }, 9 * 60)).toBe(false);
  });

  it('keeps quiet while a proposal is being written, unless the user turned that off', () => {
    const facts: AttentionFacts = { ...noFacts, threads: [{ threadId: 'thr_1', count: 1, muted: false, firstReply: false }] };
    const composing = { activity: { state: 'active' as const, composingProposal: true } };
    expect(decideNotices(facts, context({}, composing))).toEqual([]);
    expect(decideNotices(facts, context({ quietWhileComposing: false }, composing))).toHaveLength(1);
  });

  it('follows the per-kind settings', () => {
    const facts: AttentionFacts = {
      threads: [
        { threadId: 'thr_1', count: 1, muted: false, firstReply: false },
        { threadId: 'thr_2', count: 1, muted: false, firstReply: true },
      ],
      searches: [{ searchId: 1, count: 2 }],
      proposals: [{ proposalId: 'prp_1', status: 'awarded' }],
      followUps: [{ proposalId: 'prp_2', days: 4 }],
    };
    expect(decideNotices(facts, context()).map((notice) => notice.kind)).toEqual(['firstReply', 'message', 'searchMatches', 'proposalStatus', 'followUp']);
    const off = (kind: keyof AttentionSettings['kinds']) => context({ kinds: { ...defaultAttentionSettings.kinds, [kind]: false } });
    expect(decideNotices(facts, off('message')).map((notice) => notice.kind)).toEqual(['firstReply', 'searchMatches', 'proposalStatus', 'followUp']);
    // A first reply turned off is still a new message.
    expect(decideNotices(facts, off('firstReply')).filter((notice) => notice.kind === 'message')).toHaveLength(2);
    expect(decideNotices(facts, off('searchMatches')).map((notice) => notice.kind)).not.toContain('searchMatches');
    expect(decideNotices(facts, off('proposalStatus')).map((notice) => notice.kind)).not.toContain('proposalStatus');
    expect(decideNotices(facts, off('followUp')).map((notice) => notice.kind)).not.toContain('followUp');
    // The days were applied when the facts were gathered (an account's own days win over the workspace's 0).
    expect(decideNotices(facts, context({ followUpDays: 0 })).map((notice) => notice.kind)).toContain('followUp');
  });

  it('groups news in many threads into one notice', () => {
    const threads = Array.from({ length: 5 }, (_, index) => ({ threadId: `thr_${index}`, count: index + 1, muted: false, firstReply: false }));
    expect(decideNotices({ ...noFacts, threads }, context())).toEqual([{ kind: 'messages', threads: 5, count: 15 }]);
    expect(decideNotices({ ...noFacts, threads: threads.slice(0, 3) }, context())).toHaveLength(3);
  });

  it('gives every notice a target to open and a tag, and every notice fits the contract', () => {
    const notices = decideNotices(
      {
        threads: [{ threadId: 'thr_1', count: 1, muted: false, firstReply: false }],
        searches: [{ searchId: 3, count: 1 }],
        proposals: [{ proposalId: 'prp_1', status: 'shortlisted' }],
        followUps: [],
      },
      context(),
    );
    expect(notices.map(targetOfNotice)).toEqual([
      { section: 'messages', path: ['thr_1'] },
      { section: 'feed', path: ['saved', '3'] },
      { section: 'proposals', path: ['prp_1'] },
    ]);
    expect(notices.map(tagOfNotice)).toEqual(['bottega:message:thr_1', 'bottega:searchMatches:saved:3', 'bottega:proposalStatus:prp_1']);
    for (const notice of notices) expect(noticeSchema.parse(notice)).toEqual(notice);
  });

  it('flags a conversation whose client has waited over a day for the answer', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(awaitingAnswerDays({ lastMessageFromMe: false, lastMessageAt: '2026-12-04T11:00:00Z' }, now)).toBe(3);
    expect(awaitingAnswerDays({ lastMessageFromMe: false, lastMessageAt: '2026-12-06T13:00:00Z' }, now)).toBeNull();
    expect(awaitingAnswerDays({ lastMessageFromMe: true, lastMessageAt: '2026-12-01T11:00:00Z' }, now)).toBeNull();
    expect(awaitingAnswerDays({ lastMessageFromMe: false, lastMessageAt: null }, now)).toBeNull();
  });

  it('slows the cadence one step when saving power or data', () => {
    expect([cadenceState('active', true), cadenceState('idle', true), cadenceState('background', true)]).toEqual(['idle', 'background', 'background']);
    expect(cadenceState('active', false)).toBe('active');
  });
});
