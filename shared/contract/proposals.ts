import { z } from 'zod';
import { defineMethod } from '../rpc/define';

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

export const proposalProblemSchema = z.object({
  code: z.string(),
  locale: z.string().optional(),
  sourceLocale: z.string().optional(),
  /** An unfillable merge field, as written. */
  field: z.string().optional(),
  index: z.number().int().optional(),
  totalMinor: z.number().int().optional(),
  amountMinor: z.number().int().optional(),
});

export const proposalDetailSchema = proposalSummarySchema.extend({
  version: z.number().int().nullable(),
  periodDays: z.number().int().nullable(),
  milestones: z.array(milestoneFieldsSchema),
  milestonesTotalMinor: z.number().int(),
  withdrawReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  variants: z.array(proposalVariantSchema),
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
        bodyJson: z.string().max(500_000),
        bodyText: z.string().max(20_000),
        checkpoint: z.boolean().default(false),
      })
      .strict(),
    z.object({ revision: z.number().int(), savedAt: z.string() }),
  ),
  /** A translation of `sourceLocale`, starting from its current text and remembering its revision. */
  addVariant: defineMethod(z.object({ ...variantKey, sourceLocale: localeSchema }).strict(), proposalVariantSchema),
  removeVariant: defineMethod(z.object(variantKey).strict(), z.object({ removed: z.boolean() })),
  /** The translation was brought up to date with its source: it now counts as written from the source's latest revision. */
  markVariantCurrent: defineMethod(z.object(variantKey).strict(), proposalVariantSchema),
  listRevisions: defineMethod(z.object(variantKey).strict(), z.array(proposalRevisionSchema)),
  /** The old text becomes the newest revision; nothing in between is lost. */
  restoreRevision: defineMethod(
    z.object({ ...variantKey, revision: z.number().int().positive() }).strict(),
    z.object({ revision: z.number().int(), savedAt: z.string() }),
  ),
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
    z.object({ id: proposalIdSchema }).strict(),
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
  deleteTemplate: defineMethod(z.object({ id: z.string().min(1).max(200) }).strict(), z.object({ deleted: z.boolean() })),
  withdrawProposal: defineMethod(
    z.object({ id: proposalIdSchema, reason: z.string().max(2000).optional() }).strict(),
    z.object({ status: z.string() }),
  ),
};

export const proposalsEvents = {
  /** A proposal changed (local save, submit, sync); null: any. */
  proposalsChanged: z.object({ id: z.string().nullable() }),
};
