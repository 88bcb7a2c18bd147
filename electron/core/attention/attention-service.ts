import { z } from 'zod';
import {
  attentionPreferencesSchema,
  attentionSettingsSchema,
  backgroundSettingsSchema,
  type AttentionPreferences,
  type BackgroundSettings,
  type FollowUp,
  type UnreadTotals,
} from '../../../shared/contract/attention';
import {
  announcedProposalStatuses,
  cadenceState,
  decideNotices,
  defaultAttentionSettings,
  type Activity,
  type AttentionFacts,
  type AttentionSettings,
  type Notice,
} from '../../../shared/domain/attention';
import type { RecordType } from '../../../shared/platform/records';
import type { WritableDB } from '../db/database';
import {
  hasThreadDraft,
  listDecidedProposals,
  listProposalsAwaitingReply,
  listThreadNews,
  readAccountFollowUpDays,
  readMaxMessagePk,
  readUnreadTotals,
  type AwaitingProposal,
} from '../db/repositories/attention-repository';
import { writeDraft } from '../db/repositories/messages-repository';
import { readSetting, writeSetting } from '../db/repositories/settings-repository';

const settingsKey = 'attention.settings';
const backgroundKey = 'attention.background';
const stateKey = 'attention.state';

const dayMs = 24 * 60 * 60_000;
// A message is news if sent after the last check, less this margin for clocks that disagree.
const clockMarginMs = 60 * 60_000;
const followUpCheckMs = 60 * 60_000;
const maxNoticesPerEvent = 50;

/** What was announced already: watermarks, so that each item is said once (and a rebuilt cache says nothing again). */
const stateSchema = z.object({
  messagePk: z.number().int().nonnegative(),
  checkedAt: z.iso.datetime(),
  proposals: z.record(z.string(), z.enum(announcedProposalStatuses)),
  remindedFollowUps: z.array(z.string()),
});
type AttentionState = z.infer<typeof stateSchema>;

const defaultBackground: BackgroundSettings = { closeToTray: null, launchAtLogin: false };

const readJson = <T>(db: WritableDB, key: string, schema: z.ZodType<T>): T | null => {
  const stored = readSetting(db, key);
  if (stored === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export type AttentionService = {
  preferences(): AttentionPreferences;
  setPreferences(patch: { attention?: AttentionSettings | undefined; background?: Partial<BackgroundSettings> | undefined }): AttentionPreferences;
  unread(): UnreadTotals;
  /**
   * What the sync's cadence and the policy go by: the last word of a window, or of Electron's main when none is
   * open; its state one step quieter on battery or a metered connection.
   */
  activity(): Activity;
  reportActivity(activity: Activity): Activity;
  /** Electron's main says whether the machine runs on battery. */
  setOnBattery(onBattery: boolean): void;
  /** After a pull applied records of `types`: the notices they deserve, and the new unread totals. */
  announcePulled(types: ReadonlySet<RecordType>, searches: readonly { id: number; newCount: number }[]): Notice[];
  /** Proposals that waited long enough for a reply and were not reminded of yet. */
  announceFollowUps(): Notice[];
  /** Submitted proposals waiting longer than their account's follow-up days (or the workspace's) for a client's reply (the reminders shown in the app). */
  listFollowUps(): FollowUp[];
  /** The follow-up's words as the draft of the project's conversation (an existing draft is kept). */
  startFollowUp(proposalId: string, body: string): { threadId: string; draftKept: boolean } | null;
  start(): void;
  stop(): void;
};

export type AttentionServiceOptions = {
  db: WritableDB;
  onNotices: (notices: Notice[]) => void;
  onUnread: (totals: UnreadTotals) => void;
  onPreferences: (preferences: AttentionPreferences) => void;
  now?: () => Date;
};

const localMinutesOf = (date: Date): number => date.getHours() * 60 + date.getMinutes();

/**
 * The core's side of attention: it gathers what a pull brought (new rows past the watermarks), asks the pure
 * policy (shared/domain/attention.ts) what deserves a notice, and emits it. Settings and watermarks live in
 * the workspace's settings table.
 */
export const createAttentionService = (options: AttentionServiceOptions): AttentionService => {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  let current: Activity = { state: 'active', composingProposal: false };
  let onBattery = false;
  let followUpTimer: NodeJS.Timeout | null = null;

  const settings = (): AttentionSettings => readJson(db, settingsKey, attentionSettingsSchema) ?? defaultAttentionSettings;
  const background = (): BackgroundSettings => ({ ...defaultBackground, ...readJson(db, backgroundKey, backgroundSettingsSchema.partial()) });
  const preferences = (): AttentionPreferences => attentionPreferencesSchema.parse({ attention: settings(), background: background() });

  const activity = (): Activity => ({ ...current, state: cadenceState(current.state, onBattery || current.saveData === true) });

  const toFollowUp = (row: AwaitingProposal, at: Date): FollowUp => ({
    proposalId: row.proposalId,
    projectId: row.projectId,
    projectTitle: row.projectTitle,
    language: row.language,
    days: Math.floor((at.getTime() - Date.parse(row.submittedAt)) / dayMs),
    threadId: row.threadId,
  });

  /** Proposals waiting at least `days` for an answer, whatever their account's setting. */
  const listAwaiting = (at: Date, days: number): FollowUp[] =>
    listProposalsAwaitingReply(db, new Date(at.getTime() - days * dayMs).toISOString()).map((row) => toFollowUp(row, at));

  /**
   * The reminders: each proposal after its account's own days (Settings → Accounts), else the workspace's
   * setting (0: never). One query from the shortest wait, then each row held to its own account's.
   */
  const awaitingFollowUps = (at: Date): FollowUp[] => {
    const own = readAccountFollowUpDays(db);
    const fallback = settings().followUpDays;
    const daysOf = (accountId: string | null): number => (accountId === null ? undefined : own.get(accountId)) ?? fallback;
    const shortest = Math.min(...[fallback, ...own.values()].filter((days) => days > 0));
    if (!Number.isFinite(shortest)) return [];
    return listProposalsAwaitingReply(db, new Date(at.getTime() - shortest * dayMs).toISOString())
      .filter((row) => {
        const days = daysOf(row.accountId);
        return days > 0 && Date.parse(row.submittedAt) < at.getTime() - days * dayMs;
      })
      .map((row) => toFollowUp(row, at));
  };

  /** First run in this workspace: everything already here is known, nothing is news. */
  const baseline = (at: Date): AttentionState => ({
    messagePk: readMaxMessagePk(db),
    checkedAt: at.toISOString(),
    proposals: Object.fromEntries(listDecidedProposals(db).map((row) => [row.proposalId, row.status])),
    remindedFollowUps: awaitingFollowUps(at).map((row) => row.proposalId),
  });

  const writeState = (state: AttentionState): void => writeSetting(db, stateKey, JSON.stringify(state));

  const raise = (facts: AttentionFacts, at: Date): Notice[] => {
    const notices = decideNotices(facts, { settings: settings(), activity: activity(), localMinutes: localMinutesOf(at) }).slice(0, maxNoticesPerEvent);
    if (notices.length > 0) options.onNotices(notices);
    return notices;
  };

  const followUpFacts = (state: AttentionState, at: Date): { facts: AttentionFacts['followUps']; reminded: string[] } => {
    const awaiting = awaitingFollowUps(at);
    const reminded = new Set(state.remindedFollowUps);
    // Only proposals still waiting stay in the list, so it never grows past them.
    return {
      facts: awaiting.filter((row) => !reminded.has(row.proposalId)).map((row) => ({ proposalId: row.proposalId, days: row.days })),
      reminded: awaiting.map((row) => row.proposalId),
    };
  };

  const announceFollowUps = (): Notice[] => {
    const at = now();
    const state = readJson(db, stateKey, stateSchema);
    if (!state) {
      writeState(baseline(at));
      return [];
    }
    const followUps = followUpFacts(state, at);
    if (followUps.facts.length === 0 && followUps.reminded.length === state.remindedFollowUps.length) return [];
    writeState({ ...state, remindedFollowUps: followUps.reminded });
    return raise({ threads: [], searches: [], proposals: [], followUps: followUps.facts }, at);
  };

  return {
    preferences,
    setPreferences: (patch) => {
      if (patch.attention) writeSetting(db, settingsKey, JSON.stringify(attentionSettingsSchema.parse(patch.attention)));
      if (patch.background) writeSetting(db, backgroundKey, JSON.stringify(backgroundSettingsSchema.parse({ ...background(), ...patch.background })));
      const next = preferences();
      options.onPreferences(next);
      return next;
    },
    unread: () => readUnreadTotals(db),
    activity,
    reportActivity: (next) => {
      current = next;
      return activity();
    },
    setOnBattery: (value) => {
      onBattery = value;
    },
    announcePulled: (types, searches) => {
      const at = now();
      const state = readJson(db, stateKey, stateSchema);
      if (!state) {
        writeState(baseline(at));
        if (types.has('message') || types.has('thread')) options.onUnread(readUnreadTotals(db));
        return [];
      }
      const threads = types.has('message')
        ? listThreadNews(db, { afterPk: state.messagePk, sentSince: new Date(Date.parse(state.checkedAt) - clockMarginMs).toISOString() })
        : [];
      const decided = types.has('proposal') ? listDecidedProposals(db) : null;
      const proposals = (decided ?? []).filter((row) => state.proposals[row.proposalId] !== row.status);
      const followUps = followUpFacts(state, at);
      writeState({
        messagePk: types.has('message') ? readMaxMessagePk(db) : state.messagePk,
        checkedAt: at.toISOString(),
        proposals: decided ? Object.fromEntries(decided.map((row) => [row.proposalId, row.status])) : state.proposals,
        remindedFollowUps: followUps.reminded,
      });
      const notices = raise(
        { threads, searches: searches.map((search) => ({ searchId: search.id, count: search.newCount })), proposals, followUps: followUps.facts },
        at,
      );
      if (types.has('message') || types.has('thread')) options.onUnread(readUnreadTotals(db));
      return notices;
    },
    announceFollowUps,
    listFollowUps: () => awaitingFollowUps(now()),
    startFollowUp: (proposalId, body) => {
      // Any proposal still waiting, whatever the reminder's days: the user asked for it.
      const followUp = listAwaiting(now(), 0).find((row) => row.proposalId === proposalId);
      if (!followUp?.threadId) return null;
      if (hasThreadDraft(db, followUp.threadId)) return { threadId: followUp.threadId, draftKept: true };
      writeDraft(db, followUp.threadId, body, now());
      return { threadId: followUp.threadId, draftKept: false };
    },
    start: () => {
      followUpTimer ??= setInterval(() => announceFollowUps(), followUpCheckMs);
      followUpTimer.unref();
    },
    stop: () => {
      if (followUpTimer) clearInterval(followUpTimer);
      followUpTimer = null;
    },
  };
};
