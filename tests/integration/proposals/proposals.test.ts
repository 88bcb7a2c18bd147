import { describe, expect, it } from 'vitest';
import { signIn, useCoreHarness, waitForStatus } from '../../support/core-harness';
import { readServerFeed } from '../../support/platform-view';
import { slugOf } from '../../../shared/domain/slug';

const { openSignedIn, startPlatform } = useCoreHarness();

/** A Tiptap document as the editor stores it. */
const doc = (...paragraphs: string[]): string =>
  JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

const german = 'Sehr geehrte Damen und Herren, gerne übernehme ich Ihr Projekt. Grüße aus München.';
const italian = 'Gentili signori, sarò lieto di occuparmi del progetto «{project.title}». Più qualità, così.';

describe('proposals', () => {
  it('is drafted, translated, priced and submitted offline; reaches the platform exactly once; edited, conflicts resolved, withdrawn', async () => {
    const platform = await startPlatform();
    const { core, client } = await openSignedIn(platform);
    const count = (sql: string, ...params: unknown[]) => (core.db.prepare(sql).get(...params) as { n: number }).n;
    const { id: projectId, title: projectTitle } = core.db
      .prepare("SELECT id, title FROM projects WHERE status = 'open' AND id NOT IN (SELECT project_id FROM proposals) LIMIT 1")
      .get() as { id: string; title: string };

    await client.sync.signOut();
    const { id, created } = await client.proposals.createDraft({ projectId, locale: 'de' });
    expect(created).toBe(true);
    // Opening "Write a proposal" again returns the same draft.
    await expect(client.proposals.createDraft({ projectId, locale: 'de' })).resolves.toEqual({ id, created: false });

    // Nothing can go yet: empty letter, no price, no delivery time.
    const early = await client.proposals.submitProposal({ id });
    expect(early.queued).toBe(false);
    expect(early.problems.map((p) => p.code)).toEqual(['empty_variant', 'missing_amount', 'missing_period']);

    // Autosave: each save is durable when it returns; within the revision window it amends the same revision.
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc('Sehr geehrte'), bodyText: 'Sehr geehrte' });
    const first = await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(german), bodyText: german });
    expect(first.revision).toBe(1);
    expect(core.db.prepare("SELECT body_text FROM proposal_variants WHERE proposal_id = ? AND locale = 'de'").get(id)).toEqual({ body_text: german });

    const added = await client.proposals.addVariant({ id, locale: 'it', sourceLocale: 'de' });
    expect(added).toMatchObject({ locale: 'it', sourceLocale: 'de', sourceRevision: 1, outdated: false });
    await client.proposals.saveVariant({ id, locale: 'it', bodyJson: doc(italian), bodyText: italian });

    // A checkpoint opens revision 2 of the German letter: the Italian one is now outdated, until brought up to date.
    const changed = `${german} Zwei Wochen.`;
    expect((await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(changed), bodyText: changed, checkpoint: true })).revision).toBe(2);
    const outdated = await client.proposals.getProposal({ id });
    expect(outdated!.variants.find((v) => v.locale === 'it')!.outdated).toBe(true);
    expect(outdated!.problems).toContainEqual({ code: 'outdated_variant', locale: 'it', sourceLocale: 'de' });
    await client.proposals.markVariantCurrent({ id, locale: 'it' });

    // History: both revisions readable; restoring the first makes it the newest, losing nothing in between.
    expect((await client.proposals.listRevisions({ id, locale: 'de' })).map((r) => [r.revision, r.bodyText])).toEqual([
      [2, changed],
      [1, german],
    ]);
    expect((await client.proposals.restoreRevision({ id, locale: 'de', revision: 1 })).revision).toBe(3);
    await client.proposals.markVariantCurrent({ id, locale: 'it' });

    // Milestones must add up to the fixed price, in minor units.
    const terms = { id, kind: 'fixed' as const, amountMinor: 150_000, periodDays: 14 };
    const mismatch = await client.proposals.saveTerms({
      ...terms,
      milestones: [{ title: 'Entwurf', amountMinor: 50_000, dueInDays: 7 }],
    });
    expect(mismatch.problems).toEqual([{ code: 'milestones_mismatch', totalMinor: 50_000, amountMinor: 150_000 }]);
    const fixed = await client.proposals.saveTerms({
      ...terms,
      milestones: [
        { title: 'Entwurf', amountMinor: 50_000, dueInDays: 7 },
        { title: 'Abnahme', amountMinor: 100_000, dueInDays: 14 },
      ],
    });
    expect(fixed).toEqual({ milestonesTotalMinor: 150_000, problems: [] });

    // A merge field that cannot be filled is flagged and blocks submit; never sent raw.
    const misspelt = `${italian} {project.budget}`;
    await client.proposals.saveVariant({ id, locale: 'it', bodyJson: doc(misspelt), bodyText: misspelt });
    const blocked = await client.proposals.submitProposal({ id });
    expect(blocked).toMatchObject({ queued: false, problems: [{ code: 'unknown_merge_field', locale: 'it', field: 'project.budget' }] });
    await client.proposals.saveVariant({ id, locale: 'it', bodyJson: doc(italian), bodyText: italian });

    // Submitted offline twice: one queued create, the second folded into it.
    await expect(client.proposals.submitProposal({ id })).resolves.toEqual({ queued: true, status: 'queued', problems: [] });
    await client.proposals.submitProposal({ id });
    expect(count("SELECT count(*) AS n FROM outbox WHERE entity_id = ? AND op = 'create_proposal'", id)).toBe(1);
    expect((await client.proposals.listProposals({ status: 'queued' })).map((p) => [p.id, p.pending])).toEqual([[id, true]]);

    await signIn(client, platform);
    await waitForStatus(client, (s) => s.phase === 'idle' && s.pending === 0);
    const onServer = [...(await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.values()].filter(
      (record) => record.data?.project_id === projectId,
    );
    expect(onServer).toHaveLength(1);
    expect(onServer[0]!.data).toMatchObject({
      id,
      status: 'submitted',
      amount_minor: 150_000,
      period_days: 14,
      default_locale: 'de',
      variants: { de: { cover_letter: german }, it: { cover_letter: italian.replace('{project.title}', projectTitle), source_locale: 'de' } },
    });
    const submitted = (await client.proposals.getProposal({ id }))!;
    expect(submitted).toMatchObject({ status: 'submitted', pending: false, version: expect.any(Number) });
    // The editor's document survives the platform's answer, which only knows the text.
    expect(submitted.variants.find((v) => v.locale === 'de')).toMatchObject({ bodyJson: doc(german), revision: 3, outdated: false });

    // The PDF of a variant is made in the core.
    const pdf = await client.proposals.exportPdf({ id, locale: 'de' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Named after the project (readable in a downloads folder), not after the proposal's id.
    expect(pdf.fileName).toBe(`proposal-${slugOf(projectTitle)}-de.pdf`);

    // Edited after submit while the client's copy changes on the platform: a conflict, kept until the user chooses.
    await client.sync.signOut();
    await client.proposals.saveTerms({ ...terms, periodDays: 10, milestones: submitted.milestones });
    await client.proposals.submitProposal({ id });
    platform.actors.edit('proposal', id, { period_days: 30 });
    await signIn(client, platform);
    await waitForStatus(client, (s) => s.conflicts === 1 && s.phase === 'idle');
    const [conflict] = await client.sync.listConflicts({ limit: 10 });
    expect(conflict).toMatchObject({ entityType: 'proposal', entityId: id });
    await client.sync.resolveConflict({ id: conflict!.id, choice: 'mine' });
    await waitForStatus(client, (s) => s.conflicts === 0 && s.pending === 0 && s.phase === 'idle');
    expect((await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!.data).toMatchObject({ period_days: 10 });

    // Withdrawn: at once locally, then on the platform.
    await expect(client.proposals.withdrawProposal({ id, reason: 'Zeitplan passt nicht' })).resolves.toEqual({ status: 'withdrawn' });
    await waitForStatus(client, (s) => s.pending === 0 && s.phase === 'idle');
    expect((await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!.data).toMatchObject({ status: 'withdrawn' });
    expect(await client.proposals.getProposal({ id })).toMatchObject({ status: 'withdrawn', pending: false });
    await expect(client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc('x'), bodyText: 'x' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('edits made here after submit survive a pull until they are sent, and then meet the platform’s version as a conflict', async () => {
    const platform = await startPlatform();
    const { core, client } = await openSignedIn(platform);
    const row = core.db.prepare("SELECT id, kind, amount_minor AS amount, milestones FROM proposals WHERE status = 'submitted' LIMIT 1").get() as {
      id: string;
      kind: 'fixed' | 'hourly';
      amount: number;
      milestones: string;
    };
    const milestones = (JSON.parse(row.milestones) as { title: string; amount_minor: number; due_in_days: number | null }[]).map((m) => ({
      title: m.title,
      amountMinor: m.amount_minor,
      dueInDays: m.due_in_days,
    }));
    await client.proposals.saveTerms({ id: row.id, kind: row.kind, amountMinor: row.amount, periodDays: 9, milestones });

    // The platform changes the same proposal; the pull must leave the unsent local edit alone.
    platform.actors.edit('proposal', row.id, { period_days: 30 });
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase === 'idle');
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase === 'idle');
    expect(core.db.prepare('SELECT period_days FROM proposals WHERE id = ?').get(row.id)).toEqual({ period_days: 9 });

    // Sent: the platform refuses the stale version, both are kept, and keeping mine wins on the platform.
    await client.proposals.submitProposal({ id: row.id });
    await waitForStatus(client, (s) => s.conflicts === 1 && s.phase === 'idle');
    const [conflict] = await client.sync.listConflicts({ limit: 5 });
    expect(conflict!.serverRecord).toMatchObject({ period_days: 30 });
    await client.sync.resolveConflict({ id: conflict!.id, choice: 'mine' });
    await waitForStatus(client, (s) => s.conflicts === 0 && s.pending === 0 && s.phase === 'idle');
    expect((await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(row.id)!.data).toMatchObject({ period_days: 9 });
  });
});
