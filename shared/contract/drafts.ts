import { z } from 'zod';
import { languageLevels, portfolioVisibilities } from '../platform/records';
import { languageTagSchema, portfolioItemIdSchema, uploadIdSchema } from '../platform/primitives';
import { defineMethod } from '../rpc/define';
import { templateKinds } from './proposals';

/**
 * Form drafts: what the user has typed into a form that saves (and publishes) only on its Save button, kept
 * in the workspace as they type so that a crash or a quit loses at most the last second. The form's state as
 * typed, not yet what Save accepts: a title may be empty, a skill list half written. Never sent anywhere.
 */

/** Room for the largest form (a template body may hold 500,000 characters) with its JSON escapes. */
export const maxFormDraftChars = 1_200_000;

/** Generous per-field caps: a draft keeps what was typed even when Save would refuse it as too long. */
const typed = (max: number) => z.string().max(max);

export const portfolioItemDraftSchema = z
  .object({
    defaultLocale: languageTagSchema,
    /** The skills field as typed (comma-separated); Save splits it. */
    skillsText: typed(5_000),
    links: z.array(typed(2_048)).max(20),
    imageHashes: z.array(uploadIdSchema).max(20),
    visibility: z.enum(portfolioVisibilities),
    completedOn: typed(10).nullable(),
    variants: z
      .array(
        z
          .object({
            locale: languageTagSchema,
            title: typed(5_000),
            role: typed(5_000),
            description: typed(50_000),
            goal: typed(50_000),
            solution: typed(50_000),
            sourceLocale: languageTagSchema.nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict();
export type PortfolioItemDraft = z.infer<typeof portfolioItemDraftSchema>;

export const profileDraftSchema = z
  .object({
    name: typed(5_000),
    country: typed(10).nullable(),
    city: typed(1_000).nullable(),
    hourlyRateMinor: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).nullable(),
    currency: typed(10),
    skillsText: typed(5_000),
    languages: z.array(z.object({ tag: languageTagSchema, level: z.enum(languageLevels) }).strict()).max(20),
    defaultLocale: languageTagSchema,
    avatarHash: uploadIdSchema.nullable(),
    variants: z
      .array(z.object({ locale: languageTagSchema, headline: typed(5_000), bio: typed(50_000), sourceLocale: languageTagSchema.nullable() }).strict())
      .min(1)
      .max(20),
  })
  .strict();
export type ProfileDraft = z.infer<typeof profileDraftSchema>;

export const templateDraftSchema = z
  .object({
    kind: z.enum(templateKinds),
    locale: languageTagSchema,
    name: typed(5_000),
    /** The editor's document as JSON text ('' while nothing was typed). */
    bodyJson: typed(1_000_000),
  })
  .strict();
export type TemplateDraft = z.infer<typeof templateDraftSchema>;

const templateIdSchema = z.string().min(1).max(200);

/** Which form, and which record it edits (null: a new one, not saved yet). */
export const formDraftRefSchema = z.discriminatedUnion('form', [
  z.object({ form: z.literal('portfolio-item'), targetId: portfolioItemIdSchema.nullable() }).strict(),
  z.object({ form: z.literal('profile') }).strict(),
  z.object({ form: z.literal('template'), targetId: templateIdSchema.nullable() }).strict(),
]);
export type FormDraftRef = z.infer<typeof formDraftRefSchema>;
export const formKinds = ['portfolio-item', 'profile', 'template'] as const;
export type FormKind = (typeof formKinds)[number];

export const formDraftSchema = z
  .discriminatedUnion('form', [
    z.object({ form: z.literal('portfolio-item'), targetId: portfolioItemIdSchema.nullable(), value: portfolioItemDraftSchema }).strict(),
    z.object({ form: z.literal('profile'), value: profileDraftSchema }).strict(),
    z.object({ form: z.literal('template'), targetId: templateIdSchema.nullable(), value: templateDraftSchema }).strict(),
  ])
  .refine((draft) => JSON.stringify(draft.value).length <= maxFormDraftChars, {
    path: ['value'],
    message: `a draft holds at most ${maxFormDraftChars} characters`,
  });
export type FormDraft = z.infer<typeof formDraftSchema>;

export const storedFormDraftSchema = z.object({ draft: formDraftSchema, savedAt: z.string() });
export type StoredFormDraft = z.infer<typeof storedFormDraftSchema>;

export const draftsMethods = {
  /** Keeps what the form holds now, replacing its earlier draft. */
  save: defineMethod(formDraftSchema, z.object({ savedAt: z.string() })),
  /**
   * The form's draft if it is newer than the record it edits (or edits a new one): what to restore when the
   * form opens. A draft older than its record (the record changed since, on another device) is kept, not offered.
   */
  read: defineMethod(formDraftRefSchema, storedFormDraftSchema.nullable()),
  /** Cancel or Discard: the draft goes, the record stays as saved. */
  discard: defineMethod(formDraftRefSchema, z.object({ discarded: z.boolean() })),
  /** The records of one form that have a draft to restore (targetId null: a new one), newest first. */
  list: defineMethod(
    z.object({ form: z.enum(formKinds) }).strict(),
    z.array(z.object({ targetId: z.string().nullable(), savedAt: z.string() })),
  ),
};
