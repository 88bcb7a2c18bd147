import { describe, expect, it } from 'vitest';
import type { DiffPart, LetterSegment } from '../../../shared/contract/proposals';
import { formatMoney } from '../../../shared/i18n/format';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';
import { readServerFeed } from '../../support/platform-view';

const { openSignedIn, startPlatform } = useCoreHarness();

const doc = (...paragraphs: string[]): string =>
  JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

const joinLetter = (segments: LetterSegment[]): string =>
  segments.map((segment) => ('text' in segment ? segment.text : (segment.value ?? `{${segment.field}}`))).join('');

/** The two texts a diff stands between: equal + deleted is the old one, equal + inserted the new one. */
const sides = (parts: DiffPart[]): { before: string; after: string } => ({
  before: parts.filter((part) => part.op !== 'insert').map((part) => part.text).join(''),
  after: parts.filter((part) => part.op !== 'delete').map((part) => part.text).join(''),
});

describe('the proposal as the client sees it', () => {
  it('previews merge fields, answers and linked items exactly as submit sends them; diffs revisions; starts variants from templates', async () => {
    const platform = await startPlatform();
    const { core, client } = await openSignedIn(platform);
    const project = core.db
      .prepare(
        `SELECT p.id, p.title, c.name AS clientName FROM projects p JOIN clients c ON c.id = p.client_id
         WHERE p.status = 'open' AND p.skills <> '[]' AND p.id NOT IN (SELECT project_id FROM proposals) LIMIT 1`,
      )
      .get() as { id: string; title: string; clientName: string };
    const me = core.db.prepare('SELECT name, hourly_rate_minor AS rate, currency FROM profile').get() as { name: string; rate: number; currency: string };

    // The client adds questions on the platform; the next pull brings them.
    const questions = [
      { id: 'q1', text: 'Wann könnten Sie beginnen?' },
      { id: 'q2', text: 'Haben Sie Ähnliches gebaut?' },
    ];
    platform.actors.edit('project', project.id, { questions });
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase === 'idle');
    await expect.poll(() => core.db.prepare("SELECT json_extract(raw, '$.questions') AS q FROM projects WHERE id = ?").get(project.id)).toEqual({
      q: JSON.stringify(questions),
    });

    const { id } = await client.proposals.createDraft({ projectId: project.id, locale: 'de' });
    const draft = (await client.proposals.getProposal({ id }))!;
    expect(draft).toMatchObject({ questions, answers: [], portfolioItemIds: [] });

    // Preview: every known field filled the way submit fills it, the unknown one flagged and left as written.
    const letter = 'Guten Tag {client.name},\n\nzu „{project.title}“: {my.rate} pro Stunde. {project.budget}\n\nGrüße, {my.name}';
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(letter), bodyText: letter });
    const flagged = await client.proposals.previewProposal({ id, locale: 'de' });
    expect(flagged.unresolved).toEqual(['project.budget']);
    expect(flagged.letter).toContainEqual({ field: 'client.name', value: project.clientName });
    expect(flagged.letter).toContainEqual({ field: 'my.rate', value: formatMoney(me.rate, me.currency, 'de') });
    expect(flagged.letter).toContainEqual({ field: 'project.budget', value: null });
    const problems = (await client.proposals.submitProposal({ id })).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: 'unknown_merge_field', locale: 'de', field: 'project.budget' },
        { code: 'unanswered_question', questionId: 'q1', question: questions[0]!.text },
        { code: 'unanswered_question', questionId: 'q2', question: questions[1]!.text },
      ]),
    );

    // Answers: one per question; contact details are refused like in the letter; an unknown question is not taken.
    const answered = await client.proposals.saveAnswers({
      id,
      answers: [
        { questionId: 'q1', text: 'Ab Montag.' },
        { questionId: 'q2', text: 'Ja, rufen Sie an: +49 170 1234567' },
      ],
    });
    expect(answered.problems.filter((p) => p.questionId)).toEqual([{ code: 'contact_details_answer', questionId: 'q2', question: questions[1]!.text }]);
    await expect(client.proposals.saveAnswers({ id, answers: [{ questionId: 'q7', text: 'x' }] })).rejects.toMatchObject({ code: 'invalid_input' });
    await client.proposals.saveAnswers({
      id,
      answers: [
        { questionId: 'q1', text: 'Ab Montag.' },
        { questionId: 'q2', text: 'Ja, drei Shops für Bäckereien.' },
      ],
    });

    // Linkable items: best skill matches first, every item listed; two linked, in the order chosen.
    const linkable = await client.proposals.listLinkableItems({ id });
    expect(linkable.length).toBe((core.db.prepare('SELECT count(*) AS n FROM portfolio_items').get() as { n: number }).n);
    expect(linkable.map((item) => item.score)).toEqual([...linkable.map((item) => item.score)].sort((a, b) => b - a));
    const chosen = [linkable[linkable.length - 1]!.itemId, linkable[0]!.itemId];
    await expect(client.proposals.linkPortfolioItems({ id, itemIds: ['pfi_nope'] })).rejects.toMatchObject({ code: 'not_found' });
    expect(await client.proposals.linkPortfolioItems({ id, itemIds: chosen })).toEqual({ portfolioItemIds: chosen });
    expect((await client.proposals.listLinkableItems({ id })).filter((item) => item.linked).map((item) => item.itemId).sort()).toEqual([...chosen].sort());

    // Revisions: a word-level diff against the current text, and against the revision before.
    const fixedLetter = 'Guten Tag {client.name},\n\nzu „{project.title}“: {my.rate} pro Stunde, Start sofort.\n\nViele Grüße, {my.name}';
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(fixedLetter), bodyText: fixedLetter, checkpoint: true });
    const againstCurrent = await client.proposals.diffRevision({ id, locale: 'de', revision: 1, against: 'current' });
    expect(againstCurrent).toMatchObject({ fromRevision: 1, toRevision: 2 });
    expect(sides(againstCurrent.parts)).toEqual({ before: letter, after: fixedLetter });
    // A rewritten phrase reads as one removed run and one added run, not word by word.
    expect(againstCurrent.parts.filter((part) => part.op === 'delete').map((part) => part.text)).toContain('. {project.budget}');
    expect(againstCurrent.parts.filter((part) => part.op === 'insert').map((part) => part.text).join('')).toContain('sofort');
    expect(againstCurrent.parts.some((part) => part.op === 'equal' && part.text.includes('Guten Tag'))).toBe(true);
    expect(againstCurrent.insertedWords).toBeGreaterThan(0);
    const againstPrevious = await client.proposals.diffRevision({ id, locale: 'de', revision: 2, against: 'previous' });
    expect(againstPrevious.parts).toEqual(againstCurrent.parts);
    const first = await client.proposals.diffRevision({ id, locale: 'de', revision: 1, against: 'previous' });
    expect(first).toMatchObject({ fromRevision: null, parts: [{ op: 'insert', text: letter }] });

    // A template of the variant's language starts a new variant; an existing letter is never replaced.
    const italian = 'Gentile {client.name}, sarò lieto di occuparmi di «{project.title}».';
    const template = await client.proposals.saveTemplate({ kind: 'template', locale: 'it', name: 'Lettera base', bodyJson: doc(italian) });
    await expect(client.proposals.startFromTemplate({ id, locale: 'de', templateId: template.id })).rejects.toMatchObject({ code: 'not_found' });
    await client.proposals.startFromTemplate({ id, locale: 'it', templateId: template.id });
    const withItalian = (await client.proposals.getProposal({ id }))!;
    expect(withItalian.variants.find((v) => v.locale === 'it')).toMatchObject({ bodyJson: doc(italian), bodyText: italian, sourceLocale: null });
    await expect(client.proposals.startFromTemplate({ id, locale: 'it', templateId: template.id })).rejects.toMatchObject({ code: 'conflict' });

    // The preview in each language is what the platform receives, with answers and linked items titled for the reader.
    await client.proposals.saveTerms({ id, kind: 'fixed', amountMinor: 120_000, periodDays: 12, milestones: [] });
    const previewDe = await client.proposals.previewProposal({ id, locale: 'de' });
    const previewIt = await client.proposals.previewProposal({ id, locale: 'it' });
    expect(previewDe).toMatchObject({ unresolved: [], amountMinor: 120_000, periodDays: 12, answers: [
      { questionId: 'q1', question: questions[0]!.text, text: 'Ab Montag.' },
      { questionId: 'q2', question: questions[1]!.text, text: 'Ja, drei Shops für Bäckereien.' },
    ] });
    expect(previewDe.portfolioItems.map((item) => item.itemId)).toEqual(chosen);
    expect(joinLetter(previewIt.letter)).toBe(`Gentile ${project.clientName}, sarò lieto di occuparmi di «${project.title}».`);

    expect(await client.proposals.submitProposal({ id })).toMatchObject({ queued: true, problems: [] });
    await waitForStatus(client, (s) => s.phase === 'idle' && s.pending === 0);
    const onServer = (await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!.data!;
    expect(onServer).toMatchObject({
      status: 'submitted',
      portfolio_item_ids: chosen,
      answers: [
        { question_id: 'q1', text: 'Ab Montag.' },
        { question_id: 'q2', text: 'Ja, drei Shops für Bäckereien.' },
      ],
      variants: { de: { cover_letter: joinLetter(previewDe.letter) }, it: { cover_letter: joinLetter(previewIt.letter) } },
    });
    // The letters keep their merge fields (and revision) once the platform's copy, filled, comes back.
    const afterPull = (await client.proposals.getProposal({ id }))!;
    expect(afterPull.variants.find((v) => v.locale === 'de')).toMatchObject({ bodyText: fixedLetter, bodyJson: doc(fixedLetter), revision: 2 });
    expect(afterPull.variants.find((v) => v.locale === 'it')).toMatchObject({ bodyText: italian });
    // The platform's answer keeps answers and links in the workspace.
    expect(await client.proposals.getProposal({ id })).toMatchObject({ status: 'submitted', portfolioItemIds: chosen, answers: previewDe.answers.map(({ questionId, text }) => ({ questionId, text })) });
  });
});
