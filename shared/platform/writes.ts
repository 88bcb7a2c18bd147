import { z } from 'zod';
import {
  countrySchema,
  currencyCodeSchema,
  dateSchema,
  forumPostIdSchema,
  httpUrlSchema,
  languageTagSchema,
  messageIdSchema,
  milestoneIdSchema,
  minorAmountSchema,
  portfolioItemIdSchema,
  projectIdSchema,
  proposalIdSchema,
  skillListSchema,
  timestampSchema,
  uploadIdSchema,
  variantsSchema,
  versionSchema,
} from './primitives';
import { languageLevels, portfolioVisibilities, projectKinds, projectQuestionSchema } from './records';

/** Largest JSON body any endpoint accepts; larger → 413. */
export const maxJsonBodyBytes = 1024 * 1024;
/** Largest upload; larger → 413. */
export const maxUploadBytes = 10 * 1024 * 1024;
export const uploadMimeTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export const milestoneInputSchema = z.strictObject({
  id: milestoneIdSchema.optional(),
  title: z.string().trim().min(1).max(200),
  amount_minor: minorAmountSchema,
  due_in_days: z.number().int().positive().max(3650).nullable().optional(),
});

export const proposalVariantInputSchema = z.strictObject({
  cover_letter: z.string().trim().min(1).max(20_000),
  source_locale: languageTagSchema.nullable().optional(),
});

export const proposalAnswerInputSchema = z.strictObject({
  question_id: projectQuestionSchema.shape.id,
  text: z.string().trim().min(1).max(5000),
});

const proposalFields = {
  kind: z.enum(projectKinds),
  amount_minor: minorAmountSchema.refine((value) => value > 0, 'must be greater than 0'),
  currency: currencyCodeSchema,
  period_days: z.number().int().positive().max(3650),
  milestones: z.array(milestoneInputSchema).max(50),
  default_locale: languageTagSchema,
  variants: variantsSchema(proposalVariantInputSchema),
  portfolio_item_ids: z.array(portfolioItemIdSchema).max(20),
  /** Answers to the project's questions, one per question id; an unknown id is refused. */
  answers: z.array(proposalAnswerInputSchema).max(5),
  sealed: z.boolean(),
};

type ProposalShape = {
  kind?: string;
  amount_minor?: number;
  milestones?: { amount_minor: number }[];
  default_locale?: string;
  variants?: Record<string, unknown>;
};

/** Cross-field rules shared by create and patch (a patch is checked again after merging on the server). */
export const checkProposalConsistency = (value: ProposalShape, ctx: z.RefinementCtx): void => {
  if (value.variants && value.default_locale && !(value.default_locale in value.variants)) {
    ctx.addIssue({ code: 'custom', path: ['variants'], message: `must contain the default_locale "${value.default_locale}"` });
  }
  if (value.kind === 'fixed' && value.milestones && value.amount_minor !== undefined && value.milestones.length > 0) {
    const sum = value.milestones.reduce((total, milestone) => total + milestone.amount_minor, 0);
    if (sum > value.amount_minor) {
      ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'milestones add up to more than amount_minor' });
    }
  }
};

/** `POST /v1/proposals`. The id is client-generated (so a retried create is safe); the server makes one if absent. */
export const createProposalBodySchema = z
  .strictObject({
    id: proposalIdSchema.optional(),
    project_id: projectIdSchema,
    ...proposalFields,
    /** Defaults to the project's kind. */
    kind: proposalFields.kind.optional(),
    /** Defaults to the project's currency; any other currency is refused. */
    currency: proposalFields.currency.optional(),
    milestones: proposalFields.milestones.default([]),
    portfolio_item_ids: proposalFields.portfolio_item_ids.default([]),
    answers: proposalFields.answers.default([]),
    sealed: proposalFields.sealed.default(false),
  })
  .superRefine(checkProposalConsistency);

/** `PATCH /v1/proposals/{id}`: any subset of the writable fields. A variant set to null is removed. */
export const updateProposalBodySchema = z
  .strictObject({
    ...proposalFields,
    variants: variantsSchema(proposalVariantInputSchema.nullable()),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'at least one field is required' });

export const withdrawProposalBodySchema = z.strictObject({
  reason: z.string().max(2000).optional(),
});

export const attachmentInputSchema = z.strictObject({
  upload_id: uploadIdSchema,
  name: z.string().trim().min(1).max(255),
});

/** `POST /v1/threads/{id}/messages`. */
export const postMessageBodySchema = z
  .strictObject({
    id: messageIdSchema.optional(),
    body: z.string().max(20_000),
    attachments: z.array(attachmentInputSchema).max(20).default([]),
  })
  .refine((value) => value.body.trim().length > 0 || value.attachments.length > 0, {
    path: ['body'],
    message: 'must not be empty unless there are attachments',
  });

/** `POST /v1/threads/{id}/read`: the user has read the thread up to now (from any device). */
export const markThreadReadBodySchema = z.strictObject({});

/**
 * A variant's revision and the source revision it was translated from, as the editing device numbers them
 * (see the records). Absent: the platform counts the revision itself (one more when the text changed) and
 * knows no source revision.
 */
const translationTrackingInput = {
  revision: z.number().int().positive().optional(),
  source_revision: z.number().int().nonnegative().nullable().optional(),
};

export const portfolioVariantInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  role: z.string().max(200).default(''),
  description: z.string().max(10_000).default(''),
  goal: z.string().max(5_000).default(''),
  solution: z.string().max(5_000).default(''),
  source_locale: languageTagSchema.nullable().optional(),
  ...translationTrackingInput,
});

/** `PUT /v1/portfolio/items/{id}`: the whole item (create without If-Match, replace with it). */
export const putPortfolioItemBodySchema = z
  .strictObject({
    skills: skillListSchema.default([]),
    links: z.array(httpUrlSchema).max(20).default([]),
    image_ids: z.array(uploadIdSchema).max(20).default([]),
    visibility: z.enum(portfolioVisibilities).default('public'),
    position: z.number().int().nonnegative().default(0),
    completed_on: dateSchema.nullable().default(null),
    default_locale: languageTagSchema,
    variants: variantsSchema(portfolioVariantInputSchema),
  })
  .refine((value) => value.default_locale in value.variants, {
    path: ['variants'],
    message: 'must contain the default_locale',
  });

export const profileVariantInputSchema = z.strictObject({
  headline: z.string().max(200),
  bio: z.string().max(10_000),
  source_locale: languageTagSchema.nullable().optional(),
  ...translationTrackingInput,
});

/** `PUT /v1/profile`: the whole profile. */
export const putProfileBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    country: countrySchema.nullable(),
    city: z.string().max(100).nullable().default(null),
    hourly_rate_minor: minorAmountSchema.nullable(),
    currency: currencyCodeSchema,
    skills: skillListSchema,
    languages: z.array(z.strictObject({ tag: languageTagSchema, level: z.enum(languageLevels) })).max(20),
    avatar_id: uploadIdSchema.nullable().default(null),
    default_locale: languageTagSchema,
    variants: variantsSchema(profileVariantInputSchema),
  })
  .refine((value) => value.default_locale in value.variants, {
    path: ['variants'],
    message: 'must contain the default_locale',
  });

/** `POST /v1/forum/topics/{id}/posts`. */
export const createForumPostBodySchema = z.strictObject({
  id: forumPostIdSchema.optional(),
  body: z.string().trim().min(1).max(20_000),
  reply_to: forumPostIdSchema.nullable().optional(),
});

/** `POST /v1/uploads` answer. */
export const uploadResponseSchema = z.object({
  id: uploadIdSchema,
  sha256: uploadIdSchema,
  mime: z.enum(uploadMimeTypes),
  size: z.number().int().nonnegative(),
  url: z.string().min(1),
  created_at: timestampSchema,
});

/** `DELETE` answer: the tombstone's version. */
export const deleteResponseSchema = z.object({
  id: z.string().min(1),
  version: versionSchema,
  deleted: z.literal(true),
});

export type MilestoneInput = z.input<typeof milestoneInputSchema>;
export type CreateProposalBody = z.input<typeof createProposalBodySchema>;
export type UpdateProposalBody = z.input<typeof updateProposalBodySchema>;
export type WithdrawProposalBody = z.input<typeof withdrawProposalBodySchema>;
export type PostMessageBody = z.input<typeof postMessageBodySchema>;
export type PutPortfolioItemBody = z.input<typeof putPortfolioItemBodySchema>;
export type PutProfileBody = z.input<typeof putProfileBodySchema>;
export type CreateForumPostBody = z.input<typeof createForumPostBodySchema>;
export type UploadResponse = z.infer<typeof uploadResponseSchema>;
export type DeleteResponse = z.infer<typeof deleteResponseSchema>;
