import type { z } from 'zod';
import type {
  Completeness,
  PortfolioItemView,
  PortfolioPreview,
  PortfolioSuggestion,
  PortfolioVariantView,
  ProfileVariantView,
  ProfileView,
  saveItemInputSchema,
  saveProfileInputSchema,
} from '../../../shared/contract/portfolio';
import { chooseVariant, describeVariant, portfolioTextFields, profileTextFields } from '../../../shared/domain/portfolio';
import type { AccountId } from '../../../shared/domain/accounts';
import type { Profile } from '../../../shared/platform/records';
import type { PutPortfolioItemBody, PutProfileBody } from '../../../shared/platform/writes';
import type { WritableDB } from '../db/database';
import { deleteFormDraft, formDraftKey } from '../db/repositories/form-drafts-repository';
import { dropRefusedWrites, requeueFailedWrites, requeueWrite } from '../db/repositories/outbox-repository';
import {
  adoptProfileAccount,
  deletePortfolioRow,
  dropFailedWrites,
  dropUnattemptedWrites,
  listFailedUploads,
  mayHaveReachedPlatform,
  releaseOrphanedUploads,
  type StoredProfile,
  readUnsentLastWrite,
  replaceUnsentPayload,
  listPortfolioItems,
  nextPortfolioPosition,
  readAttachment,
  readPortfolioItem,
  readProfile,
  readProjectForMatching,
  setAttachmentUploadState,
  setPortfolioPosition,
  writePortfolioItem,
  writeProfile,
} from '../db/repositories/portfolio-repository';
import { newPlatformId } from '../sync/write-unit';
import { checkWrite, enqueueWrite } from '../sync/writes/enqueue-write';

type SaveItemInput = z.output<typeof saveItemInputSchema>;
type SaveProfileInput = z.output<typeof saveProfileInputSchema>;

export class PortfolioInputError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'PortfolioInputError';
    this.path = path;
  }
}

type Texts = Record<string, unknown>;
type Tracked = { locale: string; revision: number; sourceLocale: string | null; sourceRevision: number | null; updatedAt: string };

/**
 * New revisions for the variants of one save: a changed text gets the next revision; a translation records
 * the revision of its source as saved now. An untouched translation keeps what it was written from.
 */
const trackRevisions = <T extends Texts & { locale: string; sourceLocale: string | null }>(
  inputs: readonly T[],
  previous: readonly (Tracked & Texts)[],
  fields: readonly string[],
  now: string,
): (T & Tracked)[] => {
  const revised = inputs.map((input) => {
    const before = previous.find((variant) => variant.locale === input.locale);
    const changed = !before || fields.some((field) => before[field] !== input[field]);
    return { input, before, changed, revision: before ? (changed ? before.revision + 1 : before.revision) : 1 };
  });
  return revised.map(({ input, before, changed, revision }) => {
    const sourceLocale = input.sourceLocale === input.locale ? null : input.sourceLocale;
    const source = sourceLocale ? revised.find((candidate) => candidate.input.locale === sourceLocale) : undefined;
    const retracked = changed || sourceLocale !== (before?.sourceLocale ?? null);
    return {
      ...input,
      sourceLocale,
      revision,
      sourceRevision: retracked ? (source?.revision ?? null) : (before?.sourceRevision ?? null),
      updatedAt: changed || !before ? now : before.updatedAt,
    };
  });
};

/** The platform's body for an item: every field, each language with a title (an untitled draft stays local). */
export const toPutItemBody = (item: PortfolioItemView): PutPortfolioItemBody => ({
  skills: item.skills,
  links: item.links,
  image_ids: item.imageHashes,
  visibility: item.visibility,
  position: Math.max(0, Math.round(item.position)),
  completed_on: item.completedOn,
  default_locale: item.defaultLocale,
  variants: Object.fromEntries(
    item.variants
      .filter((variant) => variant.title.trim() !== '')
      .map((variant) => [
        variant.locale,
        {
          title: variant.title,
          role: variant.role,
          description: variant.description,
          goal: variant.goal,
          solution: variant.solution,
          source_locale: variant.sourceLocale,
          revision: variant.revision,
          source_revision: variant.sourceRevision,
        },
      ]),
  ),
});

/** Images the platform has not got yet go out first (the outbox drains in order) under the record naming them. */
const queueUploads = (db: WritableDB, entityType: 'portfolio_item' | 'profile', entityId: string, hashes: readonly string[], now: Date): void => {
  for (const hash of hashes) {
    if (readAttachment(db, hash)?.uploadState !== 'local') continue;
    enqueueWrite(db, { entityType, entityId, op: 'upload_image', payload: { hash }, now });
    setAttachmentUploadState(db, hash, 'queued');
  }
};

/**
 * What a save does to the record's failed writes before queueing itself: failed image uploads go (the images
 * still shown are queued again below; an upload is named by its content, so sending one twice changes
 * nothing); a put the platform refused is superseded by the new one, under its own key; one that failed
 * without a refusal is tried again with its key, since it may have landed (see requeueWrite).
 */
const settleFailedWrites = (db: WritableDB, entityType: 'portfolio_item' | 'profile', entityId: string, putOp: string): void => {
  dropFailedWrites(db, entityType, entityId, 'upload_image');
  dropRefusedWrites(db, entityType, entityId, putOp);
  requeueFailedWrites(db, entityType, entityId);
};

/**
 * "Send again": the record's failed writes, and failed uploads of the images it shows (queued under another
 * record that shows them too), tried again by the outbox's one rule: new keys for what the platform refused.
 */
const sendAgain = (db: WritableDB, entityType: 'portfolio_item' | 'profile', entityId: string, hashes: readonly string[]): void => {
  for (const seq of listFailedUploads(db, hashes)) requeueWrite(db, seq);
  requeueFailedWrites(db, entityType, entityId);
};

/**
 * Queues the whole item for the platform, its new images first. A previous write of the item that has not
 * gone out yet is replaced rather than followed: the platform sees one PUT. Saving again is trying again.
 */
export const queueItem = (db: WritableDB, item: PortfolioItemView, now: Date): void => {
  settleFailedWrites(db, 'portfolio_item', item.id, 'put_portfolio_item');
  releaseOrphanedUploads(db);
  queueUploads(db, 'portfolio_item', item.id, item.imageHashes, now);
  const payload = { id: item.id, body: toPutItemBody(item) };
  const last = readUnsentLastWrite(db, 'portfolio_item', item.id);
  if (last?.op === 'put_portfolio_item') replaceUnsentPayload(db, last.seq, checkWrite('put_portfolio_item', payload).payload);
  else enqueueWrite(db, { entityType: 'portfolio_item', entityId: item.id, op: 'put_portfolio_item', payload, baseVersion: item.version, now });
};

/** Sends an item the platform refused again, images first. */
export const retryItem = (db: WritableDB, id: string): PortfolioItemView =>
  db.transaction(() => {
    const item = readPortfolioItem(db, id);
    if (!item) throw new PortfolioInputError('id', 'No such portfolio item.');
    sendAgain(db, 'portfolio_item', id, item.imageHashes);
    return readPortfolioItem(db, id) ?? item;
  }).immediate();

export const saveItem = (db: WritableDB, input: SaveItemInput, now = new Date()): PortfolioItemView => {
  const nowIso = now.toISOString();
  return db.transaction(() => {
    const existing = input.id ? readPortfolioItem(db, input.id) : null;
    if (input.id && !existing) throw new PortfolioInputError('id', 'No such portfolio item.');
    input.imageHashes.forEach((hash, index) => {
      if (!readAttachment(db, hash) && !existing?.imageHashes.includes(hash)) {
        throw new PortfolioInputError(`imageHashes.${index}`, 'Import the image before using it.');
      }
    });
    const id = existing?.id ?? newPlatformId('portfolio_item');
    const variants: PortfolioVariantView[] = trackRevisions(input.variants, existing?.variants ?? [], portfolioTextFields, nowIso);
    writePortfolioItem(db, {
      id,
      defaultLocale: input.defaultLocale,
      skills: input.skills,
      links: input.links,
      imageHashes: input.imageHashes,
      visibility: input.visibility,
      position: existing?.position ?? nextPortfolioPosition(db),
      completedOn: input.completedOn,
      variants,
      updatedAt: nowIso,
    });
    // What the form kept while it was typed is now the item itself.
    deleteFormDraft(db, formDraftKey({ form: 'portfolio-item', targetId: input.id }));
    const saved = readPortfolioItem(db, id);
    if (!saved) throw new Error('the item just written is missing');
    queueItem(db, saved, now);
    return readPortfolioItem(db, id) ?? saved;
  }).immediate();
};

/**
 * An item the platform never had goes quietly; otherwise its deletion is queued with the version it had. A
 * put already on its way stays (it may have landed): the delete follows it and is sent with the version the
 * platform gave that put, so it wins exactly once and no later pull brings the item back.
 */
export const deleteItem = (db: WritableDB, id: string, now = new Date()): boolean =>
  db.transaction(() => {
    const existing = readPortfolioItem(db, id);
    if (!existing) return false;
    const known = existing.version !== null || mayHaveReachedPlatform(db, 'portfolio_item', id, 'put_portfolio_item');
    dropUnattemptedWrites(db, 'portfolio_item', id, 'put_portfolio_item');
    dropFailedWrites(db, 'portfolio_item', id);
    deletePortfolioRow(db, id);
    deleteFormDraft(db, formDraftKey({ form: 'portfolio-item', targetId: id }));
    releaseOrphanedUploads(db);
    if (known) {
      enqueueWrite(db, { entityType: 'portfolio_item', entityId: id, op: 'delete_portfolio_item', payload: { id }, baseVersion: existing.version, now });
    }
    return true;
  }).immediate();

/** Positions follow the given order; only items whose place changed are written to the platform again. */
export const reorderItems = (db: WritableDB, ids: readonly string[], now = new Date()): PortfolioItemView[] =>
  db.transaction(() => {
    const items = listPortfolioItems(db);
    const listed = new Set(ids);
    const order = [...ids.filter((id) => items.some((item) => item.id === id)), ...items.filter((item) => !listed.has(item.id)).map((item) => item.id)];
    order.forEach((id, position) => {
      const item = items.find((candidate) => candidate.id === id);
      if (!item || item.position === position) return;
      setPortfolioPosition(db, id, position);
      queueItem(db, { ...item, position }, now);
    });
    return listPortfolioItems(db);
  }).immediate();

export const toPutProfileBody = (profile: ProfileView): PutProfileBody => ({
  name: profile.name,
  country: profile.country,
  city: profile.city,
  hourly_rate_minor: profile.hourlyRateMinor,
  currency: profile.currency ?? 'EUR',
  skills: profile.skills,
  languages: profile.languages,
  avatar_id: profile.avatarHash,
  default_locale: profile.defaultLocale ?? profile.variants[0]?.locale ?? 'en',
  variants: Object.fromEntries(
    profile.variants.map((variant) => [
      variant.locale,
      {
        headline: variant.headline,
        bio: variant.bio,
        source_locale: variant.sourceLocale,
        revision: variant.revision,
        source_revision: variant.sourceRevision,
      },
    ]),
  ),
});

/**
 * Queues the profile for the platform, a new avatar first. Before the workspace knows its account (never
 * synced) nothing is queued: the row carries a local-edits flag and the first pull adopts it (see
 * adoptPulledProfile).
 */
export const queueProfile = (db: WritableDB, profile: StoredProfile, now: Date): void => {
  if (!profile.userId) return;
  settleFailedWrites(db, 'profile', profile.userId, 'put_profile');
  releaseOrphanedUploads(db);
  queueUploads(db, 'profile', profile.userId, profile.avatarHash ? [profile.avatarHash] : [], now);
  const payload = { body: toPutProfileBody(profile) };
  const last = readUnsentLastWrite(db, 'profile', profile.userId);
  if (last?.op === 'put_profile') replaceUnsentPayload(db, last.seq, checkWrite('put_profile', payload).payload);
  else enqueueWrite(db, { entityType: 'profile', entityId: profile.userId, op: 'put_profile', payload, baseVersion: profile.version, now });
};

export const saveProfile = (db: WritableDB, input: SaveProfileInput, now = new Date()): StoredProfile => {
  const nowIso = now.toISOString();
  return db.transaction(() => {
    const existing = readProfile(db);
    if (input.avatarHash && input.avatarHash !== existing?.avatarHash && !readAttachment(db, input.avatarHash)) {
      throw new PortfolioInputError('avatarHash', 'Import the image before using it.');
    }
    const variants: ProfileVariantView[] = trackRevisions(input.variants, existing?.variants ?? [], profileTextFields, nowIso);
    writeProfile(db, { ...input, variants, updatedAt: nowIso });
    deleteFormDraft(db, formDraftKey({ form: 'profile' }));
    const saved = readProfile(db);
    if (!saved) throw new Error('the profile just written is missing');
    queueProfile(db, saved, now);
    return readProfile(db) ?? saved;
  }).immediate();
};

export const retryProfile = (db: WritableDB): StoredProfile | null =>
  db.transaction(() => {
    const profile = readProfile(db);
    if (!profile) return null;
    if (profile.userId) sendAgain(db, 'profile', profile.userId, profile.avatarHash ? [profile.avatarHash] : []);
    return readProfile(db);
  }).immediate();

/**
 * The first pull meets a profile edited here before the workspace knew its account. The row learns the
 * platform's id and version and keeps the user's edit; what the user left empty (country, rate, skills,
 * languages, avatar, a language without a variant here) is taken from the platform's profile rather than
 * erased. The result is queued as an edit of the version just learnt: if the platform's profile changes
 * before it arrives, the PUT meets a conflict like any other edit, and the user chooses.
 */
export const adoptPulledProfile = (db: WritableDB, record: Profile, fetchedAt: string, now: Date, accountId: AccountId | null): void => {
  const local = readProfile(db);
  if (!local) return;
  const pulledVariants: ProfileVariantView[] = Object.entries(record.variants)
    .filter(([locale]) => !local.variants.some((variant) => variant.locale === locale))
    .map(([locale, variant]) => ({
      locale,
      headline: variant.headline,
      bio: variant.bio,
      revision: variant.revision,
      sourceLocale: variant.source_locale,
      sourceRevision: variant.source_revision,
      updatedAt: new Date(variant.updated_at).toISOString(),
    }));
  writeProfile(db, {
    name: local.name.trim() !== '' ? local.name : record.name,
    country: local.country ?? record.country,
    city: local.city ?? record.city,
    hourlyRateMinor: local.hourlyRateMinor ?? record.hourly_rate_minor,
    currency: local.currency ?? record.currency,
    skills: local.skills.length > 0 ? local.skills : record.skills,
    languages: local.languages.length > 0 ? local.languages : record.languages,
    defaultLocale: local.defaultLocale ?? record.default_locale,
    avatarHash: local.avatarHash ?? record.avatar_id,
    variants: [...local.variants, ...pulledVariants],
    updatedAt: now.toISOString(),
  });
  adoptProfileAccount(db, { userId: record.id, version: record.version, raw: record, fetchedAt, accountId });
  const adopted = readProfile(db);
  if (adopted) queueProfile(db, adopted, now);
};

const toTracked = <V extends Tracked>(variant: V, fields: readonly string[]) => ({
  ...variant,
  fields: Object.fromEntries(fields.map((field) => [field, String((variant as Record<string, unknown>)[field] ?? '')])),
});

/** Per language, what each item and the profile still lack: missing, outdated or incomplete. */
export const computeCompleteness = (db: WritableDB): Completeness => {
  const items = listPortfolioItems(db);
  const profile = readProfile(db);
  const locales = new Set<string>();
  for (const item of items) for (const variant of item.variants) locales.add(variant.locale);
  for (const variant of profile?.variants ?? []) locales.add(variant.locale);
  for (const language of profile?.languages ?? []) locales.add(language.tag);
  const languages = [...locales].sort().map((locale) => {
    const profileReport = profile
      ? describeVariant(
          profile.variants.map((variant) => toTracked(variant, profileTextFields)),
          locale,
          profile.defaultLocale ?? locale,
          profileTextFields,
        )
      : null;
    const itemReports = items.map((item) => {
      const tracked = item.variants.map((variant) => toTracked(variant, portfolioTextFields));
      const shown = chooseVariant(tracked, locale, item.defaultLocale, 'title').variant;
      return { itemId: item.id, title: shown?.fields['title'] ?? '', ...describeVariant(tracked, locale, item.defaultLocale, portfolioTextFields) };
    });
    const reports = [...itemReports, ...(profileReport ? [profileReport] : [])];
    return {
      locale,
      profile: profileReport,
      items: itemReports,
      complete: reports.filter((report) => report.status === 'complete').length,
      total: reports.length,
    };
  });
  return { languages };
};

/** What a client reading `locale` sees: public items only, each in the language the fallback rules pick. */
export const buildPreview = (db: WritableDB, locale: string): PortfolioPreview => {
  const profile = readProfile(db);
  const profileChoice = profile
    ? chooseVariant(
        profile.variants.map((variant) => toTracked(variant, profileTextFields)),
        locale,
        profile.defaultLocale ?? locale,
        'headline',
      )
    : null;
  return {
    locale,
    profile:
      profile && profileChoice
        ? {
            name: profile.name,
            headline: profileChoice.variant?.fields['headline'] ?? '',
            bio: profileChoice.variant?.fields['bio'] ?? '',
            shownLocale: profileChoice.variant?.locale ?? null,
            reason: profileChoice.reason,
          }
        : null,
    items: listPortfolioItems(db)
      .filter((item) => item.visibility === 'public')
      .map((item) => {
        const choice = chooseVariant(item.variants.map((variant) => toTracked(variant, portfolioTextFields)), locale, item.defaultLocale, 'title');
        const text = (field: string): string => choice.variant?.fields[field] ?? '';
        return {
          id: item.id,
          title: text('title'),
          role: text('role'),
          description: text('description'),
          goal: text('goal'),
          solution: text('solution'),
          shownLocale: choice.variant?.locale ?? null,
          reason: choice.reason,
          skills: item.skills,
          links: item.links,
          imageHashes: item.imageHashes,
          completedOn: item.completedOn,
        };
      }),
  };
};

/**
 * Every item, ranked for a project: those whose skills cover most of the project's skills first (ties: the
 * user's own order), then the rest. Titles in `locale` (default: the project's language) where the item has it.
 */
export const rankItemsForProject = (
  db: WritableDB,
  projectId: string,
  locale?: string,
): (PortfolioSuggestion & { visibility: 'public' | 'private' })[] => {
  const project = readProjectForMatching(db, projectId);
  const wanted = new Set((project?.skills ?? []).map((skill) => skill.toLowerCase()));
  const reader = locale ?? project?.language ?? 'en';
  return listPortfolioItems(db)
    .map((item) => {
      const matchedSkills = item.skills.filter((skill) => wanted.has(skill.toLowerCase()));
      const choice = chooseVariant(item.variants.map((variant) => toTracked(variant, portfolioTextFields)), reader, item.defaultLocale, 'title');
      return {
        itemId: item.id,
        title: choice.variant?.fields['title'] ?? '',
        shownLocale: choice.variant?.locale ?? null,
        matchedSkills,
        score: wanted.size === 0 ? 0 : matchedSkills.length / wanted.size,
        visibility: item.visibility,
      };
    })
    .sort((a, b) => b.score - a.score);
};

/** The best matches for a project; items sharing no skill are left out. */
export const suggestItems = (db: WritableDB, projectId: string, limit: number): PortfolioSuggestion[] =>
  rankItemsForProject(db, projectId)
    .filter((suggestion) => suggestion.matchedSkills.length > 0)
    .slice(0, limit)
    .map(({ visibility: _visibility, ...suggestion }) => suggestion);
