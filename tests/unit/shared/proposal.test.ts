import { describe, expect, it } from 'vitest';
import {
  checkProposal,
  findsContactDetails,
  isVariantOutdated,
  maxCoverLetterLength,
  revisionWindowMs,
  platformFeePercent,
  shouldStartRevision,
  splitFee,
  sumMilestones,
  type ProposalDraftState,
  type VariantState,
} from '../../../shared/domain/proposal';

const variant = (locale: string, fields: Partial<VariantState> = {}): VariantState => ({
  locale,
  bodyText: 'Guten Tag, ich übernehme gern Ihr Projekt.',
  revision: 1,
  sourceLocale: null,
  sourceRevision: null,
  ...fields,
});

const ready: ProposalDraftState = {
  kind: 'fixed',
  amountMinor: 150_000,
  periodDays: 14,
  defaultLocale: 'de',
  milestones: [
    { title: 'Entwurf', amountMinor: 50_000, dueInDays: 7 },
    { title: 'Abnahme', amountMinor: 100_000, dueInDays: 14 },
  ],
  variants: [variant('de')],
};

describe('milestone arithmetic', () => {
  it('adds integer minor units exactly where floats would not', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in cents it is 30.
    expect(sumMilestones([{ amountMinor: 10 }, { amountMinor: 20 }])).toBe(30);
    expect(sumMilestones([])).toBe(0);
    expect(() => sumMilestones([{ amountMinor: 0.5 }])).toThrow(RangeError);
  });

  it('flags totals that do not match a fixed price, not an hourly rate', () => {
    expect(checkProposal(ready)).toEqual([]);
    const short = { ...ready, amountMinor: 150_001 };
    expect(checkProposal(short)).toEqual([{ code: 'milestones_mismatch', totalMinor: 150_000, amountMinor: 150_001 }]);
    expect(checkProposal({ ...short, kind: 'hourly' })).toEqual([]);
  });
});

describe('variant freshness', () => {
  it('is outdated once the source has a newer revision than the one translated', () => {
    const source = variant('de', { revision: 3 });
    const translation = variant('it', { sourceLocale: 'de', sourceRevision: 3 });
    expect(isVariantOutdated(translation, [source, translation])).toBe(false);
    const newer = { ...source, revision: 4 };
    expect(isVariantOutdated(translation, [newer, translation])).toBe(true);
    // Written directly, or from a source since removed: nothing to be outdated against.
    expect(isVariantOutdated(variant('it'), [newer])).toBe(false);
    expect(isVariantOutdated(translation, [translation])).toBe(false);
  });
});

describe('revision policy', () => {
  it('amends the latest revision within the window, opens one after it or on a checkpoint', () => {
    const opened = new Date('2026-03-01T10:00:00Z');
    expect(shouldStartRevision(null, opened, false)).toBe(true);
    expect(shouldStartRevision(opened, new Date(opened.getTime() + 1000), false)).toBe(false);
    expect(shouldStartRevision(opened, new Date(opened.getTime() + 1000), true)).toBe(true);
    expect(shouldStartRevision(opened, new Date(opened.getTime() + revisionWindowMs), false)).toBe(true);
  });
});

describe('pre-submit checks', () => {
  it('lists every missing, empty or outdated variant, missing price and delivery, and bad milestones', () => {
    const problems = checkProposal({
      kind: 'fixed',
      amountMinor: null,
      periodDays: null,
      defaultLocale: 'de',
      milestones: [{ title: ' ', amountMinor: 0, dueInDays: null }],
      variants: [variant('it', { bodyText: '  ' }), variant('fr', { sourceLocale: 'it', sourceRevision: 0 })],
    });
    expect(problems).toEqual([
      { code: 'missing_default_variant', locale: 'de' },
      { code: 'empty_variant', locale: 'it' },
      { code: 'outdated_variant', locale: 'fr', sourceLocale: 'it' },
      { code: 'missing_amount' },
      { code: 'missing_period' },
      { code: 'milestone_invalid', index: 0 },
    ]);
  });

  it('finds contact details the platform forbids, in any language, and leaves ordinary text alone', () => {
    expect(findsContactDetails('Schreiben Sie mir an jürgen.müller@beispiel.de')).toBe(true);
    expect(findsContactDetails('Chiamami al +39 333 123 4567')).toBe(true);
    expect(findsContactDetails('Contactez-moi sur WhatsApp')).toBe(true);
    expect(findsContactDetails('Livraison en 14 jours, 3 étapes, 1.500,00 €')).toBe(false);
    expect(checkProposal({ ...ready, variants: [variant('de', { bodyText: 'Mail: a@b.de' })] })).toEqual([
      { code: 'contact_details', locale: 'de' },
    ]);
  });

  it('lists every question of the project left unanswered, and answers with contact details', () => {
    const questions = [
      { id: 'q1', text: 'Wann könnten Sie beginnen?' },
      { id: 'q2', text: 'Ähnliche Projekte?' },
      { id: 'q3', text: 'Wartung inklusive?' },
    ];
    const answers = [
      { questionId: 'q1', text: 'Ab Montag.' },
      { questionId: 'q2', text: '   ' },
      { questionId: 'q3', text: 'Ja, Details unter +49 170 1234567' },
    ];
    expect(checkProposal({ ...ready, questions, answers })).toEqual([
      { code: 'unanswered_question', questionId: 'q2', question: 'Ähnliche Projekte?' },
      { code: 'contact_details_answer', questionId: 'q3', question: 'Wartung inklusive?' },
    ]);
    expect(checkProposal({ ...ready, questions: [questions[0]!], answers: [answers[0]!] })).toEqual([]);
    // A project that asks nothing needs no answers.
    expect(checkProposal({ ...ready, questions: [], answers: [] })).toEqual([]);
  });
});

describe('platform fee', () => {
  it('splits the fee the platform reported, in whole minor units, and falls back to the default', () => {
    expect(splitFee(150_000, 12.5)).toEqual({ feeMinor: 18_750, netMinor: 131_250 });
    expect(splitFee(999, 10)).toEqual({ feeMinor: 100, netMinor: 899 });
    expect(splitFee(150_000)).toEqual(splitFee(150_000, platformFeePercent));
  });
});

describe('letter length', () => {
  it('keeps a letter longer than the platform takes (it was saved) and flags it before submit, per language', () => {
    const long = 'Wort '.repeat(maxCoverLetterLength / 5) + 'ü';
    const problems = checkProposal({ ...ready, variants: [variant('de', { bodyText: long }), variant('it')] });
    expect(problems).toEqual([{ code: 'letter_too_long', locale: 'de', length: long.trim().length, limit: maxCoverLetterLength }]);
    // Exactly at the limit (surrounding blank space is not sent) is fine.
    const atLimit = ` ${'x'.repeat(maxCoverLetterLength)}\n`;
    expect(checkProposal({ ...ready, variants: [variant('de', { bodyText: atLimit })] })).toEqual([]);
  });
});
