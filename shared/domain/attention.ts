/**
 * What deserves the user's attention after a sync round, decided without I/O: the core gathers the facts (what
 * the pull applied), this policy turns them into notices, and the renderer or Electron's main process words them
 * in the user's language. A notice carries kinds, ids and counts only: never text written by strangers (a
 * notification that quotes a client's message could be made to look like anything).
 */

export const attentionKinds = ['message', 'firstReply', 'searchMatches', 'proposalStatus', 'followUp'] as const;
export type AttentionKind = (typeof attentionKinds)[number];

export const announcedProposalStatuses = ['shortlisted', 'awarded', 'declined'] as const;
export type AnnouncedProposalStatus = (typeof announcedProposalStatuses)[number];

/** The renderer reports this; Electron's main says 'background' while no window is open. */
export const activityStates = ['active', 'idle', 'background'] as const;
export type ActivityState = (typeof activityStates)[number];
export type Activity = {
  state: ActivityState;
  composingProposal: boolean;
  /** The browser's data saver is on (a metered connection, where the OS tells it). */
  saveData?: boolean | undefined;
};

const slower: Record<ActivityState, ActivityState> = { active: 'idle', idle: 'background', background: 'background' };

/** What the sync polls for: one step quieter on battery or a metered connection. */
export const cadenceState = (state: ActivityState, saving: boolean): ActivityState => (saving ? slower[state] : state);

export type QuietHours = {
  enabled: boolean;
  /** Minutes after local midnight; a window whose end is before its start runs past midnight. */
  start: number;
  end: number;
};

export type AttentionSettings = {
  kinds: Record<AttentionKind, boolean>;
  quietHours: QuietHours;
  /** No notice pops up while the user is writing a proposal (it would take the focus or the eye). */
  quietWhileComposing: boolean;
  /**
   * Days without a client's reply after which a submitted proposal becomes a follow-up reminder; 0: never. The
   * workspace's default: an account's own days (Settings → Accounts, 1–60) win for its proposals.
   */
  followUpDays: number;
};

export const defaultAttentionSettings: AttentionSettings = {
  kinds: { message: true, firstReply: true, searchMatches: true, proposalStatus: true, followUp: true },
  quietHours: { enabled: false, start: 22 * 60, end: 7 * 60 },
  quietWhileComposing: true,
  followUpDays: 3,
};

/** New messages from others in one thread, applied by the last pull. */
export type ThreadNews = {
  threadId: string;
  count: number;
  muted: boolean;
  /** The client wrote in this thread for the first time, after the user had written or bid. */
  firstReply: boolean;
};

export type AttentionFacts = {
  threads: readonly ThreadNews[];
  /** Saved searches that gained projects not announced before. */
  searches: readonly { searchId: number; count: number }[];
  proposals: readonly { proposalId: string; status: AnnouncedProposalStatus }[];
  /** Submitted proposals whose client has not answered for `days` days (reminded once each). */
  followUps: readonly { proposalId: string; days: number }[];
};

export type Notice =
  | { kind: 'message'; threadId: string; count: number }
  /** Many threads at once: one notice for all of them (opens the conversations). */
  | { kind: 'messages'; threads: number; count: number }
  | { kind: 'firstReply'; threadId: string }
  /** One notice per round, however many searches and projects. */
  | { kind: 'searchMatches'; searches: number; count: number; searchId: number | null }
  | { kind: 'proposalStatus'; proposalId: string; status: AnnouncedProposalStatus }
  | { kind: 'followUp'; proposalId: string; days: number };

/** Beyond this many threads with news in one round, they share one notice. */
export const maxThreadNotices = 3;

export type AttentionContext = {
  settings: AttentionSettings;
  activity: Activity;
  /** Minutes after midnight in the user's time zone, now. */
  localMinutes: number;
};

export const isInQuietHours = (quiet: QuietHours, localMinutes: number): boolean => {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? localMinutes >= quiet.start && localMinutes < quiet.end
    : localMinutes >= quiet.start || localMinutes < quiet.end;
};

/** Why nothing pops up now, if anything stops it (the unread totals and badges still follow). */
export const silenceReason = (context: AttentionContext): 'quietHours' | 'composing' | null => {
  if (isInQuietHours(context.settings.quietHours, context.localMinutes)) return 'quietHours';
  if (context.settings.quietWhileComposing && context.activity.composingProposal) return 'composing';
  return null;
};

const threadNotices = (threads: readonly ThreadNews[], kinds: AttentionSettings['kinds']): Notice[] => {
  const notices: Notice[] = [];
  const plain: ThreadNews[] = [];
  for (const thread of threads) {
    if (thread.muted || thread.count <= 0) continue;
    // A first reply is the message notice of its thread, said more usefully: never both.
    if (thread.firstReply && kinds.firstReply) notices.push({ kind: 'firstReply', threadId: thread.threadId });
    else if (kinds.message) plain.push(thread);
  }
  if (plain.length > maxThreadNotices) {
    notices.push({ kind: 'messages', threads: plain.length, count: plain.reduce((sum, thread) => sum + thread.count, 0) });
  } else {
    for (const thread of plain) notices.push({ kind: 'message', threadId: thread.threadId, count: thread.count });
  }
  return notices;
};

/** The notices one sync round raises: what is enabled, not muted, and not silenced by quiet hours or a proposal being written. */
export const decideNotices = (facts: AttentionFacts, context: AttentionContext): Notice[] => {
  if (silenceReason(context)) return [];
  const { kinds } = context.settings;
  const notices = threadNotices(facts.threads, kinds);
  const searches = facts.searches.filter((search) => search.count > 0);
  if (kinds.searchMatches && searches.length > 0) {
    notices.push({
      kind: 'searchMatches',
      searches: searches.length,
      count: searches.reduce((sum, search) => sum + search.count, 0),
      searchId: searches.length === 1 ? searches[0]!.searchId : null,
    });
  }
  if (kinds.proposalStatus) {
    for (const proposal of facts.proposals) notices.push({ kind: 'proposalStatus', proposalId: proposal.proposalId, status: proposal.status });
  }
  // The days (an account's own or the workspace's) were applied when the facts were gathered: an account may
  // ask for reminders while the workspace's default is 0.
  if (kinds.followUp) {
    for (const followUp of facts.followUps) notices.push({ kind: 'followUp', proposalId: followUp.proposalId, days: followUp.days });
  }
  return notices;
};

/** Where a notice's click leads: a section of the app and the item's id in it. */
export type NoticeTarget = { section: 'messages' | 'feed' | 'proposals'; path: string[] };

export const targetOfNotice = (notice: Notice): NoticeTarget => {
  switch (notice.kind) {
    case 'message':
    case 'firstReply':
      return { section: 'messages', path: [notice.threadId] };
    case 'messages':
      return { section: 'messages', path: [] };
    case 'searchMatches':
      return { section: 'feed', path: notice.searchId === null ? [] : ['saved', String(notice.searchId)] };
    case 'proposalStatus':
    case 'followUp':
      return { section: 'proposals', path: [notice.proposalId] };
  }
};

/** The app's hash route for a notice (`#/messages/thr_1`): the window's router opens it. */
export const hashOfNotice = (notice: Notice): string => {
  const target = targetOfNotice(notice);
  return `#/${[target.section, ...target.path.map(encodeURIComponent)].join('/')}`;
};

/** A stable tag per notice: a second notice about the same item replaces the first instead of piling up. */
export const tagOfNotice = (notice: Notice): string => {
  const target = targetOfNotice(notice);
  return ['bottega', notice.kind, ...target.path].join(':');
};

const dayMs = 24 * 60 * 60_000;

/**
 * Whole days a conversation has waited for the user's answer (the client wrote last), from one day on; null when
 * it is not waiting (the user wrote last, or less than a day ago).
 */
export const awaitingAnswerDays = (thread: { lastMessageFromMe: boolean; lastMessageAt: string | null }, now: Date): number | null => {
  if (thread.lastMessageFromMe || thread.lastMessageAt === null) return null;
  const waited = now.getTime() - Date.parse(thread.lastMessageAt);
  return Number.isFinite(waited) && waited > dayMs ? Math.floor(waited / dayMs) : null;
};

/** How much longer a fallback poll waits: twice while the user is away, six times with no window open (5 min → 30 min). */
export const pollingFactor = (state: ActivityState): number => (state === 'background' ? 6 : state === 'idle' ? 2 : 1);
