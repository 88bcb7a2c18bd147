/** Translation status and reading rules for portfolio items and the profile; pure, shared by core and UI. */

export const portfolioTextFields = ['title', 'role', 'description', 'goal', 'solution'] as const;
export type PortfolioTextField = (typeof portfolioTextFields)[number];
export const profileTextFields = ['headline', 'bio'] as const;

/** What the completeness view says about one language of one item (or of the profile). */
export const variantStatuses = ['complete', 'incomplete', 'outdated', 'missing'] as const;
export type VariantStatus = (typeof variantStatuses)[number];

export type TrackedVariant = {
  locale: string;
  revision: number;
  sourceLocale: string | null;
  /** The source's revision this text was written from; null when only its time is known (pulled records). */
  sourceRevision: number | null;
  updatedAt: string;
  fields: Readonly<Record<string, string>>;
};

export type VariantReport = { status: VariantStatus; missingFields: string[]; sourceLocale: string | null };

const isBlank = (text: string | undefined): boolean => (text ?? '').trim() === '';

/**
 * A translation is outdated when its source changed after it was written: by revision when known, else by
 * time. It is incomplete when a field the default language fills is empty here. Missing: no variant at all.
 */
export const describeVariant = (
  variants: readonly TrackedVariant[],
  locale: string,
  defaultLocale: string,
  fields: readonly string[],
): VariantReport => {
  const variant = variants.find((candidate) => candidate.locale === locale);
  if (!variant) return { status: 'missing', missingFields: [...fields], sourceLocale: null };
  const source = variant.sourceLocale ? variants.find((candidate) => candidate.locale === variant.sourceLocale) : undefined;
  if (source && source.locale !== locale) {
    const outdated =
      variant.sourceRevision !== null ? source.revision > variant.sourceRevision : source.updatedAt > variant.updatedAt;
    if (outdated) return { status: 'outdated', missingFields: [], sourceLocale: source.locale };
  }
  const reference = variants.find((candidate) => candidate.locale === defaultLocale);
  const missingFields = fields.filter((field) => isBlank(variant.fields[field]) && (!reference || !isBlank(reference.fields[field]) || field === fields[0]));
  return { status: missingFields.length > 0 ? 'incomplete' : 'complete', missingFields, sourceLocale: variant.sourceLocale };
};

/** Which text a client reading `wanted` sees, and why: the reason is shown beside the preview. */
export type FallbackReason = 'exact' | 'same_language' | 'default' | 'first' | 'none';

/**
 * Fallback rules, in order: the language asked for; the same language in another region (pt-BR for pt);
 * the item's default language; any other language it has. A variant whose first field is empty does not count.
 */
export const chooseVariant = <V extends { locale: string; fields: Readonly<Record<string, string>> }>(
  variants: readonly V[],
  wanted: string,
  defaultLocale: string,
  firstField: string,
): { variant: V | null; reason: FallbackReason } => {
  const usable = variants.filter((variant) => !isBlank(variant.fields[firstField]));
  const base = (tag: string): string => tag.split('-')[0]?.toLowerCase() ?? tag;
  const exact = usable.find((variant) => variant.locale === wanted);
  if (exact) return { variant: exact, reason: 'exact' };
  const sameLanguage = usable.find((variant) => base(variant.locale) === base(wanted));
  if (sameLanguage) return { variant: sameLanguage, reason: 'same_language' };
  const fallback = usable.find((variant) => variant.locale === defaultLocale);
  if (fallback) return { variant: fallback, reason: 'default' };
  const first = usable[0];
  return first ? { variant: first, reason: 'first' } : { variant: null, reason: 'none' };
};

export const imageMimeTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageMime = (typeof imageMimeTypes)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean =>
  prefix.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** The image type by its first bytes (never by a file name or a claimed type); null: not an image we take. */
export const sniffImageMime = (bytes: Uint8Array): ImageMime | null => {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
};

/** Why a link typed for a portfolio item was not taken (the UI translates it). */
export type LinkProblem = 'link_invalid' | 'link_scheme' | 'link_credentials';

/**
 * A link as typed ("example.com/work", "https://…") made into the http(s) address an item keeps, or the
 * reason it cannot be one: other schemes (javascript:, file:, mailto:) and addresses carrying a user name or
 * password are refused. A bare host gets https://.
 */
export const toPortfolioLink = (typed: string): { ok: true; url: string } | { ok: false; problem: LinkProblem } => {
  const text = typed.trim();
  // Spaces and control characters (which URL parsing would quietly drop or encode) make it no address.
  const hasControl = [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
  if (text === '' || text.length > 2000 || /\s/.test(text) || hasControl) return { ok: false, problem: 'link_invalid' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(\/|$)/.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { ok: false, problem: 'link_invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'link_scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'link_credentials' };
  if (!/^[^.]+(\.[^.]+)+$/.test(url.hostname) && url.hostname !== 'localhost') return { ok: false, problem: 'link_invalid' };
  return { ok: true, url: url.href };
};
