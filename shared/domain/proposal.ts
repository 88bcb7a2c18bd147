/** Pure rules of the proposal editor: totals, freshness of translations, revision policy, pre-submit checks. */

/** Locally editable until it is sent; after submit the platform's open statuses still take changes. */
const editableStatuses: ReadonlySet<string> = new Set(['draft', 'queued', 'submitted', 'shortlisted']);

/** Whether the letter, terms and answers of a proposal in this status may still change (checked in the core, shown in the editor). */
export const isEditableStatus = (status: string): boolean => editableStatuses.has(status);

export type MilestoneDraft = { title: string; amountMinor: number; dueInDays: number | null };

export type VariantState = {
  locale: string;
  bodyText: string;
  revision: number;
  sourceLocale: string | null;
  sourceRevision: number | null;
};

/** A question the project asks every bidder, and the freelancer's answer to one. */
export type ProjectQuestion = { id: string; text: string };
export type QuestionAnswer = { questionId: string; text: string };

export type ProposalDraftState = {
  kind: 'fixed' | 'hourly';
  amountMinor: number | null;
  periodDays: number | null;
  defaultLocale: string;
  milestones: readonly MilestoneDraft[];
  variants: readonly VariantState[];
  /** The project's questions (none when it asks none) and the answers written so far. */
  questions?: readonly ProjectQuestion[];
  answers?: readonly QuestionAnswer[];
};

export type ProposalProblem =
  | { code: 'missing_default_variant'; locale: string }
  | { code: 'empty_variant'; locale: string }
  | { code: 'outdated_variant'; locale: string; sourceLocale: string }
  | { code: 'missing_amount' }
  | { code: 'missing_period' }
  | { code: 'milestones_mismatch'; totalMinor: number; amountMinor: number }
  | { code: 'milestone_invalid'; index: number }
  | { code: 'contact_details'; locale: string }
  | { code: 'letter_too_long'; locale: string; length: number; limit: number }
  | { code: 'unknown_merge_field'; locale: string; field: string }
  | { code: 'unanswered_question'; questionId: string; question: string }
  | { code: 'contact_details_answer'; questionId: string; question: string };

/**
 * The longest cover letter the platform accepts, in characters. Longer letters are still saved as they are typed
 * (nothing is refused mid-sentence) and flagged before submit.
 */
export const maxCoverLetterLength = 20_000;

/** Integer minor units only: a sum of floats could make 0.1 + 0.2 disagree with a price. */
export const sumMilestones = (milestones: readonly Pick<MilestoneDraft, 'amountMinor'>[]): number =>
  milestones.reduce((total, milestone) => {
    if (!Number.isSafeInteger(milestone.amountMinor)) throw new RangeError('milestone amounts are integer minor units');
    return total + milestone.amountMinor;
  }, 0);

/** A translation is outdated when its source variant has a newer revision than the one it was written from. */
export const isVariantOutdated = (variant: VariantState, variants: readonly VariantState[]): boolean => {
  if (variant.sourceLocale === null || variant.sourceRevision === null) return false;
  const source = variants.find((candidate) => candidate.locale === variant.sourceLocale);
  return source !== undefined && source.revision > variant.sourceRevision;
};

/** How long an autosaved variant keeps amending its latest revision before the next save opens a new one. */
export const revisionWindowMs = 5 * 60_000;

/**
 * Autosave writes every keystroke burst; history would drown if each were a revision. A new revision starts
 * when asked (leaving the editor, restoring, switching variant) or once the latest one is older than the window.
 */
export const shouldStartRevision = (latestRevisionAt: Date | null, now: Date, checkpoint: boolean): boolean =>
  latestRevisionAt === null || checkpoint || now.getTime() - latestRevisionAt.getTime() >= revisionWindowMs;

// Platforms forbid taking the conversation elsewhere before a contract: e-mail addresses, phone numbers, messengers.
const contactPatterns = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u,
  /(?:\+|00)\d[\d\s./-]{7,}\d/u,
  /\b(?:skype|whatsapp|telegram|wa\.me|t\.me)\b/iu,
];

export const findsContactDetails = (text: string): boolean => contactPatterns.some((pattern) => pattern.test(text));

/** Everything that would make the platform refuse the proposal, or the client read something unfinished. */
export const checkProposal = (draft: ProposalDraftState): ProposalProblem[] => {
  const problems: ProposalProblem[] = [];
  if (!draft.variants.some((variant) => variant.locale === draft.defaultLocale)) {
    problems.push({ code: 'missing_default_variant', locale: draft.defaultLocale });
  }
  for (const variant of draft.variants) {
    if (variant.bodyText.trim() === '') problems.push({ code: 'empty_variant', locale: variant.locale });
    else if (findsContactDetails(variant.bodyText)) problems.push({ code: 'contact_details', locale: variant.locale });
    const length = variant.bodyText.trim().length;
    if (length > maxCoverLetterLength) problems.push({ code: 'letter_too_long', locale: variant.locale, length, limit: maxCoverLetterLength });
    if (isVariantOutdated(variant, draft.variants) && variant.sourceLocale !== null) {
      problems.push({ code: 'outdated_variant', locale: variant.locale, sourceLocale: variant.sourceLocale });
    }
  }
  if (draft.amountMinor === null || draft.amountMinor <= 0) problems.push({ code: 'missing_amount' });
  if (draft.periodDays === null || draft.periodDays <= 0) problems.push({ code: 'missing_period' });
  draft.milestones.forEach((milestone, index) => {
    if (milestone.title.trim() === '' || milestone.amountMinor <= 0) problems.push({ code: 'milestone_invalid', index });
  });
  if (draft.kind === 'fixed' && draft.milestones.length > 0 && draft.amountMinor !== null) {
    const totalMinor = sumMilestones(draft.milestones);
    if (totalMinor !== draft.amountMinor) problems.push({ code: 'milestones_mismatch', totalMinor, amountMinor: draft.amountMinor });
  }
  // The client asked every bidder: a bid that skips a question reads as careless, and answers are read like letters.
  for (const question of draft.questions ?? []) {
    const answer = draft.answers?.find((candidate) => candidate.questionId === question.id)?.text ?? '';
    if (answer.trim() === '') problems.push({ code: 'unanswered_question', questionId: question.id, question: question.text });
    else if (findsContactDetails(answer)) problems.push({ code: 'contact_details_answer', questionId: question.id, question: question.text });
  }
  return problems;
};

/**
 * The platform's service fee on what the client pays, in percent, until the platform has said its own: the
 * reference platform reports it with its terms (`GET /v1/terms`), read at each sync.
 */
export const platformFeePercent = 10;

/** Fee and what the freelancer receives, in minor units (the fee rounded to the nearest unit). */
export const splitFee = (amountMinor: number, feePercent: number = platformFeePercent): { feeMinor: number; netMinor: number } => {
  const feeMinor = Math.round((amountMinor * feePercent) / 100);
  return { feeMinor, netMinor: amountMinor - feeMinor };
};
