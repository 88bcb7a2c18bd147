import path from 'node:path';
import { vi } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync';
import { openWritableDatabase, type WritableDB } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { insertAccount, writeAccountValue } from '../../electron/core/db/repositories/accounts-repository';
import type { SecretStore } from '../../electron/core/secrets/secret-store';
import { legacySessionKey, sessionKeyOf } from '../../electron/core/sync/session';
import { createSyncService, type SyncService } from '../../electron/core/sync/sync-service';

/** Where the stub's account keeps its session once it adopted the single-account key it starts with. */
export const stubSessionKey = sessionKeyOf('acc_1');

/** The secret store in memory (what the session keeps is read back by the test). */
export const createMemorySecrets = (initial: Record<string, string> = {}): SecretStore & { values: Map<string, string> } => {
  const values = new Map(Object.entries(initial));
  return {
    values,
    readSecret: (key) => Promise.resolve(values.get(key) ?? null),
    writeSecret: (key, value) => Promise.resolve(void values.set(key, value)),
    deleteSecret: (key) => Promise.resolve(void values.delete(key)),
  };
};

export type StubRequest = { at: number; method: string; path: string; authorization: string | null; body: string | null };
export type StubAnswer = (request: StubRequest) => Response | Error;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** An empty changes page: the feed has nothing new. */
export const emptyPage = (): Response => json(200, { changes: [], next_cursor: 'c1', has_more: false });

/**
 * The sync service on a real workspace database with one reference-platform account, acc_1, already past its
 * first sync (a cursor is stored) and signed in under the single-account key it adopts at start, and a
 * platform played by `answer`, on Vitest's fake clock: a test advances time and counts what was sent. Every
 * request and status event is recorded with the fake time it happened at.
 */
export const startStubService = async (
  dir: string,
  answer: StubAnswer,
  options: { session?: { accessToken: string; refreshToken: string }; random?: () => number } = {},
): Promise<{ db: WritableDB; service: SyncService; requests: StubRequest[]; events: SyncStatus[]; secrets: ReturnType<typeof createMemorySecrets> }> => {
  const file = path.join(dir, 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  insertAccount(db, { id: 'acc_1', platform: 'bottega', label: 'demo@bottega.test', baseUrl: 'http://127.0.0.1:9', now: new Date() });
  writeAccountValue(db, 'acc_1', 'cursor', 'c0');
  writeAccountValue(db, 'acc_1', 'account_email', 'demo@bottega.test');
  const secrets = createMemorySecrets({
    [legacySessionKey]: JSON.stringify(options.session ?? { accessToken: 'access-1', refreshToken: 'refresh-1' }),
  });
  const requests: StubRequest[] = [];
  const events: SyncStatus[] = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: Date.parse('2026-12-01T09:00:00Z') });
  const stubFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const request: StubRequest = {
      at: Date.now(),
      method: init?.method ?? 'GET',
      path: new URL(String(input)).pathname,
      authorization: headers.get('authorization'),
      body: typeof init?.body === 'string' ? init.body : null,
    };
    requests.push(request);
    const result = answer(request);
    if (result instanceof Error) throw result;
    return result;
  }) as typeof fetch;
  const service = createSyncService({
    db,
    secrets,
    platformUrl: 'http://127.0.0.1:9',
    fetch: stubFetch,
    onStatus: (status) => events.push(status),
    ...(options.random ? { random: options.random } : {}),
  });
  return { db, service, requests, events, secrets };
};
