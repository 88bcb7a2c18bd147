import type { WritableDB } from '../../electron/core/db/database';
import { insertPendingMessage } from '../../electron/core/db/repositories/messages-repository';
import { applyRecord } from '../../electron/core/db/repositories/platform-records-repository';
import { insertDraft, writeProposalStatus } from '../../electron/core/db/repositories/proposals-repository';
import { insertAccount, readAccount } from '../../electron/core/db/repositories/accounts-repository';
import { writeAccountValue } from '../../electron/core/db/repositories/sync-state-repository';
import type { Milestone, Proposal } from '../../shared/platform/records';
import { ensureTestAccount } from './test-account';
import { makeClient, makeMessage, makeProject, makeThread, makeProposal } from './workspace-records';

/**
 * Random proposal histories for the insights figures (property test and bench): projects (some never synced
 * here), project and general threads with messages in any order (some still pending), proposals drafted,
 * queued or on the platform with a path of statuses (only some of them seen by this workspace), milestones
 * planned, funded or released, in several languages and currencies. Written through the repositories the
 * app writes with: platform records by applyRecord, one version per status seen; local drafts by insertDraft.
 */

export type PlatformStatus = Proposal['status'];
/** `account`: the account whose sync brought it (and its threads, messages and bids). */
export type WorldProject = { id: string; stored: boolean; country: string; category: string; skills: string[]; language: string; account: string };
export type WorldThread = { id: string; projectIndex: number | null };
export type WorldMessage = { id: string; threadIndex: number; fromMe: boolean; atMs: number; pending: boolean };
export type WorldStep = { status: PlatformStatus; atMs: number; seen: boolean };
export type WorldMilestone = { amountMinor: number; status: Milestone['status'] };
export type WorldProposal = {
  id: string;
  projectIndex: number;
  createdMs: number;
  /** 'draft' and 'queued' never reached the platform; 'platform' has steps. */
  stage: 'draft' | 'queued' | 'platform';
  submittedMs: number | null;
  steps: WorldStep[];
  locale: string;
  kind: 'fixed' | 'hourly';
  currency: string;
  amountMinor: number;
  /** As the last step left them. */
  milestones: WorldMilestone[];
  /** What the platform reported the bid cost (minor units of its currency); null: not reported. */
  bidFeeMinor: number | null;
  /**
   * The proposal's account: a platform proposal's is its project's account (that sync brought it); a local
   * draft takes its project's account when the project is stored here, else none.
   */
  account: string | null;
};
export type InsightsWorld = {
  projects: WorldProject[];
  threads: WorldThread[];
  /** In the order they are written (their pk order). */
  messages: WorldMessage[];
  proposals: WorldProposal[];
  /** The platform's fee as the first account (acc_1) last read it; null: never reported. acc_2 reports none. */
  feePercent: number | null;
};

export type WorldSize = { projects: number; proposals: number; generalThreads: number; messagesPerThread: number };

const startMs = Date.parse('2025-01-01T00:00:00.000Z');
const spanMinutes = 2 * 365 * 24 * 60;
const minute = 60_000;

const paths: readonly PlatformStatus[][] = [
  ['submitted'],
  ['submitted', 'shortlisted'],
  ['submitted', 'shortlisted', 'declined'],
  ['submitted', 'declined'],
  ['submitted', 'awarded'],
  ['submitted', 'shortlisted', 'awarded'],
  ['submitted', 'awarded', 'completed'],
  ['submitted', 'shortlisted', 'awarded', 'completed'],
  ['submitted', 'withdrawn'],
  ['submitted', 'shortlisted', 'withdrawn'],
];
const locales = ['it', 'en', 'de', 'fr', 'es'];
const currencies = ['EUR', 'USD', 'GBP', 'CHF', 'JPY'];
const countries = ['IT', 'DE', 'FR', 'ES', 'US', 'GB', 'CH'];
const categories = ['web_development', 'design', 'translation', 'copywriting', 'seo'];
const skills = ['React', 'TypeScript', 'WordPress', 'SEO', 'Figma', 'Translation', 'Node.js'];
/** The workspace's two accounts: the reference platform's (first) and a Freelancer.com one. */
export const insightsAccounts = ['acc_1', 'acc_2'] as const;
export const insightsAccount = insightsAccounts[0];

export const generateInsightsWorld = (random: () => number, size: WorldSize): InsightsWorld => {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number): boolean => random() < p;
  // Whole minutes in two years: ties between a submission and a message, or two messages, do happen.
  const anyTime = (): number => startMs + int(0, spanMinutes) * minute;

  const projects: WorldProject[] = Array.from({ length: Math.max(1, size.projects) }, (_, index) => ({
    id: `prj_i${index}`,
    stored: chance(0.9),
    country: pick(countries),
    category: pick(categories),
    skills: skills.filter(() => chance(0.3)),
    language: pick(locales),
    account: pick(insightsAccounts),
  }));
  const threads: WorldThread[] = [];
  for (const [index] of projects.entries()) {
    const count = int(0, 2);
    for (let n = 0; n < count; n++) threads.push({ id: `thr_i${threads.length}`, projectIndex: index });
  }
  for (let n = 0; n < size.generalThreads; n++) threads.push({ id: `thr_i${threads.length}`, projectIndex: null });
  const messages: WorldMessage[] = [];
  for (const [threadIndex] of threads.entries()) {
    const count = int(0, size.messagesPerThread);
    let at = anyTime();
    for (let n = 0; n < count; n++) {
      at += chance(0.1) ? 0 : int(1, 3 * 24 * 60) * minute;
      const pending = chance(0.08);
      messages.push({ id: `msg_i${messages.length}`, threadIndex, fromMe: pending || chance(0.5), atMs: at, pending });
    }
  }
  // Written in any order: pk order is not time order.
  for (let index = messages.length - 1; index > 0; index--) {
    const other = int(0, index);
    [messages[index], messages[other]] = [messages[other]!, messages[index]!];
  }

  const messageTimesByProject = new Map<number, number[]>();
  for (const message of messages) {
    const projectIndex = threads[message.threadIndex]!.projectIndex;
    if (projectIndex === null) continue;
    const times = messageTimesByProject.get(projectIndex) ?? [];
    times.push(message.atMs);
    messageTimesByProject.set(projectIndex, times);
  }

  const proposals: WorldProposal[] = Array.from({ length: size.proposals }, (_, index) => {
    const createdMs = anyTime();
    const roll = random();
    const stage = roll < 0.15 ? 'draft' : roll < 0.2 ? 'queued' : 'platform';
    const currency = pick(currencies);
    const kind = chance(0.3) ? 'hourly' : 'fixed';
    const unit = currency === 'JPY' ? 1 : 100;
    const amountMinor = (kind === 'hourly' ? int(5, 150) : int(20, 15_000)) * unit + (chance(0.3) ? int(0, unit - 1) : 0);
    let steps: WorldStep[] = [];
    let submittedMs: number | null = null;
    let milestones: WorldMilestone[] = [];
    let bidFeeMinor: number | null = null;
    const projectIndex = int(0, projects.length - 1);
    const project = projects[projectIndex]!;
    if (stage === 'platform') {
      submittedMs = createdMs + int(0, 3 * 24 * 60) * minute;
      // Now and then at the very minute a message in the project's thread was sent: "after submission" is strict.
      const sameMinute = chance(0.2) ? (messageTimesByProject.get(projectIndex) ?? []) : [];
      if (sameMinute.length > 0) submittedMs = pick(sameMinute);
      let at = submittedMs;
      steps = pick(paths).map((status, step) => {
        if (step > 0) at += int(1, 20 * 24 * 60) * minute;
        return { status, atMs: at, seen: true };
      });
      // The workspace may have missed any status but the last (it synced only after a later one).
      for (const step of steps.slice(0, -1)) step.seen = chance(0.6);
      const last = steps.at(-1)!.status;
      milestones = Array.from({ length: kind === 'fixed' ? int(0, 3) : 0 }, () => ({
        amountMinor: int(1, 2_000) * unit,
        status: last === 'completed' ? (chance(0.85) ? 'released' : 'funded') : last === 'awarded' ? pick(['planned', 'funded', 'released'] as const) : 'planned',
      }));
      // Reported on some bids only (Freelancer's, as the connector maps them): mostly plain (0), some upgraded.
      if (chance(0.5)) bidFeeMinor = chance(0.6) ? 0 : int(1, 30) * unit;
    }
    return {
      id: `prp_i${index}`,
      projectIndex,
      createdMs,
      stage,
      submittedMs,
      steps,
      locale: pick(locales),
      kind,
      currency,
      amountMinor,
      milestones,
      bidFeeMinor,
      account: stage === 'platform' || project.stored ? project.account : null,
    };
  });
  return {
    projects,
    threads,
    messages,
    proposals,
    feePercent: chance(0.5) ? pick([0, 5, 10, 12.5, 20]) : null,
  };
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** The world into a migrated workspace through the repositories; call on an empty one. */
export const writeInsightsWorld = (db: WritableDB, world: InsightsWorld): void => {
  const fetchedAt = iso(startMs);
  db.transaction(() => {
    const accountId = ensureTestAccount(db);
    if (!readAccount(db, insightsAccounts[1])) {
      insertAccount(db, { id: insightsAccounts[1], platform: 'freelancer', label: 'Freelancer', baseUrl: 'http://127.0.0.1:9', now: new Date(startMs) });
    }
    writeAccountValue(db, accountId, 'account_email', 'me@bottega.test');
    if (world.feePercent !== null) writeAccountValue(db, accountId, 'platform_fee_percent', String(world.feePercent));
    applyRecord(db, 'client', makeClient('cli_i'), fetchedAt, accountId);
    for (const project of world.projects) {
      if (!project.stored) continue;
      applyRecord(
        db,
        'project',
        makeProject(project.id, {
          client_id: 'cli_i',
          country: project.country,
          category: project.category as never,
          skills: project.skills,
          language: project.language,
        }),
        fetchedAt,
        project.account,
      );
    }
    for (const thread of world.threads) {
      const project = thread.projectIndex === null ? null : world.projects[thread.projectIndex]!;
      applyRecord(
        db,
        'thread',
        makeThread(thread.id, { context: project ? 'project' : 'general', project_id: project?.id ?? null, client_id: 'cli_i' }),
        fetchedAt,
        project?.account ?? accountId,
      );
    }
    for (const message of world.messages) {
      const threadId = world.threads[message.threadIndex]!.id;
      if (message.pending) insertPendingMessage(db, { id: message.id, threadId, body: 'Pending', sentAt: new Date(message.atMs) });
      else
        applyRecord(
          db,
          'message',
          makeMessage(message.id, { thread_id: threadId, from_me: message.fromMe, sender_id: message.fromMe ? 'usr_demo' : 'cli_i', sent_at: iso(message.atMs) }),
          fetchedAt,
          accountId,
        );
    }
    for (const proposal of world.proposals) writeProposalHistory(db, world, proposal, fetchedAt);
  }).immediate();
};

const writeProposalHistory = (db: WritableDB, world: InsightsWorld, proposal: WorldProposal, fetchedAt: string): void => {
  const projectId = world.projects[proposal.projectIndex]!.id;
  if (proposal.stage !== 'platform') {
    insertDraft(db, { id: proposal.id, projectId, kind: proposal.kind, currency: proposal.currency, locale: proposal.locale, now: new Date(proposal.createdMs) });
    if (proposal.stage === 'queued') writeProposalStatus(db, proposal.id, 'queued', new Date(proposal.createdMs));
    return;
  }
  for (const [index, step] of proposal.steps.entries()) {
    if (!step.seen) continue;
    const last = index === proposal.steps.length - 1;
    const decided = ['awarded', 'declined', 'withdrawn', 'completed'].includes(step.status);
    applyRecord(
      db,
      'proposal',
      makeProposal(proposal.id, {
        version: index + 1,
        project_id: projectId,
        status: step.status,
        kind: proposal.kind,
        amount_minor: proposal.amountMinor,
        currency: proposal.currency,
        default_locale: proposal.locale,
        milestones: proposal.milestones.map((milestone, n) => ({
          id: `mst_${proposal.id}_${n}`,
          title: `Milestone ${n + 1}`,
          amount_minor: milestone.amountMinor,
          due_in_days: null,
          status: last ? milestone.status : 'planned',
        })),
        bid_fee_minor: proposal.bidFeeMinor,
        submitted_at: iso(proposal.submittedMs!),
        decided_at: decided ? iso(step.atMs) : null,
        created_at: iso(proposal.createdMs),
        updated_at: iso(step.atMs),
      }),
      fetchedAt,
      proposal.account,
    );
  }
};
