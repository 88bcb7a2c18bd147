import { z } from 'zod';
import { syncProblemSchema } from './sync-problem';
import { writeChangeSchema } from './sync';
import { variantStatuses } from '../domain/portfolio';
import { languageLevels, portfolioVisibilities } from '../platform/records';
import {
  countrySchema,
  currencyCodeSchema,
  dateSchema,
  httpUrlSchema,
  languageTagSchema,
  minorAmountSchema,
  skillListSchema,
  uploadIdSchema,
} from '../platform/primitives';
import { maxImageBase64Chars, maxPortfolioJsonChars, tooLargeIssue } from './limits';
import { defineMethod } from '../rpc/define';
import { platformIds } from '../domain/accounts';

const itemIdSchema = z.string().regex(/^pfi_[A-Za-z0-9_-]{1,100}$/);

export const imageProblems = ['image_too_large', 'image_not_supported', 'image_empty'] as const;
export type ImageProblem = (typeof imageProblems)[number];

const tracking = {
  revision: z.number().int().positive(),
  /** The language this text was translated from, and that text's revision then (null: only its time is known). */
  sourceLocale: languageTagSchema.nullable(),
  sourceRevision: z.number().int().nonnegative().nullable(),
  updatedAt: z.string(),
};

const portfolioTexts = {
  title: z.string().trim().max(200),
  role: z.string().trim().max(200),
  description: z.string().max(10_000),
  goal: z.string().max(5_000),
  solution: z.string().max(5_000),
};

export const portfolioVariantViewSchema = z.object({ locale: languageTagSchema, ...portfolioTexts, ...tracking });
export type PortfolioVariantView = z.infer<typeof portfolioVariantViewSchema>;

export const portfolioItemViewSchema = z.object({
  id: z.string(),
  /** The platform's version; null until the platform has it. */
  version: z.number().int().positive().nullable(),
  defaultLocale: languageTagSchema,
  skills: z.array(z.string()),
  links: z.array(z.string()),
  imageHashes: z.array(z.string()),
  visibility: z.enum(portfolioVisibilities),
  position: z.number(),
  completedOn: z.string().nullable(),
  variants: z.array(portfolioVariantViewSchema),
  /** A local change is on its way to the platform (or was refused). */
  pending: z.boolean(),
  /** The platform refused a change (or an image of it), or it could not be sent: why (translated by the UI); retry sends it again. */
  syncError: syncProblemSchema.nullable(),
  updatedAt: z.string(),
});
export type PortfolioItemView = z.infer<typeof portfolioItemViewSchema>;

export const portfolioVariantInputSchema = z
  .object({ locale: languageTagSchema, ...portfolioTexts, sourceLocale: languageTagSchema.nullable().default(null) })
  .strict();

export const saveItemInputSchema = z
  .object({
    /** null creates a new item. */
    id: itemIdSchema.nullable(),
    defaultLocale: languageTagSchema,
    skills: skillListSchema.default([]),
    links: z.array(httpUrlSchema).max(20).default([]),
    imageHashes: z.array(uploadIdSchema).max(20).default([]),
    visibility: z.enum(portfolioVisibilities).default('public'),
    completedOn: dateSchema.nullable().default(null),
    /** Every language the item keeps; a language left out is removed. */
    variants: z.array(portfolioVariantInputSchema).min(1).max(20),
  })
  .strict()
  .refine((value) => value.variants.some((variant) => variant.locale === value.defaultLocale && variant.title.trim() !== ''), {
    path: ['variants'],
    message: 'the default language needs a title',
  })
  .refine((value) => new Set(value.variants.map((variant) => variant.locale)).size === value.variants.length, {
    path: ['variants'],
    message: 'one variant per language',
  });
export type SaveItemInput = z.input<typeof saveItemInputSchema>;

export const profileVariantViewSchema = z.object({ locale: languageTagSchema, headline: z.string(), bio: z.string(), ...tracking });
export type ProfileVariantView = z.infer<typeof profileVariantViewSchema>;

const profileLanguageSchema = z.object({ tag: languageTagSchema, level: z.enum(languageLevels) });

export const profileViewSchema = z.object({
  name: z.string(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  hourlyRateMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  skills: z.array(z.string()),
  languages: z.array(profileLanguageSchema),
  defaultLocale: z.string().nullable(),
  variants: z.array(profileVariantViewSchema),
  /** The square picture beside the name (an image hash, like an item's images). */
  avatarHash: z.string().nullable(),
  pending: z.boolean(),
  syncError: syncProblemSchema.nullable(),
  /** The platform account it belongs to; null while the workspace has never synced. */
  userId: z.string().nullable(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

export const saveProfileInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    country: countrySchema.nullable(),
    city: z.string().trim().max(100).nullable().default(null),
    hourlyRateMinor: minorAmountSchema.nullable(),
    currency: currencyCodeSchema,
    skills: skillListSchema,
    languages: z.array(profileLanguageSchema).max(20),
    defaultLocale: languageTagSchema,
    /** An imported image (see importImage), cropped square by the editor. */
    avatarHash: uploadIdSchema.nullable().default(null),
    variants: z
      .array(
        z
          .object({
            locale: languageTagSchema,
            headline: z.string().trim().max(200),
            bio: z.string().max(10_000),
            sourceLocale: languageTagSchema.nullable().default(null),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict()
  .refine((value) => value.variants.some((variant) => variant.locale === value.defaultLocale), {
    path: ['variants'],
    message: 'must contain the default language',
  });
export type SaveProfileInput = z.input<typeof saveProfileInputSchema>;

const statusEntrySchema = z.object({
  status: z.enum(variantStatuses),
  missingFields: z.array(z.string()),
  sourceLocale: z.string().nullable(),
});

export const completenessSchema = z.object({
  /** Every language the profile speaks or any item or the profile has a variant in. */
  languages: z.array(
    z.object({
      locale: z.string(),
      profile: statusEntrySchema.nullable(),
      items: z.array(statusEntrySchema.extend({ itemId: z.string(), title: z.string() })),
      /** Items and profile that are complete in this language, out of all of them. */
      complete: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
    }),
  ),
});
export type Completeness = z.infer<typeof completenessSchema>;

const fallbackReasonSchema = z.enum(['exact', 'same_language', 'default', 'first', 'none']);

export const previewSchema = z.object({
  locale: z.string(),
  profile: z
    .object({ name: z.string(), headline: z.string(), bio: z.string(), shownLocale: z.string().nullable(), reason: fallbackReasonSchema })
    .nullable(),
  /** Public items only, in the user's order. */
  items: z.array(
    z.object({
      id: z.string(),
      ...portfolioTexts,
      shownLocale: z.string().nullable(),
      reason: fallbackReasonSchema,
      skills: z.array(z.string()),
      links: z.array(z.string()),
      imageHashes: z.array(z.string()),
      completedOn: z.string().nullable(),
    }),
  ),
});
export type PortfolioPreview = z.infer<typeof previewSchema>;

/** Why an image the platform holds could not be brought here (the UI translates it). */
export const imageDownloadProblems = ['not_found', 'corrupt', 'not_supported', 'too_large', 'refused'] as const;

/** An image as the UI may show it: here, on its way from the platform, or failed there with the reason. */
export const imageStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('local'), dataUrl: z.string(), mime: z.string() }),
  z.object({ state: z.literal('downloading') }),
  /** `reason`: the platform's own words when it refused the image (untrusted, shown as text), else null. */
  z.object({ state: z.literal('failed'), problem: z.enum(imageDownloadProblems), reason: z.string().nullable() }),
  /** Named by no item and not here (nothing to fetch it for). */
  z.object({ state: z.literal('missing') }),
]);
export type ImageState = z.infer<typeof imageStateSchema>;

export const imageDownloadProgressSchema = z.object({
  active: z.boolean(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type ImageDownloadProgress = z.infer<typeof imageDownloadProgressSchema>;

export const importedImageSchema = z.object({ hash: z.string(), mime: z.string(), size: z.number().int().nonnegative(), name: z.string() });
export type ImportedImage = z.infer<typeof importedImageSchema>;

export const suggestionSchema = z.object({
  itemId: z.string(),
  /** In the project's language when the item has it, by the preview's fallback rules otherwise. */
  title: z.string(),
  shownLocale: z.string().nullable(),
  matchedSkills: z.array(z.string()),
  /** Share of the project's skills the item shows, 0..1. */
  score: z.number().min(0).max(1),
});
export type PortfolioSuggestion = z.infer<typeof suggestionSchema>;

const exportedVariantSchema = z.object({ locale: languageTagSchema, ...portfolioTexts, ...tracking }).strict();

/** The portfolio as a JSON file: everything to rebuild it in another workspace, images inlined as base64. */
export const portfolioExportSchema = z
  .object({
    format: z.literal('bottega-portfolio'),
    formatVersion: z.literal(1),
    exportedAt: z.string(),
    profile: z
      .object({
        name: z.string().max(200),
        country: countrySchema.nullable(),
        city: z.string().max(100).nullable(),
        hourlyRateMinor: minorAmountSchema.nullable(),
        currency: currencyCodeSchema.nullable(),
        skills: skillListSchema,
        languages: z.array(profileLanguageSchema).max(20),
        defaultLocale: languageTagSchema.nullable(),
        variants: z.array(profileVariantViewSchema.strict()).max(20),
        /** Later than format 1's first files: absent means no avatar. */
        avatarHash: uploadIdSchema.nullable().optional(),
      })
      .strict()
      .nullable(),
    items: z
      .array(
        z
          .object({
            defaultLocale: languageTagSchema,
            skills: skillListSchema,
            links: z.array(httpUrlSchema).max(20),
            imageHashes: z.array(uploadIdSchema).max(20),
            visibility: z.enum(portfolioVisibilities),
            position: z.number(),
            completedOn: dateSchema.nullable(),
            variants: z.array(exportedVariantSchema).min(1).max(20),
          })
          .strict(),
      )
      .max(1000),
    images: z.array(z.object({ hash: uploadIdSchema, name: z.string().max(255), base64: z.string() }).strict()).max(2000),
  })
  .strict();
export type PortfolioExport = z.infer<typeof portfolioExportSchema>;

/**
 * An account's profile and portfolio as its marketplace shows them (read-only, pulled): shown beside the user's
 * own, never written into it. Texts are the platform's, untrusted: rendered as text.
 */
export const platformProfileViewSchema = z.object({
  accountId: z.string(),
  platform: z.enum(platformIds),
  accountLabel: z.string(),
  platformUserId: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  tagline: z.string(),
  description: z.string(),
  hourlyRateMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  skills: z.array(z.string()),
  portfolio: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), files: z.array(z.string()) })),
  fetchedAt: z.string(),
});
export type PlatformProfileView = z.infer<typeof platformProfileViewSchema>;

export const portfolioMethods = {
  listItems: defineMethod(z.object({}).strict(), z.array(portfolioItemViewSchema)),
  getItem: defineMethod(z.object({ id: itemIdSchema }).strict(), portfolioItemViewSchema.nullable()),
  /** Creates or replaces an item offline; a changed text gets a new revision, translations remember theirs. */
  saveItem: defineMethod(saveItemInputSchema, portfolioItemViewSchema),
  deleteItem: defineMethod(z.object({ id: itemIdSchema }).strict(), z.object({ deleted: z.boolean() })),
  /** The whole order, first item first; items left out keep their place after these. */
  reorderItems: defineMethod(z.object({ ids: z.array(itemIdSchema).min(1).max(1000) }).strict(), z.array(portfolioItemViewSchema)),
  /**
   * An image picked or dropped in the UI, as base64. Refused with `invalid_input` and an issue whose message
   * is one of `imageProblems` (the UI translates it). Stored once per content hash.
   */
  importImage: defineMethod(
    z.object({ name: z.string().trim().min(1).max(255), base64: z.string().max(maxImageBase64Chars, 'image_too_large') }).strict(),
    importedImageSchema,
  ),
  /**
   * An image the workspace holds, as a data: URL the renderer's CSP allows; one only the platform holds is
   * downloaded by the core (never by the renderer) and says so meanwhile, or why it failed.
   */
  getImage: defineMethod(z.object({ hash: uploadIdSchema }).strict(), imageStateSchema),
  /** How far the download of images only the platform holds has come. */
  getImageDownloads: defineMethod(z.object({}).strict(), imageDownloadProgressSchema),
  /** Tries a failed download again (one image, or every failed one when hash is null). */
  retryImageDownload: defineMethod(z.object({ hash: uploadIdSchema.nullable() }).strict(), imageDownloadProgressSchema),
  /** Sends an item the platform refused again (its images first), with fresh idempotency keys: the refusal changed nothing there. */
  retryItem: defineMethod(z.object({ id: itemIdSchema }).strict(), portfolioItemViewSchema),
  retryProfile: defineMethod(z.object({}).strict(), profileViewSchema.nullable()),
  getCompleteness: defineMethod(z.object({}).strict(), completenessSchema),
  /** The profile and public items as a client reading `locale` sees them, with the fallback used for each. */
  preview: defineMethod(z.object({ locale: languageTagSchema }).strict(), previewSchema),
  /** For the proposal editor: the user's items whose skills best match a project's, best first (none: an empty list). */
  suggestForProject: defineMethod(
    z.object({ projectId: z.string().min(1).max(200), limit: z.number().int().positive().max(50).default(5) }).strict(),
    z.array(suggestionSchema),
  ),
  /** The whole portfolio and profile as JSON text (see portfolioExportSchema). */
  exportJson: defineMethod(z.object({}).strict(), z.object({ json: z.string(), items: z.number().int(), images: z.number().int() })),
  /**
   * Adds the items of an exported file as new items (queued for the platform like any edit) and takes its
   * profile texts; images are checked and stored like imported ones. Invalid files are refused whole.
   */
  importJson: defineMethod(
    z.object({ json: z.string().max(maxPortfolioJsonChars, tooLargeIssue) }).strict(),
    z.object({ items: z.number().int(), images: z.number().int() }),
  ),
  /** The preview of `locale` as an A4 PDF (public items, fallback rules applied), base64-encoded. */
  exportPdf: defineMethod(z.object({ locale: languageTagSchema }).strict(), z.object({ base64: z.string(), fileName: z.string() })),
  getProfile: defineMethod(z.object({}).strict(), profileViewSchema.nullable()),
  /** Each account's profile and portfolio on its platform (read-only), in the accounts' order. */
  listPlatformProfiles: defineMethod(z.object({}).strict(), z.array(platformProfileViewSchema)),
  saveProfile: defineMethod(saveProfileInputSchema, profileViewSchema),
};

export const portfolioEvents = {
  /** Items, images or the profile changed (a local edit, a pull, a downloaded image, a write sent or refused). */
  portfolioChanged: z.object({ write: writeChangeSchema.optional() }),
  imageDownloadsChanged: imageDownloadProgressSchema,
};
