import type { AccountId } from '../../../../shared/domain/accounts';
import type { RecordOf, RecordType } from '../../../../shared/platform/records';
import { isFilledFrom } from '../../../../shared/domain/merge-fields';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { readAccountValue, writeAccountValue } from './sync-state-repository';
import { deleteByVersion, toFlag, toJson, toUtc, toUtcOrNull, upsertByVersionSql, type Row } from './versioned-rows';

/** The local table each record type of the change feed lives in. */
export const recordTables = {
  project: 'projects',
  client: 'clients',
  thread: 'threads',
  message: 'messages',
  proposal: 'proposals',
  portfolio_item: 'portfolio_items',
  profile: 'profile',
  story: 'stories',
  forum_topic: 'forum_topics',
  forum_post: 'forum_posts',
  event: 'events',
} as const satisfies Record<RecordType, string>;

type Mapper<T extends RecordType> = (record: RecordOf<T>) => Row;

// The platform's record, column by column; `raw` keeps it whole so that fields this version does not know
// survive until a later version reads them.
const rowMappers: { [T in RecordType]: Mapper<T> } = {
  project: (r) => ({
    id: r.id, version: r.version, client_id: r.client_id, title: r.title, description: r.description,
    language: r.language, category: r.category, kind: r.kind, currency: r.budget.currency,
    budget_min_minor: r.budget.min_minor, budget_max_minor: r.budget.max_minor, skills: toJson(r.skills),
    country: r.country, remote: toFlag(r.remote), bid_count: r.bid_count, status: r.status,
    deadline: r.deadline, posted_at: toUtc(r.posted_at), updated_at: toUtc(r.updated_at),
  }),
  client: (r) => ({
    id: r.id, version: r.version, name: r.name, company: r.company, country: r.country, city: r.city,
    primary_language: r.primary_language, languages: toJson(r.languages), reputation: r.reputation,
    reviews_count: r.reviews_count, payment_verified: toFlag(r.payment_verified), projects_posted: r.projects_posted,
    registered_at: toUtc(r.registered_at), updated_at: toUtc(r.updated_at),
  }),
  thread: (r) => ({
    id: r.id, version: r.version, context: r.context, project_id: r.project_id, client_id: r.client_id,
    subject: r.subject, members: toJson(r.members), unread_count: r.unread_count, is_read: toFlag(r.read),
    muted: toFlag(r.muted), message_count: r.message_count, last_message_at: toUtcOrNull(r.last_message_at),
    created_at: toUtc(r.created_at), updated_at: toUtc(r.updated_at),
  }),
  message: (r) => ({
    id: r.id, version: r.version, thread_id: r.thread_id, sender_id: r.sender_id, from_me: toFlag(r.from_me),
    body: r.body, attachments: toJson(r.attachments), sent_at: toUtc(r.sent_at), read_at: toUtcOrNull(r.read_at),
    state: 'synced',
  }),
  proposal: (r) => ({
    id: r.id, version: r.version, project_id: r.project_id, status: r.status, kind: r.kind, currency: r.currency,
    amount_minor: r.amount_minor, period_days: r.period_days, milestones: toJson(r.milestones),
    portfolio_item_ids: toJson(r.portfolio_item_ids), answers: toJson(r.answers), default_locale: r.default_locale, sealed: toFlag(r.sealed),
    paid_minor: r.paid_minor, bid_fee_minor: r.bid_fee_minor ?? null, submitted_at: toUtc(r.submitted_at), decided_at: toUtcOrNull(r.decided_at),
    created_at: toUtc(r.created_at), updated_at: toUtc(r.updated_at),
  }),
  portfolio_item: (r) => ({
    id: r.id, version: r.version, skills: toJson(r.skills), links: toJson(r.links), image_hashes: toJson(r.image_ids),
    visibility: r.visibility, position: r.position, completed_on: r.completed_on, default_locale: r.default_locale,
    created_at: toUtc(r.created_at), updated_at: toUtc(r.updated_at),
  }),
  // One profile per workspace: the row is always id 1, the platform's user id is kept beside it.
  profile: (r) => ({
    id: 1, user_id: r.id, version: r.version, name: r.name, country: r.country, city: r.city,
    hourly_rate_minor: r.hourly_rate_minor, currency: r.currency, skills: toJson(r.skills),
    languages: toJson(r.languages), avatar_id: r.avatar_id, default_locale: r.default_locale,
    updated_at: toUtc(r.updated_at),
  }),
  story: (r) => ({
    id: r.id, version: r.version, author_name: r.author_name, author_country: r.author_country,
    profession: r.profession, language: r.language, title: r.title, body: r.body, tags: toJson(r.tags),
    likes: r.likes, published_at: toUtc(r.published_at), region: r.region, sector: r.sector, tools: toJson(r.tools),
  }),
  forum_topic: (r) => ({
    id: r.id, version: r.version, category: r.category, language: r.language, title: r.title,
    author_name: r.author_name, post_count: r.post_count, pinned: toFlag(r.pinned), locked: toFlag(r.locked),
    last_post_at: toUtc(r.last_post_at),
  }),
  forum_post: (r) => ({
    id: r.id, version: r.version, topic_id: r.topic_id, author_name: r.author_name, body: r.body,
    reply_to: r.reply_to, created_at: toUtc(r.created_at), author_id: r.author_id, state: 'synced',
  }),
  event: (r) => ({
    id: r.id, version: r.version, title: r.title, description: r.description, language: r.language, format: r.format,
    starts_at: toUtc(r.starts_at), ends_at: toUtc(r.ends_at), time_zone: r.time_zone, venue: r.venue, city: r.city,
    country: r.country, online_url: r.online_url, organizer_name: r.organizer_name, cancelled: toFlag(r.cancelled),
  }),
};

/** Per-language variants live in their own tables; a new version of the parent replaces them all. */
const replaceVariants: { [T in RecordType]?: (db: WritableDB, record: RecordOf<T>) => void } = {
  // The editor's rich document, the local revision count and the translation's source revision are local
  // knowledge: kept while the platform's letter is the text they produced. A letter changed on the platform
  // becomes a new revision (in the history too), so the translations made from it show as outdated.
  proposal: (db, r) => {
    const local = new Map(
      (
        prepare(db, 'SELECT locale, body_json, body_text, revision, source_revision FROM proposal_variants WHERE proposal_id = ?').all(r.id) as {
          locale: string;
          body_json: string;
          body_text: string;
          revision: number;
          source_revision: number | null;
        }[]
      ).map((row) => [row.locale, row]),
    );
    prepare(db, 'DELETE FROM proposal_variants WHERE proposal_id = ?').run(r.id);
    const insert = prepare(
      db,
      `INSERT INTO proposal_variants (proposal_id, locale, body_json, body_text, revision, source_locale, source_revision, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const remember = prepare(
      db,
      `INSERT OR IGNORE INTO proposal_revisions (proposal_id, locale, revision, body_json, body_text, created_at, saved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [locale, v] of Object.entries(r.variants)) {
      const mine = local.get(locale);
      const updatedAt = toUtc(v.updated_at);
      // Sent with its merge fields filled: still the letter written here, which keeps its fields for the next edit.
      if (mine && isFilledFrom(mine.body_text.trim(), v.cover_letter.trim())) {
        insert.run(r.id, locale, mine.body_json, mine.body_text, mine.revision, v.source_locale, mine.source_revision, updatedAt);
        continue;
      }
      const revision = (mine?.revision ?? 0) + 1;
      insert.run(r.id, locale, toJson(v.cover_letter), v.cover_letter, revision, v.source_locale, mine?.source_revision ?? null, updatedAt);
      if (mine) remember.run(r.id, locale, revision, toJson(v.cover_letter), v.cover_letter, updatedAt, updatedAt);
    }
  },
  // Revisions travel in the record (numbered by the device that edited), so a translation made on another
  // device from an older source text shows as outdated here too, and one updated with it stays fresh.
  portfolio_item: (db, r) => {
    prepare(db, 'DELETE FROM portfolio_variants WHERE item_id = ?').run(r.id);
    const insert = prepare(
      db,
      `INSERT INTO portfolio_variants (item_id, locale, title, role, description, goal, solution, revision, source_locale,
         source_revision, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [locale, v] of Object.entries(r.variants)) {
      insert.run(r.id, locale, v.title, v.role, v.description, v.goal, v.solution, v.revision, v.source_locale, v.source_revision, toUtc(v.updated_at));
    }
  },
  profile: (db, r) => {
    prepare(db, 'DELETE FROM profile_variants').run();
    const insert = prepare(
      db,
      'INSERT INTO profile_variants (locale, headline, bio, revision, source_locale, source_revision, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const [locale, v] of Object.entries(r.variants)) {
      insert.run(locale, v.headline, v.bio, v.revision, v.source_locale, v.source_revision, toUtc(v.updated_at));
    }
  },
};

export type RowValue = Row[string];

/** The platform record as its table's columns, without `raw` and `fetched_at`. Pure: no SQL. */
export const toRecordColumns = <T extends RecordType>(type: T, record: RecordOf<T>): Row => (rowMappers[type] as Mapper<T>)(record);

/**
 * For a bulk load: one prepared version-guarded upsert for rows that all carry these columns (as
 * toRecordColumns made them), then `raw` as UTF-8 bytes (the record as received) and `fetched_at`, every row
 * stamped with `accountId` (bound with the row's values: no query per row). Returns whether the row changed.
 * Call inside a transaction.
 */
export const prepareRecordUpsert = <T extends RecordType>(
  db: WritableDB,
  type: T,
  columns: readonly string[],
  accountId: AccountId | null,
): ((values: readonly RowValue[], raw: Uint8Array | string, record: RecordOf<T> | null, fetchedAt: string) => boolean) => {
  const statement = prepare(db, upsertByVersionSql(recordTables[type], [...columns, 'raw', 'fetched_at'], ['raw']));
  const variants = replaceVariants[type] as ((db: WritableDB, record: RecordOf<T>) => void) | undefined;
  return (values, raw, record, fetchedAt) => {
    const run = statement.run(...values, raw, fetchedAt, accountId);
    const changed = run.changes > 0;
    if (changed && variants && record) variants(db, record);
    return changed;
  };
};

/**
 * Stores one platform record, brought by `accountId`, if it is newer than what the workspace holds (or the same
 * version, then only becoming that account's). Call inside a transaction.
 */
export const applyRecord = <T extends RecordType>(
  db: WritableDB,
  type: T,
  record: RecordOf<T>,
  fetchedAt: string,
  accountId: AccountId | null,
): boolean => {
  const row = { ...(rowMappers[type] as Mapper<T>)(record), raw: toJson(record), fetched_at: fetchedAt };
  const columns = Object.keys(row);
  const changed = prepare(db, upsertByVersionSql(recordTables[type], columns)).run(...Object.values(row), accountId).changes > 0;
  if (changed) (replaceVariants[type] as ((db: WritableDB, record: RecordOf<T>) => void) | undefined)?.(db, record);
  return changed;
};

/** Applies a tombstone: the record goes unless a newer version already arrived. */
export const removeRecord = (db: WritableDB, type: RecordType, id: string, version: number): boolean =>
  type === 'profile'
    ? prepare(db, 'DELETE FROM profile WHERE user_id = ? AND version <= ?').run(id, version).changes > 0
    : deleteByVersion(db, recordTables[type], id, version);

/** Every platform record the workspace holds as {id: version}, per type: what convergence checks compare. */
export const readRecordVersions = (db: ReadableDB, type: RecordType): Map<string, number> => {
  const idColumn = type === 'profile' ? 'user_id' : 'id';
  const rows = prepare(db, `SELECT ${idColumn} AS id, version FROM ${recordTables[type]} WHERE version IS NOT NULL`).all() as {
    id: string;
    version: number;
  }[];
  return new Map(rows.map((row) => [row.id, row.version]));
};

/** The user's own records: kept through a replacement, dropped only once its snapshot shows the platform lost them. */
const ownTables = [
  ['proposals', 'proposal'],
  ['portfolio_items', 'portfolio_item'],
] as const;

/**
 * Before a replacement sync of one account (the platform forgot its cursor): drop what only the platform
 * authored and this account brought (other accounts' records stay as they are), keep
 * what the user wrote and has not pushed yet (pending messages, drafts, anything with an outbox row), and
 * forget the cursor so the next pull starts from a snapshot.
 *
 * Proposals and portfolio items stay whole: their editor documents, revision history, translations' sources
 * and unsent edits (`local_edits`, no outbox row until "Send changes") are local work that no snapshot can
 * bring back. Each is marked unconfirmed (`fetched_at` NULL); the snapshot confirms the ones the platform
 * still holds and applies them by the ordinary rules (a newer version becomes a new revision, an unsent edit
 * is left alone until its push meets the platform's version as a conflict), and finishReplacement then drops
 * only those the platform no longer holds, as their purged tombstones would have.
 */
export const clearPlatformCache = (db: WritableDB, accountId: AccountId): void => {
  db.transaction(() => {
    for (const table of ['projects', 'clients', 'threads', 'stories', 'forum_topics', 'events']) {
      prepare(db, `DELETE FROM ${table} WHERE account_id = ?`).run(accountId);
    }
    // A message or reply the platform accepted but no pull has confirmed yet (its outbox row is still there)
    // stays too: the user would otherwise see it vanish until the snapshot brings it back.
    prepare(
      db,
      "DELETE FROM forum_posts WHERE account_id = ? AND state = 'synced' AND id NOT IN (SELECT entity_id FROM outbox WHERE entity_type = 'forum_post')",
    ).run(accountId);
    prepare(
      db,
      "DELETE FROM messages WHERE account_id = ? AND state = 'synced' AND id NOT IN (SELECT entity_id FROM outbox WHERE entity_type = 'message')",
    ).run(accountId);
    for (const [table] of ownTables) prepare(db, `UPDATE ${table} SET fetched_at = NULL WHERE account_id = ? AND version IS NOT NULL`).run(accountId);
    writeAccountValue(db, accountId, 'cursor', null);
    writeAccountValue(db, accountId, 'replacement_pending', '1');
  }).immediate();
};

/** Whether a replacement's snapshot is still being pulled for this account (it survives restarts, with the snapshot's cursor). */
export const isReplacementPending = (db: ReadableDB, accountId: AccountId): boolean =>
  readAccountValue(db, accountId, 'replacement_pending') !== null;

/** The snapshot holds this record (readable or quarantined): the platform still has it. Call inside a transaction. */
export const confirmReplacedRecord = (db: WritableDB, type: string, id: string, fetchedAt: string): void => {
  const own = ownTables.find(([, t]) => t === type);
  if (own) prepare(db, `UPDATE ${own[0]} SET fetched_at = ? WHERE id = ? AND fetched_at IS NULL`).run(fetchedAt, id);
};

/**
 * The account's snapshot is complete: its proposals and portfolio items it did not hold are gone from the platform and go
 * here too, unless the user has work on them not yet on the platform (an unsent edit, a queued, refused or
 * conflicting write), which stays for the user to see. Call inside a transaction.
 */
export const finishReplacement = (db: WritableDB, accountId: AccountId): number => {
  let dropped = 0;
  for (const [table, type] of ownTables) {
    dropped += prepare(
      db,
      `DELETE FROM ${table} WHERE account_id = ? AND version IS NOT NULL AND fetched_at IS NULL
         ${table === 'proposals' ? 'AND local_edits = 0' : ''}
         AND id NOT IN (SELECT entity_id FROM outbox WHERE entity_type = '${type}')`,
    ).run(accountId).changes;
  }
  writeAccountValue(db, accountId, 'replacement_pending', null);
  return dropped;
};
