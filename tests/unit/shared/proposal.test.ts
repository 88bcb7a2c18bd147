import { describe, expect, it } from 'vitest';
import {
  checkProposal,
  findsContactDetails,
  isVariantOutdated,
  revisionWindowMs,
  shouldStartRevision,
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
});
