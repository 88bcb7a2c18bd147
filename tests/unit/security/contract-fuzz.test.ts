import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core';
import { seedWorkspaceIfEmpty } from '../../../electron/core/dev/seed-workspace';
import { contract } from '../../../shared/contract';
import { createBridge, type RpcResult } from '../../../shared/rpc/bridge';
import { rpcErrorSchema } from '../../../shared/rpc/errors';
import { createInProcessPair } from '../../../shared/rpc/transport';

/**
 * Thousands of random payloads at every method of the contract, through the real core on a real
 * SQLite file over the in-process transport: every answer is a typed result, a rejected payload is
 * `invalid_input`, the core never crashes, and the database is byte-for-byte what it was.
 */

const runsPerMethod = 1000;

/** A digest of every row of every table (FTS shadow tables included): any write changes it. */
const hashDatabase = (core: Core): string => {
  const hash = createHash('sha256');
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>;
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    for (const row of core.db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : Buffer.isBuffer(value) ? value.toString('base64') : value)));
    }
  }
  hash.update(String(core.db.pragma('user_version', { simple: true })));
  return hash.digest('hex');
};

/** Payloads shaped like real inputs as well as pure noise, so validation is exercised beyond the first check. */
const payload = fc.oneof(
  fc.anything({ withBigInt: false, withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
  fc.constantFrom(undefined, null, '', 0, -1, Number.NaN, Number.POSITIVE_INFINITY, [], {}, '__proto__', { __proto__: { polluted: true } }),
  fc.record(
    {
      offset: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      limit: fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.double(), fc.string()),
      sort: fc.oneof(fc.string(), fc.constantFrom('newest', 'budget', 'oldest', 'DROP TABLE projects')),
      language: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('xx', 'EN', 'it-IT', "it'; --"), fc.integer()),
      channel: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('nightly', 'Beta', 'latest', 'stable ')),
      extra: fc.anything({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ),
);

const channels = Object.entries(contract.methods).flatMap(([domain, methods]) => Object.keys(methods).map((method) => [domain, method] as const));
/** Calls with effects (writes, network, quitting) when their input is valid: only invalid inputs are thrown at them. */
const writes = new Set([
  'settings.setLanguage',
  'settings.setTheme',
  'settings.setPaneSize',
  'sync.signIn',
  'sync.signOut',
  'sync.syncNow',
  'updates.setChannel',
  'updates.restartNow',
  'updates.checkNow',
  // Recovery moves the workspace file aside; on an open workspace they are refused (conflict).
  'workspace.restoreBackup',
  'workspace.startEmpty',
  'workspace.retryOpen',
]);

describe('the contract under random payloads', () => {
  let dir: string;
  let core: Core;
  let call: (domain: string, method: string, input: unknown) => Promise<RpcResult<unknown>>;
  let send: (frame: unknown) => void;
  let before: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-fuzz-'));
    core = await openCore({ dataDir: dir, version: '1.0.0', host: 'web', validateOutput: true });
    seedWorkspaceIfEmpty(core, 50);
    const [serverEnd, clientEnd] = createInProcessPair();
    core.serve(serverEnd);
    const bridge = createBridge(contract, clientEnd) as unknown as Record<string, Record<string, (input: unknown) => Promise<RpcResult<unknown>>>>;
    call = (domain, method, input) => bridge[domain]![method]!(input);
    send = (frame) => clientEnd.send(frame);
    before = hashDatabase(core);
  });

  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(channels)('%s.%s answers every payload with a typed result and writes nothing', async (domain, method) => {
    const spec = contract.methods[domain as keyof typeof contract.methods][method as never] as { input: { safeParse(value: unknown): { success: boolean } } };
    const channel = `${domain}.${method}`;
    await fc.assert(
      fc.asyncProperty(payload, async (input) => {
        // The core sees the payload after structured cloning (MessagePort, in-process pair): judge that.
        let delivered: unknown;
        try {
          delivered = structuredClone(input);
        } catch {
          return;
        }
        const valid = spec.input.safeParse(delivered).success;
        fc.pre(!(valid && writes.has(channel)));
        const result = await call(domain, method, input);
        if (valid) {
          expect(result.ok).toBe(true);
          return;
        }
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(rpcErrorSchema.safeParse(result.error).success).toBe(true);
          expect(result.error.code).toBe('invalid_input');
        }
      }),
      { numRuns: runsPerMethod },
    );
    expect(hashDatabase(core)).toBe(before);
  });

  it('survives malformed frames and unknown channels, and keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ maxDepth: 3 }),
          fc.record({ kind: fc.constantFrom('request', 'response', 'event', 'x'), id: fc.oneof(fc.integer(), fc.string(), fc.double()), channel: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('__proto__.x', 'constructor.constructor', 'app.getInfo.x', 'toString')), input: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
        ),
        async (frame) => {
          try {
            send(frame);
          } catch {
            // Not cloneable: never leaves the sender.
          }
          await expect(call('app', 'getInfo', undefined)).resolves.toMatchObject({ ok: true });
        },
      ),
      { numRuns: 2000 },
    );
    await expect(call('app', 'getInfo', undefined)).resolves.toMatchObject({ ok: true, value: { version: '1.0.0' } });
    expect(hashDatabase(core)).toBe(before);
  });
});
