import type {
  imageDownloadProblems,
  PortfolioItemView,
  PortfolioVariantView,
  ProfileVariantView,
  ProfileView,
} from '../../../../shared/contract/portfolio';
import { decodeSyncProblem, type SyncProblem } from '../../../../shared/contract/sync-problem';
import type { AccountId } from '../../../../shared/domain/accounts';
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
  syncError: string | null;
};

/** Why the first of a record's writes failed (a stored SyncProblem). */
const refusal = (type: string, id: string): string =>
  `(SELECT o.last_error FROM outbox o WHERE o.entity_type = '${type}' AND o.entity_id = ${id} AND o.state = 'failed' ORDER BY o.seq LIMIT 1)`;

const itemColumns = `i.id, i.version, i.default_locale AS defaultLocale, i.skills, i.links, i.image_hashes AS imageHashes,
  i.visibility, i.position, i.completed_on AS completedOn, i.updated_at AS updatedAt,
  EXISTS (SELECT 1 FROM outbox o WHERE o.entity_type = 'portfolio_item' AND o.entity_id = i.id AND o.state IN ${unsentStates}) AS pending,
  ${refusal('portfolio_item', 'i.id')} AS syncError`;

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
    syncError: decodeSyncProblem(row.syncError),
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
export const writePortfolioItem = (db: WritableDB, item: Omit<PortfolioItemView, 'version' | 'pending' | 'syncError'>): void => {
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
  avatarHash: string | null;
  pending: number;
  syncError: string | null;
  localEdits: number;
};

export type StoredProfile = ProfileView & { version: number | null; localEdits: boolean };

export const readProfile = (db: ReadableDB): StoredProfile | null => {
  const row = prepare(
    db,
    `SELECT user_id AS userId, version, name, country, city, hourly_rate_minor AS hourlyRateMinor, currency, skills, languages,
       default_locale AS defaultLocale, avatar_id AS avatarHash, local_edits AS localEdits,
       EXISTS (SELECT 1 FROM outbox o WHERE o.entity_type = 'profile' AND o.state IN ${unsentStates}) AS pending,
       (SELECT o.last_error FROM outbox o WHERE o.entity_type = 'profile' AND o.state = 'failed' ORDER BY o.seq LIMIT 1) AS syncError
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
    syncError: decodeSyncProblem(row.syncError),
    localEdits: row.localEdits === 1,
  };
};

/**
 * Writes the user's profile. Before the workspace knows its platform account (no user id yet) the row is
 * flagged as local edits, so the first pull keeps it and sends it instead of replacing it.
 */
export const writeProfile = (
  db: WritableDB,
  profile: Omit<ProfileView, 'pending' | 'userId' | 'syncError'> & { updatedAt: string },
): void => {
  prepare(
    db,
    `INSERT INTO profile (id, name, country, city, hourly_rate_minor, currency, skills, languages, default_locale, avatar_id, updated_at,
       local_edits)
     VALUES (1, @name, @country, @city, @hourlyRateMinor, @currency, @skills, @languages, @defaultLocale, @avatarHash, @updatedAt, 1)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, city = excluded.city,
       hourly_rate_minor = excluded.hourly_rate_minor, currency = excluded.currency, skills = excluded.skills,
       languages = excluded.languages, default_locale = excluded.default_locale, avatar_id = excluded.avatar_id,
       updated_at = excluded.updated_at, local_edits = CASE WHEN profile.user_id IS NULL THEN 1 ELSE profile.local_edits END`,
  ).run({
    avatarHash: profile.avatarHash,
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

/** The first pull's profile, adopted: the row is the account's now, at the version the platform holds. */
export const adoptProfileAccount = (
  db: WritableDB,
  account: { userId: string; version: number; raw: unknown; fetchedAt: string; accountId: AccountId | null },
): void => {
  prepare(db, 'UPDATE profile SET user_id = ?, version = ?, raw = ?, fetched_at = ?, account_id = ?, local_edits = 0 WHERE id = 1').run(
    account.userId,
    account.version,
    JSON.stringify(account.raw),
    account.fetchedAt,
    account.accountId,
  );
};

/** A profile edited before the workspace knew its platform account, not yet adopted by a pull. */
export const hasProfileLocalEdits = (db: ReadableDB): boolean =>
  prepare(db, 'SELECT 1 FROM profile WHERE id = 1 AND local_edits = 1 AND user_id IS NULL').get() !== undefined;

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

/**
 * Whether a put of this record may have reached the platform: one was sent, or is on its way (attempted, the
 * answer not in yet), or failed here after an attempt whose answer never came. One the platform refused never
 * changed anything there.
 */
export const mayHaveReachedPlatform = (db: ReadableDB, entityType: RecordType, entityId: string, op: string): boolean =>
  prepare(
    db,
    `SELECT 1 FROM outbox WHERE entity_type = ? AND entity_id = ? AND op = ? AND (state IN ('sent', 'conflict')
       OR (state IN ('queued', 'failed') AND refused = 0 AND attempts > 0)) LIMIT 1`,
  ).get(entityType, entityId, op) !== undefined;

/** The newest version the platform gave for writes of a record whose row is gone (an item deleted meanwhile). */
export const readSentVersion = (db: ReadableDB, entityType: RecordType, entityId: string): number | null =>
  (prepare(db, "SELECT max(sent_version) AS version FROM outbox WHERE entity_type = ? AND entity_id = ? AND state = 'sent'").get(entityType, entityId) as {
    version: number | null;
  }).version;

/** Failed writes of a record (of one kind, if given) that are no longer wanted: a deleted item's, or image uploads a save queues again. */
export const dropFailedWrites = (db: WritableDB, entityType: RecordType, entityId: string, op?: string): number =>
  prepare(db, "DELETE FROM outbox WHERE entity_type = ? AND entity_id = ? AND state = 'failed' AND (? IS NULL OR op = ?)").run(
    entityType,
    entityId,
    op ?? null,
    op ?? null,
  ).changes;

/** Failed uploads of these images, whichever record they were queued under (two items may show one image). */
export const listFailedUploads = (db: ReadableDB, hashes: readonly string[]): number[] =>
  hashes.length === 0
    ? []
    : (
        prepare(
          db,
          `SELECT seq FROM outbox WHERE op = 'upload_image' AND state = 'failed'
             AND json_extract(payload, '$.hash') IN (SELECT value FROM json_each(?)) ORDER BY seq`,
        ).all(JSON.stringify(hashes)) as { seq: number }[]
      ).map((row) => row.seq);

/** After a delete went through, the accepted writes before it have nothing left to wait for. */
export const dropSettledWrites = (db: WritableDB, entityType: RecordType, entityId: string): void => {
  prepare(db, "DELETE FROM outbox WHERE entity_type = ? AND entity_id = ? AND state = 'sent'").run(entityType, entityId);
};

/** Every write of a record, whatever its state (a record that never reached the platform and is gone here). */
export const dropAllWrites = (db: WritableDB, entityType: RecordType, entityId: string): void => {
  prepare(db, 'DELETE FROM outbox WHERE entity_type = ? AND entity_id = ?').run(entityType, entityId);
};

/** Images marked queued whose upload is no longer in the outbox count as local again (the next save queues them). */
export const releaseOrphanedUploads = (db: WritableDB): void => {
  prepare(
    db,
    `UPDATE attachments SET upload_state = 'local' WHERE upload_state = 'queued' AND NOT EXISTS (
       SELECT 1 FROM outbox o WHERE o.op = 'upload_image' AND json_extract(o.payload, '$.hash') = attachments.hash)`,
  ).run();
};

/** The platform's reason for refusing the upload of one of these images, if it refused one (the write naming them would be refused too). */
export const readRefusedUpload = (db: ReadableDB, hashes: readonly string[]): SyncProblem | null => {
  if (hashes.length === 0) return null;
  const row = prepare(
    db,
    `SELECT last_error AS reason FROM outbox WHERE op = 'upload_image' AND state = 'failed'
       AND json_extract(payload, '$.hash') IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT 1`,
  ).get(JSON.stringify(hashes)) as { reason: string | null } | undefined;
  return row ? (decodeSyncProblem(row.reason) ?? { code: 'unexpected' }) : null;
};

/** A delete queued for a record, if it has not gone out yet. */
export const hasQueuedOp = (db: ReadableDB, entityType: RecordType, entityId: string, op: string): boolean =>
  prepare(db, "SELECT 1 FROM outbox WHERE entity_type = ? AND entity_id = ? AND op = ? AND state = 'queued' LIMIT 1").get(entityType, entityId, op) !==
  undefined;

/** A write that leaves no record for a pull to confirm (an upload, a delete) is done once the platform took it. */
export const removeWrite = (db: WritableDB, seq: number): void => {
  prepare(db, 'DELETE FROM outbox WHERE seq = ?').run(seq);
};

// ---- projects, as the suggestions read them -----------------------------------------------------------

export const readProjectForMatching = (db: ReadableDB, id: string): { skills: string[]; language: string } | null => {
  const row = prepare(db, 'SELECT skills, language FROM projects WHERE id = ?').get(id) as { skills: string; language: string } | undefined;
  return row ? { skills: JSON.parse(row.skills) as string[], language: row.language } : null;
};

// ---- images only the platform holds -----------------------------------------------------------------

export type ImageDownloadProblem = (typeof imageDownloadProblems)[number];
export type ImageDownloadRow = { hash: string; state: 'wanted' | 'failed'; attempts: number; problem: ImageDownloadProblem | null; lastError: string | null };

// With the account whose session downloads it (the item's or the profile's).
const referencedImages = `
  SELECT j.value AS hash, i.account_id AS account_id FROM portfolio_items i, json_each(i.image_hashes) j
  UNION SELECT avatar_id AS hash, account_id FROM profile WHERE avatar_id IS NOT NULL`;

/**
 * Brings the download list in line with what items and the avatar name: an image named but not held here is
 * wanted; one no longer named, or held by now, leaves the list. Returns how many are wanted.
 */
export const refreshWantedImages = (db: WritableDB, now: Date): number =>
  db.transaction(() => {
    prepare(db, `DELETE FROM image_downloads WHERE hash IN (SELECT hash FROM attachments) OR hash NOT IN (SELECT hash FROM (${referencedImages}))`).run();
    prepare(
      db,
      `INSERT OR IGNORE INTO image_downloads (hash, account_id, created_at, updated_at)
       SELECT hash, account_id, @now, @now FROM (${referencedImages})
       WHERE length(hash) = 64 AND hash NOT IN (SELECT hash FROM attachments)`,
    ).run({ now: now.toISOString() });
    return (prepare(db, "SELECT count(*) AS n FROM image_downloads WHERE state = 'wanted'").get() as { n: number }).n;
  }).immediate();

/** Images still to download, or only those one account's session fetches (with the unowned ones) when given. */
export const listWantedImages = (db: ReadableDB, limit: number, accountId?: AccountId): string[] =>
  (
    prepare(
      db,
      `SELECT hash FROM image_downloads WHERE state = 'wanted' AND (@accountId IS NULL OR account_id IS NULL OR account_id = @accountId)
       ORDER BY attempts, created_at, hash LIMIT @limit`,
    ).all({ accountId: accountId ?? null, limit }) as { hash: string }[]
  ).map((row) => row.hash);

export const readImageDownload = (db: ReadableDB, hash: string): ImageDownloadRow | null =>
  (prepare(db, 'SELECT hash, state, attempts, problem, last_error AS lastError FROM image_downloads WHERE hash = ?').get(hash) as
    | ImageDownloadRow
    | undefined) ?? null;

export const countImageDownloads = (db: ReadableDB): { wanted: number; failed: number } =>
  prepare(
    db,
    "SELECT count(*) FILTER (WHERE state = 'wanted') AS wanted, count(*) FILTER (WHERE state = 'failed') AS failed FROM image_downloads",
  ).get() as { wanted: number; failed: number };

export const noteImageDownloadAttempt = (db: WritableDB, hash: string, reason: string | null, now: Date): void => {
  prepare(db, 'UPDATE image_downloads SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE hash = ?').run(reason, now.toISOString(), hash);
};

/**
 * The platform answered, and the answer cannot become the image: kept failed until the user retries, with the
 * problem (translated on screen) and the platform's own reason when it gave one.
 */
export const markImageDownloadFailed = (db: WritableDB, hash: string, problem: ImageDownloadProblem, reason: string | null, now: Date): void => {
  prepare(db, "UPDATE image_downloads SET state = 'failed', problem = ?, last_error = ?, updated_at = ? WHERE hash = ?").run(
    problem,
    reason?.slice(0, 500) ?? null,
    now.toISOString(),
    hash,
  );
};

/** Failed downloads (one, or all) are wanted again. */
export const retryImageDownloads = (db: WritableDB, hash: string | null, now: Date): number =>
  prepare(
    db,
    "UPDATE image_downloads SET state = 'wanted', problem = NULL, last_error = NULL, attempts = 0, updated_at = ? WHERE state = 'failed' AND (? IS NULL OR hash = ?)",
  ).run(now.toISOString(), hash, hash).changes;

/** The bytes are stored under their hash: the image is here now, and the platform has it already. */
export const settleImageDownload = (db: WritableDB, image: { hash: string; mime: string; size: number; now: Date }): void => {
  db.transaction(() => {
    prepare(db, "INSERT OR IGNORE INTO attachments (hash, mime, size, name, upload_state, created_at) VALUES (?, ?, ?, '', 'uploaded', ?)").run(
      image.hash,
      image.mime,
      image.size,
      image.now.toISOString(),
    );
    prepare(db, 'DELETE FROM image_downloads WHERE hash = ?').run(image.hash);
  }).immediate();
};
