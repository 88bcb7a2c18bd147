import type { PortfolioItemView, PortfolioVariantView, ProfileVariantView, ProfileView } from '../../../../shared/contract/portfolio';
import type { RecordType } from '../../../../shared/platform/records';
import { prepare, type ReadableDB, type WritableDB } from '../database';

const unsentStates = "('queued', 'in_flight', 'sent', 'failed', 'conflict')";

type ItemRow = {
  id: string;
  version: number | null;
  defaultLocale: string | null;
  skills: string;
  links: string;
  imageHashes: string;
  visibility: 'public' | 'private';
  position: number;
  completedOn: string | null;
  updatedAt: string;
  pending: number;
};

const itemColumns = `i.id, i.version, i.default_locale AS defaultLocale, i.skills, i.links, i.image_hashes AS imageHashes,
  i.visibility, i.position, i.completed_on AS completedOn, i.updated_at AS updatedAt,
  EXISTS (SELECT 1 FROM outbox o WHERE o.entity_type = 'portfolio_item' AND o.entity_id = i.id AND o.state IN ${unsentStates}) AS pending`;

const variantColumns = `locale, title, role, description, goal, solution, revision, source_locale AS sourceLocale,
  source_revision AS sourceRevision, updated_at AS updatedAt`;

const readVariants = (db: ReadableDB, itemId: string): PortfolioVariantView[] =>
  prepare(db, `SELECT ${variantColumns} FROM portfolio_variants WHERE item_id = ? ORDER BY locale`).all(itemId) as PortfolioVariantView[];

const toItem = (db: ReadableDB, row: ItemRow): PortfolioItemView => {
  const variants = readVariants(db, row.id);
  return {
    id: row.id,
    version: row.version,
    // Pulled records always carry one; a local row always gets one on save.
    defaultLocale: row.defaultLocale ?? variants[0]?.locale ?? 'en',
    skills: JSON.parse(row.skills) as string[],
    links: JSON.parse(row.links) as string[],
    imageHashes: JSON.parse(row.imageHashes) as string[],
    visibility: row.visibility,
    position: row.position,
    completedOn: row.completedOn,
    variants,
    pending: row.pending === 1,
    updatedAt: row.updatedAt,
  };
};

/** Every item in the user's order. */
export const listPortfolioItems = (db: ReadableDB): PortfolioItemView[] =>
  (prepare(db, `SELECT ${itemColumns} FROM portfolio_items i ORDER BY i.position, i.created_at, i.id`).all() as ItemRow[]).map((row) =>
    toItem(db, row),
  );

export const readPortfolioItem = (db: ReadableDB, id: string): PortfolioItemView | null => {
  const row = prepare(db, `SELECT ${itemColumns} FROM portfolio_items i WHERE i.id = ?`).get(id) as ItemRow | undefined;
  return row ? toItem(db, row) : null;
};

export const nextPortfolioPosition = (db: ReadableDB): number =>
  (prepare(db, 'SELECT COALESCE(MAX(position) + 1, 0) AS next FROM portfolio_items').get() as { next: number }).next;

/** Writes the user's version of an item and all its variants (the version column stays the platform's). */
export const writePortfolioItem = (db: WritableDB, item: Omit<PortfolioItemView, 'version' | 'pending'>): void => {
  prepare(
    db,
    `INSERT INTO portfolio_items (id, default_locale, skills, links, image_hashes, visibility, position, completed_on, created_at, updated_at)
     VALUES (@id, @defaultLocale, @skills, @links, @imageHashes, @visibility, @position, @completedOn, @updatedAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET default_locale = excluded.default_locale, skills = excluded.skills, links = excluded.links,
       image_hashes = excluded.image_hashes, visibility = excluded.visibility, position = excluded.position,
       completed_on = excluded.completed_on, updated_at = excluded.updated_at`,
  ).run({
    id: item.id,
    defaultLocale: item.defaultLocale,
    skills: JSON.stringify(item.skills),
    links: JSON.stringify(item.links),
    imageHashes: JSON.stringify(item.imageHashes),
    visibility: item.visibility,
    position: item.position,
    completedOn: item.completedOn,
    updatedAt: item.updatedAt,
  });
  prepare(db, 'DELETE FROM portfolio_variants WHERE item_id = ?').run(item.id);
  const insert = prepare(
    db,
    `INSERT INTO portfolio_variants (item_id, locale, title, role, description, goal, solution, revision, source_locale, source_revision, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const v of item.variants) {
    insert.run(item.id, v.locale, v.title, v.role, v.description, v.goal, v.solution, v.revision, v.sourceLocale, v.sourceRevision, v.updatedAt);
  }
};

export const setPortfolioPosition = (db: WritableDB, id: string, position: number): void => {
  prepare(db, 'UPDATE portfolio_items SET position = ? WHERE id = ?').run(position, id);
};

export const deletePortfolioRow = (db: WritableDB, id: string): void => {
  prepare(db, 'DELETE FROM portfolio_items WHERE id = ?').run(id);
};

export const readPortfolioVersion = (db: ReadableDB, id: string): number | null =>
  (prepare(db, 'SELECT version FROM portfolio_items WHERE id = ?').get(id) as { version: number | null } | undefined)?.version ?? null;

/**
 * The platform took our write: the row learns its version (so the next write's If-Match is right) but keeps
 * the user's text and revisions, which is what was sent.
 */
export const confirmPortfolioVersion = (db: WritableDB, id: string, version: number, raw: unknown, fetchedAt: string): void => {
  prepare(db, 'UPDATE portfolio_items SET version = ?, raw = ?, fetched_at = ? WHERE id = ? AND COALESCE(version, 0) < ?').run(
    version,
    JSON.stringify(raw),
    fetchedAt,
    id,
    version,
  );
};

// ---- profile ----------------------------------------------------------------------------------------

type ProfileRow = {
  userId: string | null;
  version: number | null;
  name: string;
  country: string | null;
  city: string | null;
  hourlyRateMinor: number | null;
  currency: string | null;
  skills: string;
  languages: string;
  defaultLocale: string | null;
  pending: number;
};

export const readProfile = (db: ReadableDB): (ProfileView & { version: number | null }) | null => {
  const row = prepare(
    db,
    `SELECT user_id AS userId, version, name, country, city, hourly_rate_minor AS hourlyRateMinor, currency, skills, languages,
       default_locale AS defaultLocale,
       EXISTS (SELECT 1 FROM outbox o WHERE o.entity_type = 'profile' AND o.state IN ${unsentStates}) AS pending
     FROM profile WHERE id = 1`,
  ).get() as ProfileRow | undefined;
  if (!row) return null;
  const variants = prepare(
    db,
    `SELECT locale, headline, bio, revision, source_locale AS sourceLocale, source_revision AS sourceRevision, updated_at AS updatedAt
     FROM profile_variants ORDER BY locale`,
  ).all() as ProfileVariantView[];
  return {
    ...row,
    skills: JSON.parse(row.skills) as string[],
    languages: JSON.parse(row.languages) as ProfileView['languages'],
    variants,
    pending: row.pending === 1,
  };
};

export const writeProfile = (
  db: WritableDB,
  profile: Omit<ProfileView, 'pending' | 'userId'> & { updatedAt: string },
): void => {
  prepare(
    db,
    `INSERT INTO profile (id, name, country, city, hourly_rate_minor, currency, skills, languages, default_locale, updated_at)
     VALUES (1, @name, @country, @city, @hourlyRateMinor, @currency, @skills, @languages, @defaultLocale, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, city = excluded.city,
       hourly_rate_minor = excluded.hourly_rate_minor, currency = excluded.currency, skills = excluded.skills,
       languages = excluded.languages, default_locale = excluded.default_locale, updated_at = excluded.updated_at`,
  ).run({
    name: profile.name,
    country: profile.country,
    city: profile.city,
    hourlyRateMinor: profile.hourlyRateMinor,
    currency: profile.currency,
    skills: JSON.stringify(profile.skills),
    languages: JSON.stringify(profile.languages),
    defaultLocale: profile.defaultLocale,
    updatedAt: profile.updatedAt,
  });
  prepare(db, 'DELETE FROM profile_variants').run();
  const insert = prepare(
    db,
    `INSERT INTO profile_variants (locale, headline, bio, revision, source_locale, source_revision, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const v of profile.variants) insert.run(v.locale, v.headline, v.bio, v.revision, v.sourceLocale, v.sourceRevision, v.updatedAt);
};

export const readProfileVersion = (db: ReadableDB): number | null =>
  (prepare(db, 'SELECT version FROM profile WHERE id = 1').get() as { version: number | null } | undefined)?.version ?? null;

export const confirmProfileVersion = (db: WritableDB, version: number, raw: unknown, fetchedAt: string): void => {
  prepare(db, 'UPDATE profile SET version = ?, raw = ?, fetched_at = ? WHERE id = 1 AND COALESCE(version, 0) < ?').run(
    version,
    JSON.stringify(raw),
    fetchedAt,
    version,
  );
};

// ---- images -----------------------------------------------------------------------------------------

export type AttachmentRow = { hash: string; mime: string; size: number; name: string; uploadState: 'local' | 'queued' | 'uploaded' };

/** Content-addressed: a second import of the same bytes is the same row. */
export const insertAttachment = (db: WritableDB, attachment: { hash: string; mime: string; size: number; name: string; now: Date }): void => {
  prepare(db, 'INSERT OR IGNORE INTO attachments (hash, mime, size, name, created_at) VALUES (?, ?, ?, ?, ?)').run(
    attachment.hash,
    attachment.mime,
    attachment.size,
    attachment.name,
    attachment.now.toISOString(),
  );
};

export const readAttachment = (db: ReadableDB, hash: string): AttachmentRow | null =>
  (prepare(db, 'SELECT hash, mime, size, name, upload_state AS uploadState FROM attachments WHERE hash = ?').get(hash) as
    | AttachmentRow
    | undefined) ?? null;

export const setAttachmentUploadState = (db: WritableDB, hash: string, state: AttachmentRow['uploadState']): void => {
  prepare(db, 'UPDATE attachments SET upload_state = ? WHERE hash = ?').run(state, hash);
};

// ---- the outbox rows of portfolio and profile writes ------------------------------------------------

/** The newest write queued for a record, if it has not gone out yet: a later whole-record write may replace it. */
export const readUnsentLastWrite = (db: ReadableDB, entityType: RecordType, entityId: string): { seq: number; op: string } | null => {
  const row = prepare(
    db,
    'SELECT seq, op, state, attempts FROM outbox WHERE entity_type = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1',
  ).get(entityType, entityId) as { seq: number; op: string; state: string; attempts: number } | undefined;
  return row && row.state === 'queued' && row.attempts === 0 ? { seq: row.seq, op: row.op } : null;
};

/** Only for a write never attempted: its key has never reached the platform, so its body may still change. */
export const replaceUnsentPayload = (db: WritableDB, seq: number, payload: unknown): void => {
  prepare(db, "UPDATE outbox SET payload = ? WHERE seq = ? AND state = 'queued' AND attempts = 0").run(JSON.stringify(payload), seq);
};

/** Drops writes of one kind for a record that never went out (a deleted item's pending edits). */
export const dropUnattemptedWrites = (db: WritableDB, entityType: RecordType, entityId: string, op: string): number =>
  prepare(db, "DELETE FROM outbox WHERE entity_type = ? AND entity_id = ? AND op = ? AND state = 'queued' AND attempts = 0").run(
    entityType,
    entityId,
    op,
  ).changes;

export const hasAttemptedWrites = (db: ReadableDB, entityType: RecordType, entityId: string): boolean =>
  prepare(db, 'SELECT 1 FROM outbox WHERE entity_type = ? AND entity_id = ? AND (attempts > 0 OR state <> ?) LIMIT 1').get(
    entityType,
    entityId,
    'queued',
  ) !== undefined;

/** A write that leaves no record for a pull to confirm (an upload, a delete) is done once the platform took it. */
export const removeWrite = (db: WritableDB, seq: number): void => {
  prepare(db, 'DELETE FROM outbox WHERE seq = ?').run(seq);
};

// ---- projects, as the suggestions read them -----------------------------------------------------------

export const readProjectForMatching = (db: ReadableDB, id: string): { skills: string[]; language: string } | null => {
  const row = prepare(db, 'SELECT skills, language FROM projects WHERE id = ?').get(id) as { skills: string; language: string } | undefined;
  return row ? { skills: JSON.parse(row.skills) as string[], language: row.language } : null;
};
