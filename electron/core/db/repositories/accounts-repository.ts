import { randomBytes } from 'node:crypto';
import type { Account, AccountId, PlatformId } from '../../../../shared/domain/accounts';
import { prepare, setSynchronous, type ReadableDB, type WritableDB } from '../database';

export { readAccountValue, writeAccountValue, accountKeys, type AccountKey } from './sync-state-repository';

/**
 * The workspace's accounts (schema v13), in the user's order. Records keep their platform ids (never colliding
 * across platforms: Freelancer's are `prj_fl-…`); two accounts of one platform share a public record, one row
 * whose account_id is the account that last brought it (a newer version, or the same version from another
 * account). Removing an account drops the rows it owns: a record both held, last brought by the removed one,
 * comes back with the other account's next pull of it.
 */
export type AccountRow = Account & { position: number };

type Row = {
  id: string;
  platform: PlatformId;
  platformUserId: string | null;
  label: string;
  baseUrl: string;
  state: Account['state'];
  position: number;
  createdAt: string;
};

const columns = `id, platform, platform_user_id AS platformUserId, label, base_url AS baseUrl, state, position, created_at AS createdAt`;

export const listAccounts = (db: ReadableDB): AccountRow[] =>
  prepare(db, `SELECT ${columns} FROM accounts ORDER BY position, created_at, id`).all() as Row[];

export const readAccount = (db: ReadableDB, id: AccountId): AccountRow | null =>
  (prepare(db, `SELECT ${columns} FROM accounts WHERE id = ?`).get(id) as Row | undefined) ?? null;

/** A new account id: `acc_` and 12 random characters, never reused (an old account's secret key could linger). */
export const makeAccountId = (): AccountId => `acc_${randomBytes(9).toString('base64url')}`;

/** Adds an account after the others. Returns it as stored. */
export const insertAccount = (
  db: WritableDB,
  account: { id?: AccountId; platform: PlatformId; label: string; baseUrl: string; platformUserId?: string | null; state?: Account['state']; now: Date },
): AccountRow => {
  const id = account.id ?? makeAccountId();
  prepare(
    db,
    `INSERT INTO accounts (id, platform, platform_user_id, label, base_url, state, position, created_at)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(max(position) + 1, 0) FROM accounts), ?)`,
  ).run(id, account.platform, account.platformUserId ?? null, account.label, account.baseUrl, account.state ?? 'active', account.now.toISOString());
  return readAccount(db, id)!;
};

/**
 * Changes what the user or a sign-in may change; fields left out stay. `baseUrl` for an account migrated from a
 * workspace that never saved its platform URL ('' until then). Returns whether the account exists.
 */
export const updateAccount = (
  db: WritableDB,
  id: AccountId,
  changes: { label?: string; state?: Account['state']; platformUserId?: string | null; baseUrl?: string },
): boolean =>
  prepare(
    db,
    `UPDATE accounts SET
       label = COALESCE(@label, label),
       state = COALESCE(@state, state),
       platform_user_id = CASE WHEN @setUser THEN @platformUserId ELSE platform_user_id END,
       base_url = COALESCE(@baseUrl, base_url)
     WHERE id = @id`,
  ).run({
    id,
    label: changes.label ?? null,
    state: changes.state ?? null,
    setUser: changes.platformUserId !== undefined ? 1 : 0,
    platformUserId: changes.platformUserId ?? null,
    baseUrl: changes.baseUrl ?? null,
  }).changes > 0;

/** The synced tables an account's records live in (besides the one-row profile). */
const ownedTables = [
  'projects',
  'clients',
  'threads',
  'messages',
  'proposals',
  'portfolio_items',
  'stories',
  'forum_topics',
  'forum_posts',
  'events',
] as const;

export type RemovedAccountRecords = {
  /** Rows removed per synced table (the profile included), only tables that lost some. */
  records: Record<string, number>;
  writes: number;
  quarantined: number;
  conflicts: number;
  images: number;
};

/**
 * Removes an account and what it brought: its synced records (with their per-language variants, revisions,
 * skills rows and search index entries, through the schema's cascades and triggers), its queued writes,
 * quarantined records, conflicts, wanted images and sync state, and the account itself, in one transaction.
 * Nothing else: other accounts' records, local records no account owns, templates, settings, the user's notes
 * and drafts of conversations stay. Export the account's proposal drafts first (listAccountDrafts): they go too.
 */
export const removeAccountRecords = (db: WritableDB, id: AccountId): RemovedAccountRecords =>
  db.transaction((): RemovedAccountRecords => {
    const records: Record<string, number> = {};
    const count = (table: string, removed: number): void => {
      if (removed > 0) records[table] = removed;
    };
    for (const table of ownedTables) count(table, prepare(db, `DELETE FROM ${table} WHERE account_id = ?`).run(id).changes);
    // One profile per workspace (id 1): it goes with the account that brought it, its variants with it.
    const profile = prepare(db, 'DELETE FROM profile WHERE account_id = ?').run(id).changes;
    if (profile > 0) prepare(db, 'DELETE FROM profile_variants').run();
    count('profile', profile);
    const removed: RemovedAccountRecords = {
      records,
      writes: prepare(db, 'DELETE FROM outbox WHERE account_id = ?').run(id).changes,
      quarantined: prepare(db, 'DELETE FROM quarantine WHERE account_id = ?').run(id).changes,
      conflicts: prepare(db, 'DELETE FROM conflicts WHERE account_id = ?').run(id).changes,
      images: prepare(db, 'DELETE FROM image_downloads WHERE account_id = ?').run(id).changes,
    };
    prepare(db, 'DELETE FROM account_state WHERE account_id = ?').run(id);
    prepare(db, 'DELETE FROM accounts WHERE id = ?').run(id);
    return removed;
  }).immediate();

/**
 * The same removal for an account with many records, without holding the writer for seconds (100k messages
 * take about 5 s in one transaction, mostly their search index entries): its synced rows go in short
 * transactions of about `budgetMs`, in rowid order, letting other work in between; then removeAccountRecords
 * takes the rest and the account in one. A crash or stop part-way leaves the account with fewer records, each
 * step whole (indexes kept by the triggers); removing it again finishes. Those steps commit without waiting for
 * the disk (synchronous=NORMAL, as a first load's: still atomic in WAL mode); a power cut can only bring back
 * some of the rows being removed, never lose another's; the last step, which removes the account, waits (FULL).
 * Stop the account's sync first.
 */
export const removeAccountRecordsGradually = async (
  db: WritableDB,
  id: AccountId,
  options: { budgetMs?: number; signal?: AbortSignal } = {},
): Promise<RemovedAccountRecords> => {
  const budgetMs = options.budgetMs ?? 12;
  const removed: Record<string, number> = {};
  for (const table of ownedTables) {
    const next = prepare(db, `SELECT rowid AS rowid FROM ${table} WHERE rowid > ? AND account_id = ? ORDER BY rowid LIMIT 64`);
    const remove = prepare(db, `DELETE FROM ${table} WHERE rowid = ?`);
    let after = 0;
    for (let done = false; !done; ) {
      if (options.signal?.aborted) throw new Error('removal stopped');
      setSynchronous(db, 'NORMAL');
      try {
        db.transaction(() => {
          const until = performance.now() + budgetMs;
          do {
            const rowids = (next.all(after, id) as { rowid: number }[]).map((row) => row.rowid);
            if (rowids.length === 0) {
              done = true;
              return;
            }
            for (const rowid of rowids) removed[table] = (removed[table] ?? 0) + remove.run(rowid).changes;
            after = rowids.at(-1)!;
          } while (performance.now() < until);
        }).immediate();
      } finally {
        setSynchronous(db, 'FULL');
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const rest = removeAccountRecords(db, id);
  for (const [table, count] of Object.entries(rest.records)) removed[table] = (removed[table] ?? 0) + count;
  return { ...rest, records: removed };
};

export type AccountDraft = {
  proposalId: string;
  projectId: string;
  projectTitle: string | null;
  kind: 'fixed' | 'hourly';
  currency: string;
  amountMinor: number | null;
  periodDays: number | null;
  createdAt: string;
  updatedAt: string;
  /** The cover letter in each language, as plain text and as the editor's document. */
  variants: { locale: string; text: string; document: string }[];
};

/**
 * The user's own proposals the platform never received (drafts, or a first submit still queued or refused),
 * for projects of this account: what removing it would lose, for export first.
 */
export const listAccountDrafts = (db: ReadableDB, id: AccountId): AccountDraft[] => {
  const drafts = prepare(
    db,
    `SELECT p.id AS proposalId, p.project_id AS projectId, pr.title AS projectTitle, p.kind, p.currency,
       p.amount_minor AS amountMinor, p.period_days AS periodDays, p.created_at AS createdAt, p.updated_at AS updatedAt
     FROM proposals p LEFT JOIN projects pr ON pr.id = p.project_id
     WHERE p.version IS NULL AND p.account_id = ?
     ORDER BY p.updated_at DESC, p.id`,
  ).all(id) as Omit<AccountDraft, 'variants'>[];
  const variants = prepare(
    db,
    'SELECT locale, body_text AS text, body_json AS document FROM proposal_variants WHERE proposal_id = ? ORDER BY locale',
  );
  return drafts.map((draft) => ({ ...draft, variants: variants.all(draft.proposalId) as AccountDraft['variants'] }));
};
