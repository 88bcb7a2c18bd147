import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { priceBandBounds } from '../../../electron/core/db/repositories/insights-repository';
import {
  computeBestHours,
  computeBidCost,
  computeEarnings,
  computeFunnel,
  computeReplyTimes,
  computeWinRates,
  createHourReader,
} from '../../../electron/core/insights/insight-figures';
import { insightsFilterSchema, insightsMethods, winRateDimensions, type InsightsFilter, type WinRateDimension } from '../../../shared/contract/insights';
import { minorUnitDigits } from '../../../shared/domain/money';
import {
  generateInsightsWorld,
  insightsAccount,
  insightsAccounts,
  writeInsightsWorld,
  type InsightsWorld,
  type WorldProposal,
} from '../../support/insights-history';
import { createRandom } from '../../support/random';
import { useTempDirs } from '../../support/temp-dir';

/*
 * Every insights figure against a brute force in plain TypeScript over the same random history: the world as
 * generated (statuses, times, messages in the order written), never read back from SQLite.
 */

const makeTempDir = useTempDirs();
let db: WritableDB;

beforeAll(async () => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
});
afterAll(() => db.close());

const clearWorkspace = (): void => {
  for (const table of ['proposals', 'messages', 'threads', 'projects', 'clients', 'sync_state', 'account_state']) db.prepare(`DELETE FROM ${table}`).run();
};

// ---- brute force ----

const inPeriod = (ms: number, filter: InsightsFilter): boolean =>
  (filter.from === null || ms >= Date.parse(filter.from)) && (filter.to === null || ms < Date.parse(filter.to));

/** The proposal is in the filter's account (null: every proposal, those of no account included). */
const ofAccount = (proposal: WorldProposal, filter: InsightsFilter): boolean => filter.account === null || filter.account === proposal.account;

const finalStatus = (proposal: WorldProposal): string => proposal.steps.at(-1)?.status ?? proposal.stage;
const isAwarded = (proposal: WorldProposal): boolean => ['awarded', 'completed'].includes(finalStatus(proposal));
const lastChangeMs = (proposal: WorldProposal): number => proposal.steps.at(-1)!.atMs;

/** Messages of the project's threads (context project), synced only, in (time, order written). */
const projectThreadIndexes = (world: InsightsWorld, projectIndex: number): Set<number> =>
  new Set(world.threads.flatMap((thread, index) => (thread.projectIndex === projectIndex ? [index] : [])));

const firstClientReplyMs = (world: InsightsWorld, proposal: WorldProposal): number | null => {
  const threads = projectThreadIndexes(world, proposal.projectIndex);
  let first: number | null = null;
  for (const message of world.messages) {
    if (!threads.has(message.threadIndex) || message.fromMe || message.pending || message.atMs <= proposal.submittedMs!) continue;
    if (first === null || message.atMs < first) first = message.atMs;
  }
  return first;
};

const submittedIn = (world: InsightsWorld, filter: InsightsFilter): WorldProposal[] =>
  world.proposals.filter((p) => p.submittedMs !== null && inPeriod(p.submittedMs, filter) && ofAccount(p, filter));

const bruteFunnel = (world: InsightsWorld, filter: InsightsFilter) => {
  const cohort = world.proposals.filter((p) => inPeriod(p.createdMs, filter) && ofAccount(p, filter));
  const submitted = cohort.filter((p) => p.submittedMs !== null);
  const counts = {
    drafted: cohort.length,
    submitted: submitted.length,
    replied: submitted.filter((p) => firstClientReplyMs(world, p) !== null).length,
    shortlisted: submitted.filter((p) => isAwarded(p) || p.steps.some((step) => step.seen && step.status === 'shortlisted')).length,
    awarded: submitted.filter(isAwarded).length,
  };
  return {
    stages: (['drafted', 'submitted', 'replied', 'shortlisted', 'awarded'] as const).map((stage) => ({ stage, count: counts[stage] })),
    sample: counts.drafted,
  };
};

const bandOf = (proposal: WorldProposal): { key: string; band: { currency: string; kind: string; minMinor: number; maxMinor: number | null } } => {
  const unit = 10 ** minorUnitDigits(proposal.currency);
  const bounds = priceBandBounds[proposal.kind];
  let index = 0;
  while (index + 1 < bounds.length && proposal.amountMinor >= bounds[index + 1]! * unit) index++;
  return {
    key: `${proposal.currency}:${proposal.kind}:${index}`,
    band: {
      currency: proposal.currency,
      kind: proposal.kind,
      minMinor: bounds[index]! * unit,
      maxMinor: index + 1 < bounds.length ? bounds[index + 1]! * unit : null,
    },
  };
};

const bruteWinRates = (world: InsightsWorld, filter: InsightsFilter, dimension: WinRateDimension) => {
  const submitted = submittedIn(world, filter);
  const groups = new Map<string, { key: string | null; band: unknown; list: WorldProposal[] }>();
  const add = (key: string | null, band: unknown, proposal: WorldProposal): void => {
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, band, list: [] };
    group.list.push(proposal);
    groups.set(id, group);
  };
  for (const proposal of submitted) {
    const project = world.projects[proposal.projectIndex]!;
    const stored = project.stored ? project : null;
    if (dimension === 'language') add(proposal.locale, null, proposal);
    else if (dimension === 'category') add(stored?.category ?? null, null, proposal);
    else if (dimension === 'country') add(stored?.country ?? null, null, proposal);
    else if (dimension === 'account') add(proposal.account, null, proposal);
    else if (dimension === 'skill') {
      if (!stored || stored.skills.length === 0) add(null, null, proposal);
      else for (const skill of stored.skills) add(skill, null, proposal);
    } else {
      const { key, band } = bandOf(proposal);
      add(key, band, proposal);
    }
  }
  const rows = [...groups.values()].map(({ key, band, list }) => {
    const awarded = list.filter(isAwarded).length;
    const declined = list.filter((p) => finalStatus(p) === 'declined').length;
    const withdrawn = list.filter((p) => finalStatus(p) === 'withdrawn').length;
    return {
      key,
      band,
      submitted: list.length,
      awarded,
      declined,
      withdrawn,
      open: list.length - awarded - declined - withdrawn,
      winRate: awarded / list.length,
    };
  });
  return { dimension, rows: sortRows(rows), sample: submitted.length };
};

const sortRows = <T extends { key: string | null }>(rows: T[]): T[] => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

const bruteMedian = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
};

/** The user's first message in the project's threads strictly after `afterMs` (synced only). */
const firstAnswerMs = (world: InsightsWorld, proposal: WorldProposal, afterMs: number): number | null => {
  const threads = projectThreadIndexes(world, proposal.projectIndex);
  const times = world.messages.filter((m) => threads.has(m.threadIndex) && m.fromMe && !m.pending && m.atMs > afterMs).map((m) => m.atMs);
  return times.length === 0 ? null : Math.min(...times);
};

const bruteReplyTimes = (world: InsightsWorld, filter: InsightsFilter) => {
  const clientWaits: number[] = [];
  const myWaits: number[] = [];
  let clientUnanswered = 0;
  let myUnanswered = 0;
  for (const proposal of submittedIn(world, filter)) {
    const reply = firstClientReplyMs(world, proposal);
    if (reply === null) {
      clientUnanswered++;
      continue;
    }
    clientWaits.push(reply - proposal.submittedMs!);
    const answer = firstAnswerMs(world, proposal, reply);
    if (answer === null) myUnanswered++;
    else myWaits.push(answer - reply);
  }
  return {
    client: { medianMs: bruteMedian(clientWaits), sample: clientWaits.length, unanswered: clientUnanswered },
    mine: { medianMs: bruteMedian(myWaits), sample: myWaits.length, unanswered: myUnanswered },
  };
};

const releasedIn = (world: InsightsWorld, filter: InsightsFilter) => {
  const released: { month: string; currency: string; amountMinor: number; proposalId: string }[] = [];
  for (const proposal of world.proposals) {
    if (proposal.stage !== 'platform' || !inPeriod(lastChangeMs(proposal), filter) || !ofAccount(proposal, filter)) continue;
    for (const milestone of proposal.milestones) {
      if (milestone.status !== 'released') continue;
      released.push({ month: new Date(lastChangeMs(proposal)).toISOString().slice(0, 7), currency: proposal.currency, amountMinor: milestone.amountMinor, proposalId: proposal.id });
    }
  }
  return released;
};

const bruteEarnings = (world: InsightsWorld, filter: InsightsFilter) => {
  const groups = new Map<string, { month: string; currency: string; releasedMinor: number; milestones: number; ids: Set<string> }>();
  const released = releasedIn(world, filter);
  for (const item of released) {
    const id = `${item.month} ${item.currency}`;
    const group = groups.get(id) ?? { month: item.month, currency: item.currency, releasedMinor: 0, milestones: 0, ids: new Set<string>() };
    group.releasedMinor += item.amountMinor;
    group.milestones += 1;
    group.ids.add(item.proposalId);
    groups.set(id, group);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, g]) => ({ month: g.month, currency: g.currency, releasedMinor: g.releasedMinor, milestones: g.milestones, proposals: g.ids.size }));
  return { rows, sample: released.length, datedBy: 'proposal_updated_at' };
};

const bruteBidCost = (world: InsightsWorld, filter: InsightsFilter) => {
  // The fee acc_1 read; every proposal's figure goes by the first account's, another account's by its own (none).
  const reported = filter.account === null || filter.account === insightsAccount ? world.feePercent : null;
  const percent = reported ?? 10;
  const fees = new Map<string, { bids: number; feeMinor: number }>();
  for (const proposal of submittedIn(world, filter)) {
    if (proposal.bidFeeMinor === null) continue;
    const total = fees.get(proposal.currency) ?? { bids: 0, feeMinor: 0 };
    fees.set(proposal.currency, { bids: total.bids + 1, feeMinor: total.feeMinor + proposal.bidFeeMinor });
  }
  const bidFees = [...fees.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, total]) => ({ currency, ...total }));
  const totals = new Map<string, number>();
  const released = releasedIn(world, filter);
  for (const item of released) totals.set(item.currency, (totals.get(item.currency) ?? 0) + item.amountMinor);
  return {
    feePercent: percent,
    feeSource: reported === null ? 'default' : 'platform',
    bidFees,
    bidFeeSample: bidFees.reduce((sum, row) => sum + row.bids, 0),
    bidsSubmitted: submittedIn(world, filter).length,
    currencies: [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, releasedMinor]) => ({ currency, releasedMinor, feeMinor: Math.round((releasedMinor * percent) / 100) })),
    sample: released.length,
  };
};

const bruteBestHours = (world: InsightsWorld, filter: InsightsFilter, timeZone: string) => {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, submitted: 0, replied: 0 }));
  const submitted = submittedIn(world, filter);
  for (const proposal of submitted) {
    const hour = Number(new Date(proposal.submittedMs!).toLocaleString('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }));
    hours[hour]!.submitted++;
    if (firstClientReplyMs(world, proposal) !== null) hours[hour]!.replied++;
  }
  return { timeZone, hours: hours.map((h) => ({ ...h, replyRate: h.submitted ? h.replied / h.submitted : null })), sample: submitted.length };
};

/** What schema v14 keeps on each proposal for the figures, as the world says it should be. */
const bruteColumns = (world: InsightsWorld) =>
  world.proposals
    .map((proposal) => {
      const project = world.projects[proposal.projectIndex]!;
      const reply = proposal.submittedMs === null ? null : firstClientReplyMs(world, proposal);
      const answer = reply === null ? null : firstAnswerMs(world, proposal, reply);
      const released = proposal.milestones.filter((milestone) => milestone.status === 'released');
      return {
        id: proposal.id,
        first_reply_at: reply === null ? null : new Date(reply).toISOString(),
        answered_at: answer === null ? null : new Date(answer).toISOString(),
        project_category: project.stored ? project.category : null,
        project_country: project.stored ? project.country : null,
        released_minor: released.reduce((sum, milestone) => sum + milestone.amountMinor, 0),
        released_milestones: released.length,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));

const readColumns = () =>
  db
    .prepare(
      'SELECT id, first_reply_at, answered_at, project_category, project_country, released_minor, released_milestones FROM proposals ORDER BY id',
    )
    .all();

/**
 * Writes after the history, as later syncs make them (the repositories' statements: a message deleted, a
 * pending one confirmed, one re-dated, a thread or project gone, a project re-categorised), to the workspace
 * and the world alike: the triggers of schema v14 must keep the proposal's columns right through each.
 */
const mutateWorld = (world: InsightsWorld, random: () => number): void => {
  const chance = (p: number): boolean => random() < p;
  const countries = ['IT', 'DE', 'US'];
  world.messages = world.messages.filter((message) => {
    if (!message.pending && chance(0.15)) {
      db.prepare('DELETE FROM messages WHERE id = ?').run(message.id);
      return false;
    }
    if (message.pending && chance(0.5)) {
      db.prepare("UPDATE messages SET state = 'synced' WHERE id = ?").run(message.id);
      message.pending = false;
    } else if (chance(0.1)) {
      message.atMs += Math.floor(random() * 5 * 86_400_000 - 2 * 86_400_000);
      db.prepare('UPDATE messages SET sent_at = ? WHERE id = ?').run(new Date(message.atMs).toISOString(), message.id);
    }
    return true;
  });
  for (const thread of world.threads) {
    if (thread.projectIndex !== null && chance(0.1)) {
      db.prepare('DELETE FROM threads WHERE id = ?').run(thread.id);
      thread.projectIndex = null;
    }
  }
  // The other account brought a proposal since (two accounts of one platform share a record: the last one owns it).
  for (const proposal of world.proposals) {
    if (proposal.stage !== 'platform' || !chance(0.1)) continue;
    proposal.account = proposal.account === insightsAccounts[0] ? insightsAccounts[1] : insightsAccounts[0];
    db.prepare('UPDATE proposals SET account_id = ? WHERE id = ?').run(proposal.account, proposal.id);
  }
  for (const project of world.projects) {
    if (!project.stored) continue;
    const roll = random();
    if (roll < 0.1) {
      db.prepare('DELETE FROM projects WHERE id = ?').run(project.id);
      project.stored = false;
    } else if (roll < 0.25) {
      // The project's skills change (the sync rewrites project_skills from the record's list).
      const dropped = project.skills.filter(() => chance(0.5));
      for (const skill of dropped) {
        db.prepare('DELETE FROM project_skills WHERE project_pk = (SELECT pk FROM projects WHERE id = ?) AND skill = ?').run(project.id, skill);
      }
      project.skills = project.skills.filter((skill) => !dropped.includes(skill));
      if (!project.skills.includes('Vue') && chance(0.5)) {
        db.prepare('INSERT INTO project_skills (skill, project_pk) SELECT ?, pk FROM projects WHERE id = ?').run('Vue', project.id);
        project.skills.push('Vue');
      }
    } else if (roll < 0.4) {
      project.category = 'design';
      project.country = countries[Math.floor(random() * countries.length)]!;
      db.prepare('UPDATE projects SET category = ?, country = ? WHERE id = ?').run(project.category, project.country, project.id);
    }
  }
};

// ---- the property ----

const timeZones = ['UTC', 'Europe/Rome', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
const instant = fc.integer({ min: Date.parse('2024-12-01T00:00:00Z'), max: Date.parse('2027-03-01T00:00:00Z') }).map((ms) => new Date(ms).toISOString());

const scenario = fc.record({
  seed: fc.integer(),
  projects: fc.integer({ min: 1, max: 25 }),
  proposals: fc.integer({ min: 0, max: 60 }),
  generalThreads: fc.integer({ min: 0, max: 3 }),
  messagesPerThread: fc.integer({ min: 0, max: 12 }),
  from: fc.option(instant, { nil: null }),
  span: fc.option(fc.integer({ min: 1, max: 800 * 86_400_000 }), { nil: null }),
  account: fc.constantFrom(null, ...insightsAccounts, 'acc_elsewhere'),
  timeZone: fc.constantFrom(...timeZones),
  laterWrites: fc.boolean(),
});

describe('insights figures', () => {
  it('equal a brute force over random proposal histories', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const world = generateInsightsWorld(createRandom(s.seed), s);
        clearWorkspace();
        writeInsightsWorld(db, world);
        if (s.laterWrites) mutateWorld(world, createRandom(s.seed + 1));
        expect(readColumns()).toEqual(bruteColumns(world));
        const to = s.span === null ? null : new Date((s.from === null ? Date.parse('2025-06-01T00:00:00Z') : Date.parse(s.from)) + s.span).toISOString();
        const filter = insightsFilterSchema.parse({ from: s.from, to, account: s.account });

        expect(computeFunnel(db, filter)).toEqual(bruteFunnel(world, filter));
        for (const dimension of winRateDimensions) {
          const figure = computeWinRates(db, filter, dimension);
          expect({ ...figure, rows: sortRows(figure.rows) }).toEqual(bruteWinRates(world, filter, dimension));
        }
        expect(computeReplyTimes(db, filter)).toEqual(bruteReplyTimes(world, filter));
        expect(computeEarnings(db, filter)).toEqual(bruteEarnings(world, filter));
        expect(computeBidCost(db, filter)).toEqual(bruteBidCost(world, filter));
        expect(computeBestHours(db, filter, s.timeZone)).toEqual(bruteBestHours(world, filter, s.timeZone));
      }),
      { numRuns: 60 },
    );
  });

  it('reads the hour in a zone right on the days its offset changes', () => {
    // Spring and autumn changes in Rome and New York, Lord Howe's half-hour change, Kathmandu's +5:45.
    const days = ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01', '2026-04-05', '2026-10-04', '2026-06-01'];
    for (const zone of ['Europe/Rome', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const hourOf = createHourReader(zone);
      for (const day of days) {
        const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let ms = start; ms < start + 3 * 86_400_000; ms += 7 * 60_000) {
          const expected = Number(new Date(ms).toLocaleString('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }));
          expect([zone, new Date(ms).toISOString(), hourOf(ms)]).toEqual([zone, new Date(ms).toISOString(), expected]);
        }
      }
    }
  });

  it('reads every figure from indexes: no statement scans a table', () => {
    const seen = new Set<string>();
    const recording = new Proxy(db, {
      get: (target, key) => {
        if (key !== 'prepare') return Reflect.get(target, key, target) as unknown;
        return (sql: string) => {
          seen.add(sql);
          return target.prepare(sql);
        };
      },
    });
    const filter = insightsFilterSchema.parse({ from: '2025-06-01T00:00:00Z', to: '2026-06-01T00:00:00Z', account: null });
    computeFunnel(recording, filter);
    for (const dimension of winRateDimensions) computeWinRates(recording, filter, dimension);
    computeReplyTimes(recording, filter);
    computeEarnings(recording, filter);
    computeBidCost(recording, filter);
    computeBestHours(recording, filter, 'Europe/Rome');
    expect(seen.size).toBeGreaterThan(8);
    for (const sql of seen) {
      const parameters = (sql.match(/\?/g) ?? []).length;
      const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((match) => [match[1]!, null]));
      const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const rows = Object.keys(named).length > 0 ? explain.all(named) : explain.all(...Array<null>(parameters).fill(null));
      const plan = (rows as { detail: string }[]).map((row) => row.detail);
      // A scan of a subquery's rows or of json_each's virtual table is no table scan, nor is one of an index made
      // for insights, ordered by what the figure groups by (its period tested on the index's last column).
      const scans = plan.filter(
        (detail) => /^SCAN /.test(detail) && !/VIRTUAL TABLE|^SCAN \(subquery|^SCAN (r|json_each)\b|USING COVERING INDEX (proposals_insights_\w+|proposal_skills_insights)\b/.test(detail),
      );
      expect({ sql, scans }).toEqual({ sql, scans: [] });
    }
  });

  it('refuses a period that ends before it starts, and an unknown time zone', () => {
    expect(insightsFilterSchema.safeParse({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).success).toBe(false);
    expect(insightsFilterSchema.safeParse({ from: '2026-01-01T00:00:00+02:00', to: null }).success).toBe(true);
    const bestHoursInput = insightsMethods.getBestHours.input;
    expect(bestHoursInput.safeParse({ filter: {}, timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
    expect(bestHoursInput.parse({ filter: {} })).toEqual({ filter: { from: null, to: null, account: null }, timeZone: 'UTC' });
  });
});
