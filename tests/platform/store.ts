/**
 * The reference platform's database: records with per-record versions, a per-user change feed ordered by one
 * global sequence, tokens, idempotency answers and uploads, in one SQLite file (WAL).
 *
 * Feed model: every change of a record gets the next global `seq`; a record lives in a user's feed at the seq of
 * its latest change (an older entry is replaced, CouchDB-style). So a pull from a cursor returns each record
 * changed since at its latest version exactly once, and a pull without a cursor is the set of live records.
 * better-sqlite3 is synchronous, so a write commits completely before any page is read: no reader can see seq
 * N+1 committed while N is still pending, which is what makes "each change exactly once" hold under load.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import type { RecordType } from '../../shared/platform/records';

export type StoredRecord = {
  rid: number;
  type: string;
  id: string;
  version: number;
  seq: number;
  owner: string | null;
  deleted: boolean;
  data: Record<string, unknown> | null;
};

export type UserRow = {
  id: string;
  email: string;
  name: string;
  skills: Set<string>;
  languages: Set<string>;
};

export type FeedRow = { seq: number; type: string; id: string; version: number; deleted: number; data: string | null };

export type WriteOptions = {
  owner?: string | null;
  /** Users who must see the change besides those the visibility rules give (a bidder and the project). */
  extraUsers?: readonly string[];
  /** Exactly these users see it (simulation inject). */
  onlyUsers?: readonly string[];
  /** Store the data as given: no version stamping (hostile/invalid records on purpose). */
  raw?: boolean;
};

const schema = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    salt TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    skills TEXT NOT NULL,
    languages TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS records (
    rid INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    owner TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT,
    changed_at INTEGER NOT NULL,
    UNIQUE (type, id)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS records_by_owner ON records (owner, type, seq);
  CREATE INDEX IF NOT EXISTS records_tombstones ON records (changed_at) WHERE deleted = 1;
  CREATE TABLE IF NOT EXISTS feed (
    user_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    rid INTEGER NOT NULL,
    PRIMARY KEY (user_id, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS tokens (
    hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    user_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    rotated_at INTEGER
  ) STRICT;
  CREATE TABLE IF NOT EXISTS idempotency (
    user_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS uploads (
    hash TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
`;

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
const hashPassword = (salt: string, password: string): string => sha256(`${salt}:${password}`);

/** Cursors are opaque to clients: base64url of `seq` or `seq.snapshotHigh` (a snapshot still being paged). */
export const encodeCursor = (seq: number, snapshotHigh?: number): string =>
  Buffer.from(snapshotHigh !== undefined && snapshotHigh > seq ? `${seq}.${snapshotHigh}` : `${seq}`).toString('base64url');

export const decodeCursor = (cursor: string): { seq: number; snapshotHigh: number } | null => {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const match = /^(\d{1,15})(?:\.(\d{1,15}))?$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const seq = Number(match[1]);
  return { seq, snapshotHigh: match[2] ? Number(match[2]) : seq };
};

/** Puts id and version first (readable records) and makes sure stale ones from `data` never win. */
const stamp = (data: Record<string, unknown>, id: string, version: number): Record<string, unknown> => {
  const { id: _id, version: _version, ...rest } = data;
  return { id, version, ...rest };
};

const baseLanguage = (tag: string): string => tag.toLowerCase().split('-')[0] ?? tag;

export class PlatformStore {
  readonly db: Database.Database;
  readonly events = new EventEmitter();
  private seq: number;
  private compactedSeq: number;
  private clockOffsetMs = 0;
  private users: UserRow[] = [];
  private depth = 0;
  private touchedUsers = new Set<string>();
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A test server: durability across power loss is not worth the fsyncs.
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -65536');
    this.db.exec(schema);
    this.events.setMaxListeners(0);
    this.statements = {
      getRecord: this.db.prepare<[string, string], RawRecordRow>('SELECT * FROM records WHERE type = ? AND id = ?'),
      insertRecord: this.db.prepare(
        'INSERT INTO records (type, id, version, seq, owner, deleted, data, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      updateRecord: this.db.prepare(
        'UPDATE records SET version = ?, seq = ?, owner = ?, deleted = ?, data = ?, changed_at = ? WHERE rid = ?',
      ),
      insertFeed: this.db.prepare('INSERT INTO feed (user_id, seq, rid) VALUES (?, ?, ?)'),
      deleteFeed: this.db.prepare<[string, number]>('DELETE FROM feed WHERE user_id = ? AND seq = ?'),
      page: this.db.prepare<[string, number, number, number], FeedRow>(
        `SELECT f.seq AS seq, r.type AS type, r.id AS id, r.version AS version, r.deleted AS deleted, r.data AS data
           FROM feed f JOIN records r ON r.rid = f.rid
          WHERE f.user_id = ? AND f.seq > ? AND NOT (r.deleted = 1 AND f.seq <= ?)
          ORDER BY f.seq LIMIT ?`,
      ),
      setMeta: this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      getMeta: this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    };
    const maxSeq = this.db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM records').get()?.seq ?? 0;
    this.seq = Math.max(maxSeq, Number(this.getMeta('seq') ?? 0));
    this.compactedSeq = Number(this.getMeta('compacted_seq') ?? 0);
    this.clockOffsetMs = Number(this.getMeta('clock_offset_ms') ?? 0);
    this.loadUsers();
  }

  close(): void {
    this.setMeta('seq', String(this.seq));
    this.db.close();
  }

  // ---- clock -------------------------------------------------------------------------------------------

  nowMs(): number {
    return Date.now() + this.clockOffsetMs;
  }

  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  advanceClock(seconds: number): void {
    this.clockOffsetMs += seconds * 1000;
    this.setMeta('clock_offset_ms', String(this.clockOffsetMs));
  }

  // ---- meta --------------------------------------------------------------------------------------------

  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  isEmpty(): boolean {
    return this.users.length === 0;
  }

  // ---- users & tokens ----------------------------------------------------------------------------------

  addUser(user: { id: string; email: string; name: string; password: string; skills: string[]; languages: string[] }): void {
    const salt = randomBytes(8).toString('hex');
    this.db
      .prepare('INSERT INTO users (id, email, name, salt, password_hash, skills, languages) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(user.id, user.email.toLowerCase(), user.name, salt, hashPassword(salt, user.password), JSON.stringify(user.skills), JSON.stringify(user.languages));
    this.loadUsers();
  }

  private loadUsers(): void {
    const rows = this.db
      .prepare<[], { id: string; email: string; name: string; skills: string; languages: string }>(
        'SELECT id, email, name, skills, languages FROM users ORDER BY id',
      )
      .all();
    this.users = rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      skills: new Set(JSON.parse(row.skills) as string[]),
      languages: new Set((JSON.parse(row.languages) as string[]).map(baseLanguage)),
    }));
  }

  listUsers(): readonly UserRow[] {
    return this.users;
  }

  getUser(id: string): UserRow | undefined {
    return this.users.find((user) => user.id === id);
  }

  checkPassword(email: string, password: string): UserRow | null {
    const row = this.db
      .prepare<[string], { id: string; salt: string; password_hash: string }>('SELECT id, salt, password_hash FROM users WHERE email = ?')
      .get(email.trim().toLowerCase());
    if (!row) return null;
    const expected = Buffer.from(row.password_hash, 'hex');
    const actual = Buffer.from(hashPassword(row.salt, password), 'hex');
    return timingSafeEqual(expected, actual) ? (this.getUser(row.id) ?? null) : null;
  }

  issueTokens(userId: string, accessTtlSeconds: number): { access: string; refresh: string } {
    const access = randomBytes(24).toString('base64url');
    const refresh = randomBytes(32).toString('base64url');
    const now = this.nowMs();
    const insert = this.db.prepare('INSERT INTO tokens (hash, kind, user_id, expires_at) VALUES (?, ?, ?, ?)');
    insert.run(sha256(access), 'access', userId, now + accessTtlSeconds * 1000);
    insert.run(sha256(refresh), 'refresh', userId, now + 30 * 86_400_000);
    return { access, refresh };
  }

  /** The user an access token belongs to, or why not. */
  authenticate(accessToken: string): { userId: string } | { error: 'invalid' | 'expired' } {
    const row = this.db
      .prepare<[string], { user_id: string; expires_at: number; kind: string }>('SELECT user_id, expires_at, kind FROM tokens WHERE hash = ?')
      .get(sha256(accessToken));
    if (!row || row.kind !== 'access') return { error: 'invalid' };
    if (row.expires_at <= this.nowMs()) return { error: 'expired' };
    return { userId: row.user_id };
  }

  /**
   * Refresh tokens rotate. The previous one keeps working for a minute so that a client whose answer was lost
   * on the network can retry the refresh instead of being signed out.
   */
  redeemRefreshToken(refreshToken: string): string | null {
    const hash = sha256(refreshToken);
    const row = this.db
      .prepare<[string], { user_id: string; expires_at: number; kind: string; rotated_at: number | null }>(
        'SELECT user_id, expires_at, kind, rotated_at FROM tokens WHERE hash = ?',
      )
      .get(hash);
    const now = this.nowMs();
    if (!row || row.kind !== 'refresh' || row.expires_at <= now) return null;
    if (row.rotated_at !== null && now - row.rotated_at > 60_000) return null;
    if (row.rotated_at === null) this.db.prepare('UPDATE tokens SET rotated_at = ? WHERE hash = ?').run(now, hash);
    return row.user_id;
  }

  // ---- records & feed ----------------------------------------------------------------------------------

  /** Runs `fn` in one transaction; SSE listeners hear about the touched users only after it committed. */
  transact<T>(fn: () => T): T {
    this.depth += 1;
    const touchedBefore = new Set(this.touchedUsers);
    let result: T;
    try {
      result = this.db.transaction(fn)();
    } catch (error) {
      this.depth -= 1;
      // What the rolled-back part touched must not be announced.
      this.touchedUsers = this.depth === 0 ? new Set() : touchedBefore;
      throw error;
    }
    this.depth -= 1;
    if (this.depth === 0 && this.touchedUsers.size > 0) {
      this.setMeta('seq', String(this.seq));
      const users = [...this.touchedUsers];
      this.touchedUsers.clear();
      this.events.emit('changes', users, encodeCursor(this.seq));
    }
    return result;
  }

  getRecord(type: string, id: string): StoredRecord | null {
    const row = this.statements.getRecord.get(type, id);
    return row ? toStored(row) : null;
  }

  /** A live record's data, typed by the caller. */
  getLive<T>(type: RecordType, id: string): (StoredRecord & { data: T }) | null {
    const record = this.getRecord(type, id);
    return record && !record.deleted && record.data ? (record as StoredRecord & { data: T }) : null;
  }

  latestSeq(): number {
    return this.seq;
  }

  latestCursor(): string {
    return encodeCursor(this.seq);
  }

  oldestValidSeq(): number {
    return this.compactedSeq;
  }

  private visibleUsers(type: string, data: Record<string, unknown> | null, owner: string | null): string[] {
    if (owner) return [owner];
    if (type !== 'project' || !data) return this.users.map((user) => user.id);
    if (data.status !== 'open') return [];
    const skills = Array.isArray(data.skills) ? (data.skills as string[]) : [];
    const language = typeof data.language === 'string' ? baseLanguage(data.language) : '';
    return this.users
      .filter((user) => user.languages.has(language) && skills.some((skill) => user.skills.has(skill)))
      .map((user) => user.id);
  }

  /** Users whose feed holds this record now (a record stays in a feed once it entered it). */
  private currentReaders(record: StoredRecord): string[] {
    return this.users.filter((user) => this.hasFeedEntry(user.id, record.seq)).map((user) => user.id);
  }

  private hasFeedEntry(userId: string, seq: number): boolean {
    return this.db.prepare('SELECT 1 FROM feed WHERE user_id = ? AND seq = ?').get(userId, seq) !== undefined;
  }

  /**
   * Creates or replaces a record: its version grows by one, it moves to the head of the feed of everyone who
   * sees it. `data` gets the new `id` and `version` stamped in. Call inside `transact`.
   */
  upsert(type: string, id: string, data: Record<string, unknown>, options: WriteOptions = {}): StoredRecord {
    return this.write(type, id, data, options);
  }

  /** Replaces a record with a tombstone (version + 1) in the feeds that hold it. Call inside `transact`. */
  remove(type: string, id: string): StoredRecord | null {
    const current = this.getRecord(type, id);
    if (!current || current.deleted) return null;
    return this.write(type, id, null, { owner: current.owner });
  }

  private write(type: string, id: string, data: Record<string, unknown> | null, options: WriteOptions): StoredRecord {
    const current = this.getRecord(type, id);
    const version = options.raw && typeof data?.version === 'number' && Number.isInteger(data.version) && data.version > 0
      ? data.version
      : (current?.version ?? 0) + 1;
    const seq = ++this.seq;
    const owner = options.owner !== undefined ? options.owner : (current?.owner ?? null);
    const stamped = data === null ? null : options.raw ? data : stamp(data, id, version);
    const json = stamped === null ? null : JSON.stringify(stamped);
    const now = this.nowMs();
    let rid: number;
    let readers: string[] = [];
    if (current) {
      rid = current.rid;
      readers = this.currentReaders(current);
      for (const reader of readers) this.statements.deleteFeed.run(reader, current.seq);
      this.statements.updateRecord.run(version, seq, owner, data === null ? 1 : 0, json, now, rid);
    } else {
      rid = Number(this.statements.insertRecord.run(type, id, version, seq, owner, data === null ? 1 : 0, json, now).lastInsertRowid);
    }
    const audience = new Set(
      options.onlyUsers ?? [...readers, ...(data === null ? [] : this.visibleUsers(type, stamped, owner)), ...(options.extraUsers ?? [])],
    );
    for (const userId of audience) {
      this.statements.insertFeed.run(userId, seq, rid);
      this.touchedUsers.add(userId);
    }
    return { rid, type, id, version, seq, owner, deleted: data === null, data: stamped };
  }

  /**
   * Fast path for the seed generator: inserts a new record at version `version` without looking anything up.
   * Call inside one big transaction.
   */
  bulkInsert(type: string, id: string, data: Record<string, unknown>, owner: string | null, version = 1): void {
    const seq = ++this.seq;
    const stamped = stamp(data, id, version);
    const rid = this.statements.insertRecord.run(type, id, version, seq, owner, 0, JSON.stringify(stamped), this.nowMs()).lastInsertRowid;
    for (const userId of this.visibleUsers(type, stamped, owner)) this.statements.insertFeed.run(userId, seq, rid);
  }

  /** Adds an existing record to a user's feed without a new change (a project the user bid on, at seed time). */
  bulkShare(type: string, id: string, userId: string): void {
    const record = this.getRecord(type, id);
    if (!record || this.hasFeedEntry(userId, record.seq)) return;
    this.statements.insertFeed.run(userId, record.seq, record.rid);
  }

  /** One page of a user's feed after `afterSeq`; tombstones at or below `skipTombstonesUpTo` are left out. */
  readFeed(userId: string, afterSeq: number, skipTombstonesUpTo: number, limit: number): FeedRow[] {
    return this.statements.page.all(userId, afterSeq, skipTombstonesUpTo, limit);
  }

  /**
   * Purges tombstones older than the retention. A cursor from before the newest purged tombstone could miss a
   * delete, so such cursors get 410 from then on.
   */
  compact(retentionSeconds: number): number {
    const cutoff = this.nowMs() - retentionSeconds * 1000;
    return this.transact(() => {
      const purged = this.db
        .prepare<[number], { rid: number; seq: number }>('SELECT rid, seq FROM records WHERE deleted = 1 AND changed_at <= ?')
        .all(cutoff);
      const deleteFeed = this.db.prepare('DELETE FROM feed WHERE user_id = ? AND seq = ?');
      const deleteRecord = this.db.prepare('DELETE FROM records WHERE rid = ?');
      for (const row of purged) {
        for (const user of this.users) deleteFeed.run(user.id, row.seq);
        deleteRecord.run(row.rid);
        this.compactedSeq = Math.max(this.compactedSeq, row.seq);
      }
      this.setMeta('compacted_seq', String(this.compactedSeq));
      this.db.prepare('DELETE FROM idempotency WHERE created_at <= ?').run(this.nowMs() - 86_400_000);
      this.db.prepare('DELETE FROM tokens WHERE expires_at <= ?').run(this.nowMs() - 86_400_000);
      return purged.length;
    });
  }

  // ---- idempotency -------------------------------------------------------------------------------------

  findIdempotent(userId: string, key: string): StoredAnswer | undefined {
    const row = this.db
      .prepare<[string, string], { request_hash: string; status: number; headers: string; body: Buffer }>(
        'SELECT request_hash, status, headers, body FROM idempotency WHERE user_id = ? AND key = ?',
      )
      .get(userId, key);
    return row
      ? { requestHash: row.request_hash, status: row.status, headers: JSON.parse(row.headers) as Record<string, string>, body: row.body }
      : undefined;
  }

  saveIdempotent(userId: string, key: string, answer: StoredAnswer): void {
    this.db
      .prepare('INSERT INTO idempotency (user_id, key, request_hash, status, headers, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(userId, key, answer.requestHash, answer.status, JSON.stringify(answer.headers), answer.body, this.nowMs());
  }

  // ---- uploads -----------------------------------------------------------------------------------------

  getUpload(hash: string): { hash: string; mime: string; size: number; bytes: Buffer; created_at: string } | undefined {
    return this.db
      .prepare<[string], { hash: string; mime: string; size: number; bytes: Buffer; created_at: string }>('SELECT * FROM uploads WHERE hash = ?')
      .get(hash);
  }

  saveUpload(hash: string, mime: string, bytes: Buffer): void {
    this.db
      .prepare('INSERT OR IGNORE INTO uploads (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(hash, mime, bytes.length, bytes, this.nowIso());
  }

  countRecords(): number {
    return this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM records').get()?.n ?? 0;
  }
}

export type StoredAnswer = { requestHash: string; status: number; headers: Record<string, string>; body: Buffer };

type RawRecordRow = {
  rid: number;
  type: string;
  id: string;
  version: number;
  seq: number;
  owner: string | null;
  deleted: number;
  data: string | null;
};

const toStored = (row: RawRecordRow): StoredRecord => ({
  rid: row.rid,
  type: row.type,
  id: row.id,
  version: row.version,
  seq: row.seq,
  owner: row.owner,
  deleted: row.deleted === 1,
  data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
});

export { sha256 };
