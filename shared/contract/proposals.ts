import { z } from 'zod';
import { writeChangeSchema } from './sync';
import { defineMethod } from '../rpc/define';
import { accountBadgeSchema, accountFilterSchema } from '../domain/accounts';
import { bidConfirmationSchema } from '../domain/bid-confirmation';

const proposalIdSchema = z.string().min(1).max(200);
const localeSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a language tag such as de or pt-BR');

/** Local states before the platform has it ('draft', 'queued') and the platform's own statuses after. */
export const proposalListStatuses = ['draft', 'queued', 'submitted', 'shortlisted', 'awarded', 'declined', 'withdrawn', 'completed'] as const;

export const proposalSummarySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  projectTitle: z.string().nullable(),
  clientName: z.string().nullable(),
  status: z.string(),
  kind: z.enum(['fixed', 'hourly']),
  amountMinor: z.number().int().nullable(),
  currency: z.string(),
  defaultLocale: z.string(),
  locales: z.array(z.string()),
  /** Local changes the platform has not confirmed yet. */
  pending: z.boolean(),
  updatedAt: z.string(),
  /** The account of its project: the one it goes out through (its platform badge). */
  account: accountBadgeSchema.nullable(),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;

export const milestoneFieldsSchema = z.object({
  title: z.string().max(200),
  amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  dueInDays: z.number().int().positive().max(3650).nullable(),
});

export const proposalVariantSchema = z.object({
  locale: z.string(),
  /** The editor's document as JSON text; a record from the platform holds its cover letter as a JSON string. */
  bodyJson: z.string(),
  bodyText: z.string(),
  revision: z.number().int(),
  sourceLocale: z.string().nullable(),
  sourceRevision: z.number().int().nullable(),
  /** The source variant changed since this translation was written. */
  outdated: z.boolean(),
  updatedAt: z.string(),
});
export type ProposalVariantItem = z.infer<typeof proposalVariantSchema>;

/** A question the project asks every bidder, in the project's language. */
export const projectQuestionItemSchema = z.object({ id: z.string(), text: z.string() });
export const answerItemSchema = z.object({ questionId: z.string().min(1).max(20), text: z.string().max(5000) });
export type AnswerItem = z.infer<typeof answerItemSchema>;

export const proposalProblemSchema = z.object({
  code: z.string(),
  /** An unanswered question (or one whose answer the platform would refuse), with its text. */
  questionId: z.string().optional(),
  question: z.string().optional(),
  locale: z.string().optional(),
  sourceLocale: z.string().optional(),
  /** An unfillable merge field, as written. */
  field: z.string().optional(),
  index: z.number().int().optional(),
  totalMinor: z.number().int().optional(),
  amountMinor: z.number().int().optional(),
  /** A letter longer than the platform takes: its length and the limit, in characters. */
  length: z.number().int().optional(),
  limit: z.number().int().optional(),
});

export const proposalDetailSchema = proposalSummarySchema.extend({
  version: z.number().int().nullable(),
  periodDays: z.number().int().nullable(),
  milestones: z.array(milestoneFieldsSchema),
  milestonesTotalMinor: z.number().int(),
  withdrawReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  variants: z.array(proposalVariantSchema),
  /** The project's questions (empty when it asks none) and the answers written so far. */
  questions: z.array(projectQuestionItemSchema),
  answers: z.array(answerItemSchema),
  /** Portfolio items shown to the client with the proposal, in the order chosen. */
  portfolioItemIds: z.array(z.string()),
  /** The platform's fee in percent: as the platform last reported it, or the default before the first sync. */
  fee: z.object({ percent: z.number().min(0).max(100), source: z.enum(['platform', 'default']) }),
  /** What submit would refuse now; empty when it can go. */
  problems: z.array(proposalProblemSchema),
});
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;

export const proposalRevisionSchema = z.object({
  revision: z.number().int(),
  bodyJson: z.string(),
  bodyText: z.string(),
  createdAt: z.string(),
  savedAt: z.string(),
});
export type ProposalRevision = z.infer<typeof proposalRevisionSchema>;

const variantKey = { id: proposalIdSchema, locale: localeSchema };

/** A run of the letter as the client reads it: text, or a merge field with its value (null: unfilled, never sent). */
export const letterSegmentSchema = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ field: z.string(), value: z.string().nullable() }).strict(),
]);
export type LetterSegment = z.infer<typeof letterSegmentSchema>;

/** One variant exactly as the platform will receive it and the client will read it. */
export const proposalPreviewSchema = z.object({
  locale: z.string(),
  projectTitle: z.string().nullable(),
  clientName: z.string().nullable(),
  /** The plain-text letter the platform receives, cut into text and merge fields by the resolver submit uses. */
  letter: z.array(letterSegmentSchema),
  /** Fields that could not be filled: submit refuses while any remain. */
  unresolved: z.array(z.string()),
  kind: z.enum(['fixed', 'hourly']),
  amountMinor: z.number().int().nullable(),
  currency: z.string(),
  periodDays: z.number().int().nullable(),
  milestones: z.array(milestoneFieldsSchema),
  answers: z.array(z.object({ questionId: z.string(), question: z.string(), text: z.string() })),
  /** Linked items titled in the variant's language where they have it (else by the portfolio's fallback rules). */
  portfolioItems: z.array(z.object({ itemId: z.string(), title: z.string(), shownLocale: z.string().nullable() })),
});
export type ProposalPreview = z.infer<typeof proposalPreviewSchema>;

export const diffPartSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffPart = z.infer<typeof diffPartSchema>;

/** A portfolio item as a candidate for linking: best matches for the project's skills first. */
export const linkableItemSchema = z.object({
  itemId: z.string(),
  title: z.string(),
  shownLocale: z.string().nullable(),
  matchedSkills: z.array(z.string()),
  score: z.number().min(0).max(1),
  visibility: z.enum(['public', 'private']),
  linked: z.boolean(),
});
export type LinkableItem = z.infer<typeof linkableItemSchema>;

export const templateKinds = ['template', 'snippet'] as const;

/** A reusable block in one language; merge fields stay as written until a proposal is submitted. */
export const templateItemSchema = z.object({
  id: z.string(),
  kind: z.enum(templateKinds),
  locale: z.string(),
  name: z.string(),
  /** The editor's document as JSON text, inserted at the cursor. */
  bodyJson: z.string(),
  updatedAt: z.string(),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const proposalsMethods = {
  /** Newest change first; filters combine. */
  listProposals: defineMethod(
    z
      .object({
        text: z.string().max(200).default(''),
        status: z.enum(proposalListStatuses).nullable().default(null),
        projectId: z.string().max(200).nullable().default(null),
        locale: localeSchema.nullable().default(null),
        limit: z.number().int().positive().max(500).default(200),
        /** Only proposals of these accounts; empty: every account's. */
        accountIds: accountFilterSchema.default([]),
      })
      .strict(),
    z.array(proposalSummarySchema),
  ),
  getProposal: defineMethod(z.object({ id: proposalIdSchema }).strict(), proposalDetailSchema.nullable()),
  /** A draft for the project in its currency and kind; an unsent draft already there for the project is reused. */
  createDraft: defineMethod(
    z.object({ projectId: z.string().min(1).max(200), locale: localeSchema }).strict(),
    z.object({ id: z.string(), created: z.boolean() }),
  ),
  /**
   * Autosave of one variant: durable when this returns. Amends the latest revision unless `checkpoint` or the
   * revision window says a new one starts. Creates the variant if missing (written directly, no source).
   */
  saveVariant: defineMethod(
    z
      .object({
        ...variantKey,
        // Far above the platform's 20,000 characters: a long letter is saved while typed, and flagged before submit.
        bodyJson: z.string().max(2_000_000),
        bodyText: z.string().max(200_000),
        checkpoint: z.boolean().default(false),
      })
      .strict(),
    z.object({ revision: z.number().int(), savedAt: z.string() }),
  ),
  /** A translation of `sourceLocale`, starting from its current text and remembering its revision. */
  addVariant: defineMethod(z.object({ ...variantKey, sourceLocale: localeSchema }).strict(), proposalVariantSchema),
  /** Removes a language (never the project's) with its revisions; restoreVariant brings both back for 30 days. */
  removeVariant: defineMethod(z.object(variantKey).strict(), z.object({ removed: z.boolean() })),
  /**
   * A removed language back as it was, with its history (Undo). Refused with not_found when nothing of it is kept,
   * with conflict when the language was written again meanwhile (nothing is overwritten).
   */
  restoreVariant: defineMethod(z.object(variantKey).strict(), proposalVariantSchema),
  /** The translation was brought up to date with its source: it now counts as written from the source's latest revision. */
  markVariantCurrent: defineMethod(z.object(variantKey).strict(), proposalVariantSchema),
  listRevisions: defineMethod(z.object(variantKey).strict(), z.array(proposalRevisionSchema)),
  /** The old text becomes the newest revision; nothing in between is lost. Answers the variant as now stored. */
  restoreRevision: defineMethod(z.object({ ...variantKey, revision: z.number().int().positive() }).strict(), proposalVariantSchema),
  /** Price, delivery and milestones; saved as given (a draft may be unfinished), checked at submit. */
  saveTerms: defineMethod(
    z
      .object({
        id: proposalIdSchema,
        kind: z.enum(['fixed', 'hourly']),
        amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable(),
        periodDays: z.number().int().positive().max(3650).nullable(),
        milestones: z.array(milestoneFieldsSchema).max(50),
      })
      .strict(),
    z.object({ milestonesTotalMinor: z.number().int(), problems: z.array(proposalProblemSchema) }),
  ),
  /**
   * Sends the proposal (first time) or its changes (after submit) through the outbox, exactly once. Refused
   * with the problems listed when the checks fail; nothing is queued then.
   */
  submitProposal: defineMethod(
    z
      .object({
        id: proposalIdSchema,
        /**
         * The terms the user confirmed in a dialog, as shown (price, currency, days, the preview's letter in
         * the project's language). Required for a platform that forbids automatic bids (Freelancer.com): a
         * submit without it, or with terms other than those that would be sent, queues nothing and answers
         * the problem `confirmation_required` or `confirmation_mismatch`.
         */
        confirmation: bidConfirmationSchema.optional(),
      })
      .strict(),
    z.object({ queued: z.boolean(), status: z.string(), problems: z.array(proposalProblemSchema) }),
  ),
  /** One variant as the client will read it (merge fields filled), as a PDF made in the core. */
  exportPdf: defineMethod(
    z.object(variantKey).strict(),
    z.object({ base64: z.string(), fileName: z.string() }),
  ),
  /** The library of templates and snippets, optionally of one language. Local only: never sent. */
  listTemplates: defineMethod(z.object({ locale: localeSchema.nullable().default(null) }).strict(), z.array(templateItemSchema)),
  /** Creates (no id) or replaces a template or snippet. */
  saveTemplate: defineMethod(
    z
      .object({
        id: z.string().min(1).max(200).optional(),
        kind: z.enum(templateKinds),
        locale: localeSchema,
        name: z.string().trim().min(1).max(200),
        bodyJson: z.string().min(1).max(500_000),
      })
      .strict(),
    templateItemSchema,
  ),
  /** Gone from the library at once; restoreTemplate brings it back for 30 days. */
  deleteTemplate: defineMethod(z.object({ id: z.string().min(1).max(200) }).strict(), z.object({ deleted: z.boolean() })),
  /** A deleted template or snippet back in the library (Undo); not_found when it is not deleted or no longer kept. */
  restoreTemplate: defineMethod(z.object({ id: z.string().min(1).max(200) }).strict(), templateItemSchema),
  /** One variant as the client will see it: letter with merge fields filled (unfilled ones flagged), terms, answers, linked items. */
  previewProposal: defineMethod(z.object(variantKey).strict(), proposalPreviewSchema),
  /**
   * Word-level differences of a revision: against the current text (what restoring it would change back), or
   * against the revision before it (what that revision changed). Deletions and insertions in reading order.
   */
  diffRevision: defineMethod(
    z.object({ ...variantKey, revision: z.number().int().positive(), against: z.enum(['current', 'previous']).default('current') }).strict(),
    z.object({
      fromRevision: z.number().int().nullable(),
      toRevision: z.number().int(),
      parts: z.array(diffPartSchema),
      insertedWords: z.number().int().nonnegative(),
      deletedWords: z.number().int().nonnegative(),
    }),
  ),
  /** Answers to the project's questions, saved as given (an empty one counts as unanswered at submit). */
  saveAnswers: defineMethod(
    z.object({ id: proposalIdSchema, answers: z.array(answerItemSchema).max(5) }).strict(),
    z.object({ problems: z.array(proposalProblemSchema) }),
  ),
  /** The user's portfolio items ranked for the proposal's project, each saying whether it is linked. */
  listLinkableItems: defineMethod(z.object({ id: proposalIdSchema }).strict(), z.array(linkableItemSchema)),
  /** The items shown with the proposal, in this order; sent with it. */
  linkPortfolioItems: defineMethod(
    z.object({ id: proposalIdSchema, itemIds: z.array(z.string().min(1).max(200)).max(20) }).strict(),
    z.object({ portfolioItemIds: z.array(z.string()) }),
  ),
  /**
   * A variant started from a template of its language: created when missing, or filled when still empty (an
   * existing letter is never replaced; insert the template at the cursor instead). Answers the variant as now stored.
   */
  startFromTemplate: defineMethod(z.object({ ...variantKey, templateId: z.string().min(1).max(200) }).strict(), proposalVariantSchema),
  withdrawProposal: defineMethod(
    z.object({ id: proposalIdSchema, reason: z.string().max(2000).optional() }).strict(),
    z.object({ status: z.string() }),
  ),
};

export const proposalsEvents = {
  /** A proposal changed (local save, submit, sync, a write accepted, refused or in conflict); null: any. */
  proposalsChanged: z.object({ id: z.string().nullable(), write: writeChangeSchema.optional() }),
};
