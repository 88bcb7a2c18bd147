import type { ProposalPreview } from '../../../shared/contract/proposals';
import { splitMergeFields, resolveMergeFields, type MergeValues } from '../../../shared/domain/merge-fields';
import { checkProposal, type ProposalProblem } from '../../../shared/domain/proposal';
import { formatMoney } from '../../../shared/i18n/format';
import type { WritableDB } from '../db/database';
import type { ProposalParts } from '../db/repositories/proposal-parts-repository';
import type { ProposalRecord, readMergeSources } from '../db/repositories/proposals-repository';
import { rankItemsForProject } from '../portfolio/portfolio-writes';

/**
 * What the client receives, built one way for the preview, the PDF and submit: the same resolver fills merge
 * fields in all three, so the preview cannot promise a letter that submit would send differently.
 */

export type MergeSources = ReturnType<typeof readMergeSources>;

/** Merge values for one variant: the rate is written the way the variant's language writes money. */
export const toMergeValues = (sources: MergeSources, locale: string): MergeValues => ({
  'client.name': sources.clientName,
  'project.title': sources.projectTitle,
  'my.name': sources.myName,
  'my.rate':
    sources.myRateMinor !== null && sources.myCurrency !== null ? formatMoney(sources.myRateMinor, sources.myCurrency, locale) : null,
});

/** The letter of one variant as sent: merge fields filled, plain text (never markup the platform would have to trust). */
export const resolveLetter = (bodyText: string, sources: MergeSources, locale: string): { text: string; unresolved: string[] } =>
  resolveMergeFields(bodyText, toMergeValues(sources, locale));

/** Answers to questions the project still asks, non-empty, in the project's order: what the platform accepts. */
export const answersToSend = (parts: ProposalParts): { questionId: string; question: string; text: string }[] =>
  parts.questions.flatMap((question) => {
    const text = parts.answers.find((answer) => answer.questionId === question.id)?.text.trim() ?? '';
    return text === '' ? [] : [{ questionId: question.id, question: question.text, text }];
  });

export const findProblems = (proposal: ProposalRecord, parts: ProposalParts, sources: MergeSources): ProposalProblem[] => [
  ...checkProposal({
    kind: proposal.kind,
    amountMinor: proposal.amountMinor,
    periodDays: proposal.periodDays,
    defaultLocale: proposal.defaultLocale,
    milestones: proposal.milestones,
    variants: proposal.variants,
    questions: parts.questions,
    answers: parts.answers,
  }),
  // Never sent raw: a field that cannot be filled blocks submit until it is fixed.
  ...proposal.variants.flatMap((variant) =>
    resolveLetter(variant.bodyText, sources, variant.locale).unresolved.map((field) => ({
      code: 'unknown_merge_field',
      locale: variant.locale,
      field,
    })) satisfies ProposalProblem[],
  ),
];

/** What the platform receives for a create, or as the changes of an update. */
export const toPlatformFields = (proposal: ProposalRecord, parts: ProposalParts, sources: MergeSources, linkedItemIds: string[]) => ({
  kind: proposal.kind,
  amount_minor: proposal.amountMinor ?? 0,
  currency: proposal.currency,
  period_days: proposal.periodDays ?? 1,
  milestones: proposal.milestones.map((m) => ({ title: m.title.trim(), amount_minor: m.amountMinor, due_in_days: m.dueInDays })),
  default_locale: proposal.defaultLocale,
  variants: Object.fromEntries(
    proposal.variants.map((variant) => [
      variant.locale,
      { cover_letter: resolveLetter(variant.bodyText, sources, variant.locale).text.trim(), source_locale: variant.sourceLocale },
    ]),
  ),
  portfolio_item_ids: linkedItemIds,
  answers: answersToSend(parts).map((answer) => ({ question_id: answer.questionId, text: answer.text })),
});

/** Linked items titled for a reader of `locale`, in the order the user linked them; items deleted since are left out. */
export const linkedItemsFor = (db: WritableDB, proposal: ProposalRecord, parts: ProposalParts, locale: string): ProposalPreview['portfolioItems'] => {
  const ranked = new Map(rankItemsForProject(db, proposal.projectId, locale).map((item) => [item.itemId, item]));
  return parts.portfolioItemIds.flatMap((itemId) => {
    const item = ranked.get(itemId);
    return item ? [{ itemId, title: item.title, shownLocale: item.shownLocale }] : [];
  });
};

export const buildPreview = (
  db: WritableDB,
  proposal: ProposalRecord,
  parts: ProposalParts,
  sources: MergeSources,
  locale: string,
): ProposalPreview | null => {
  const variant = proposal.variants.find((candidate) => candidate.locale === locale);
  if (!variant) return null;
  // The text the platform receives is trimmed; the preview shows that same text.
  const letter = splitMergeFields(variant.bodyText.trim(), toMergeValues(sources, locale));
  return {
    locale,
    projectTitle: proposal.projectTitle,
    clientName: proposal.clientName,
    letter,
    unresolved: [...new Set(letter.flatMap((segment) => ('field' in segment && segment.value === null ? [segment.field] : [])))],
    kind: proposal.kind,
    amountMinor: proposal.amountMinor,
    currency: proposal.currency,
    periodDays: proposal.periodDays,
    milestones: proposal.milestones,
    answers: answersToSend(parts),
    portfolioItems: linkedItemsFor(db, proposal, parts, locale),
  };
};
