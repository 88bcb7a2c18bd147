import { z } from 'zod';

/** Opaque platform id with its type prefix, e.g. `prj_0001a3`. Clients never parse the part after the prefix. */
export const prefixedIdSchema = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,100}$`), `an id of the form ${prefix}_…`)
    .describe(`Opaque id starting with "${prefix}_"`);

export const idPrefixes = {
  project: 'prj',
  client: 'cli',
  thread: 'thr',
  message: 'msg',
  proposal: 'prp',
  milestone: 'mst',
  portfolio_item: 'pfi',
  user: 'usr',
  story: 'sty',
  forum_topic: 'ftp',
  forum_post: 'fps',
  event: 'evt',
} as const;

export const projectIdSchema = prefixedIdSchema(idPrefixes.project);
export const clientIdSchema = prefixedIdSchema(idPrefixes.client);
export const threadIdSchema = prefixedIdSchema(idPrefixes.thread);
export const messageIdSchema = prefixedIdSchema(idPrefixes.message);
export const proposalIdSchema = prefixedIdSchema(idPrefixes.proposal);
export const milestoneIdSchema = prefixedIdSchema(idPrefixes.milestone);
export const portfolioItemIdSchema = prefixedIdSchema(idPrefixes.portfolio_item);
export const userIdSchema = prefixedIdSchema(idPrefixes.user);
export const storyIdSchema = prefixedIdSchema(idPrefixes.story);
export const forumTopicIdSchema = prefixedIdSchema(idPrefixes.forum_topic);
export const forumPostIdSchema = prefixedIdSchema(idPrefixes.forum_post);
export const eventIdSchema = prefixedIdSchema(idPrefixes.event);
/** A member of a thread or the author of a message: the freelancer (usr_) or a client (cli_). */
export const participantIdSchema = z
  .string()
  .regex(/^(usr|cli)_[A-Za-z0-9_-]{1,100}$/, 'a user (usr_…) or client (cli_…) id');

/** Uploads are content-addressed: the id is the lowercase hex SHA-256 of the bytes. */
export const uploadIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

/** ISO 8601 instant in UTC (`Z`). */
export const timestampSchema = z.iso.datetime();
/** Calendar date, YYYY-MM-DD. */
export const dateSchema = z.iso.date();

/** Per-record integer that grows with every change of that record; If-Match takes it. */
export const versionSchema = z.number().int().positive();

/** BCP 47 language tag (en, it, de-CH, pt-BR, zh-Hant …). */
export const languageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "en" or "de-CH"');

/** UI locales every multilingual record is expected to support; variants may use other tags too. */
export const platformLocales = ['en', 'it', 'de', 'fr', 'es'] as const;
export const platformLocaleSchema = z.enum(platformLocales);

/** ISO 3166-1 alpha-2. */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code');
/** ISO 4217. */
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR');
/** Money amounts are integers in the currency's minor unit (cents); never floats. */
export const minorAmountSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const httpUrlSchema = z.url({ protocol: /^https?$/ });

/**
 * A skill as its platform names it: the reference platform's slugs (`react`, `it-en-translation`) or a
 * marketplace's names (Freelancer's jobs: "User Interface / IA", "Search Engine Optimization"), shown as they
 * are, never turned into a slug or an id. One line of text, no control characters, trimmed.
 */
export const skillSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}\s](?:[^\p{Cc}\p{Zl}\p{Zp}]*[^\p{Cc}\p{Zl}\p{Zp}\s])?$/u, 'a skill name on one line, without leading or trailing spaces');
export const skillListSchema = z.array(skillSchema).max(50);

/** Per-locale variants keyed by BCP 47 tag. */
export const variantsSchema = <T extends z.ZodType>(variant: T) => z.record(languageTagSchema, variant);
