/**
 * No bid leaves for a platform that forbids automatic bidding (Freelancer.com) without the user's explicit
 * confirmation of its exact terms (issue #14): the submit call must carry them, the core compares them with
 * what it would send, and refuses (queuing nothing) when they are missing or differ.
 */
import { describe, expect, it } from 'vitest';
import type { WritableDB } from '../../../electron/core/db/database';
import { toRecordColumns } from '../../../electron/core/db/repositories/platform-records-repository';
import type { RecordOf } from '../../../shared/platform/records';
import { useCoreHarness } from '../../support/core-harness';
import { makeClient, makeProject } from '../../support/workspace-records';

const { openWorkspace } = useCoreHarness();

const doc = (text: string): string => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

const letter = 'Buongiorno, posso consegnare il sito in dieci giorni.';

/** A platform record as the workspace stores it (its columns), without a sync. */
const insertRecord = <T extends 'client' | 'project'>(db: WritableDB, type: T, record: RecordOf<T>): void => {
  const columns = toRecordColumns(type, record);
  const names = Object.keys(columns);
  db.prepare(`INSERT INTO ${type === 'client' ? 'clients' : 'projects'} (${names.join(', ')}, raw, fetched_at) VALUES (${names.map(() => '?').join(', ')}, ?, ?)`).run(
    ...Object.values(columns),
    JSON.stringify(record),
    new Date().toISOString(),
  );
};

const draftBid = async (projectId: string) => {
  const workspace = await openWorkspace();
  const { core, client } = workspace;
  core.db.transaction(() => {
    insertRecord(core.db, 'client', makeClient('cli_fl-20000007'));
    insertRecord(core.db, 'project', makeProject(projectId, { client_id: 'cli_fl-20000007', language: 'it', budget: { min_minor: 25_000, max_minor: 75_000, currency: 'EUR' } }));
  })();
  const { id } = await client.proposals.createDraft({ projectId, locale: 'it' });
  await client.proposals.saveVariant({ id, locale: 'it', bodyJson: doc(letter), bodyText: letter });
  await client.proposals.saveTerms({ id, kind: 'fixed', amountMinor: 50_000, periodDays: 10, milestones: [] });
  const outbox = () => core.db.prepare('SELECT op, payload FROM outbox').all() as { op: string; payload: string }[];
  return { ...workspace, id, outbox };
};

const confirmed = { amountMinor: 50_000, currency: 'EUR', periodDays: 10, coverLetter: letter };

describe('a bid to Freelancer needs the confirmed terms', () => {
  it('without a confirmation nothing is queued', async () => {
    const { client, id, outbox } = await draftBid('prj_fl-40000123');
    await expect(client.proposals.submitProposal({ id })).resolves.toEqual({ queued: false, status: 'draft', problems: [{ code: 'confirmation_required' }] });
    expect(outbox()).toEqual([]);
  });

  it('terms other than those that would be sent are refused, each of them', async () => {
    const { client, id, outbox } = await draftBid('prj_fl-40000123');
    for (const wrong of [
      { ...confirmed, amountMinor: 49_999 },
      { ...confirmed, currency: 'USD' },
      { ...confirmed, periodDays: 9 },
      { ...confirmed, coverLetter: `${letter} PS` },
    ]) {
      await expect(client.proposals.submitProposal({ id, confirmation: wrong })).resolves.toMatchObject({ queued: false, problems: [{ code: 'confirmation_mismatch' }] });
    }
    // Confirmed, then changed before submitting: the old confirmation no longer holds.
    await client.proposals.saveTerms({ id, kind: 'fixed', amountMinor: 60_000, periodDays: 10, milestones: [] });
    await expect(client.proposals.submitProposal({ id, confirmation: confirmed })).resolves.toMatchObject({ queued: false, problems: [{ code: 'confirmation_mismatch' }] });
    expect(outbox()).toEqual([]);
  });

  it('the exact terms queue the bid with its confirmation; a sent bid cannot be changed through submit', async () => {
    const { core, client, id, outbox } = await draftBid('prj_fl-40000123');
    await expect(client.proposals.submitProposal({ id, confirmation: { ...confirmed, coverLetter: `${letter}\r\n` } })).resolves.toEqual({
      queued: true,
      status: 'queued',
      problems: [],
    });
    const [write] = outbox();
    expect(write?.op).toBe('create_proposal');
    expect(JSON.parse(write!.payload)).toMatchObject({ confirmation: { ...confirmed, coverLetter: `${letter}\r\n`, confirmedAt: expect.any(String) } });
    // Once the platform has it (a version), a changed submit is not a bid update Freelancer documents.
    core.db.prepare("UPDATE proposals SET version = 1, status = 'submitted' WHERE id = ?").run(id);
    core.db.prepare('DELETE FROM outbox').run();
    await client.proposals.saveTerms({ id, kind: 'fixed', amountMinor: 55_000, periodDays: 10, milestones: [] });
    await expect(client.proposals.submitProposal({ id, confirmation: { ...confirmed, amountMinor: 55_000 } })).resolves.toMatchObject({
      queued: false,
      problems: [{ code: 'update_unsupported' }],
    });
    expect(outbox()).toEqual([]);
  });

  it("a project of a Freelancer account is gated whatever its id looks like", async () => {
    const { core, client, id, outbox } = await draftBid('prj_0000aa');
    core.db
      .prepare("INSERT INTO accounts (id, platform, label, base_url, created_at) VALUES ('acc_fl1', 'freelancer', 'Freelancer', 'https://www.freelancer.com', ?)")
      .run(new Date().toISOString());
    core.db.prepare("UPDATE projects SET account_id = 'acc_fl1' WHERE id = 'prj_0000aa'").run();
    await expect(client.proposals.submitProposal({ id })).resolves.toMatchObject({ queued: false, problems: [{ code: 'confirmation_required' }] });
    expect(outbox()).toEqual([]);
  });

  it("the reference platform's proposals go as before, a confirmation checked when given", async () => {
    const { client, id, outbox } = await draftBid('prj_00001f');
    await expect(client.proposals.submitProposal({ id, confirmation: { ...confirmed, periodDays: 11 } })).resolves.toMatchObject({
      queued: false,
      problems: [{ code: 'confirmation_mismatch' }],
    });
    await expect(client.proposals.submitProposal({ id })).resolves.toMatchObject({ queued: true });
    expect(outbox().map((write) => write.op)).toEqual(['create_proposal']);
  });
});
