import { describe, expect, it } from 'vitest';
import { createInlineParser, createWorkerParser } from '../../../electron/core/sync/feed-parser';
import { workspaceFileName } from '../../../electron/core/core';

const client = {
  id: 'cli_000001', version: 3, name: 'Maxime Dupont', company: null, country: 'BE', city: 'Liège', primary_language: 'fr',
  languages: ['fr', 'en'], reputation: 3.8, reviews_count: 109, payment_verified: true, projects_posted: 4,
  registered_at: '2020-08-11T22:01:07Z', updated_at: '2020-08-11T22:01:07.000Z',
  // A field this version does not know: kept in `raw`, not lost.
  loyalty_tier: 'gold',
};
const page = JSON.stringify({
  changes: [
    { type: 'client', op: 'upsert', id: client.id, version: 3, data: client },
    { type: 'client', op: 'upsert', id: 'cli_000002', version: 1, data: { ...client, id: 'cli_000002', version: 1, name: '' } },
    { type: 'project', op: 'delete', id: 'prj_000009', version: 4, data: null },
  ],
  next_cursor: 'c2',
  has_more: true,
});
const bytes = () => new TextEncoder().encode(page);

describe('feed parser', () => {
  it('checks and maps a page the same way in its worker thread as inline: invalid records named, unknown fields kept raw', async () => {
    const inline = await createInlineParser().parse(bytes());
    const parser = createWorkerParser({ databaseFile: `/nonexistent/${workspaceFileName}` });
    try {
      expect(parser.thread).toBe('worker');
      expect(await parser.parse(bytes())).toEqual(inline);
    } finally {
      parser.close();
    }
    if (!inline.ok) throw new Error(inline.reason);
    expect(inline).toMatchObject({ nextCursor: 'c2', hasMore: true });
    expect(inline.items.map((item) => [item.op, item.id])).toEqual([
      ['upsert', 'cli_000001'],
      ['invalid', 'cli_000002'],
      ['delete', 'prj_000009'],
    ]);
    const [upsert] = inline.items;
    if (upsert?.op !== 'upsert') throw new Error('expected an upsert');
    const row = Object.fromEntries(inline.columns.client!.map((column, i) => [column, upsert.values[i]]));
    expect(row).toMatchObject({ id: 'cli_000001', name: 'Maxime Dupont', payment_verified: 1, registered_at: '2020-08-11T22:01:07.000Z' });
    expect(JSON.parse(new TextDecoder().decode(upsert.raw))).toEqual(client);
  });

  it('parses inline when the worker is not where the build should have put it, and says so in the log once', async () => {
    const logged: string[] = [];
    const missing = new URL('file:///nonexistent/out/main/feed-parser-worker.js');
    for (let i = 0; i < 2; i++) {
      const parser = createWorkerParser({ databaseFile: `/nonexistent/${workspaceFileName}`, workerUrl: missing, log: (message) => logged.push(message) });
      expect(parser.thread).toBe('inline');
      expect(await parser.parse(bytes())).toEqual(await createInlineParser().parse(bytes()));
      parser.close();
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('/nonexistent/out/main/feed-parser-worker.js');
  });

  it('answers a page that is not one (an HTML portal page, a cut-off body) with the reason, so the pull retries', async () => {
    const parser = createWorkerParser({ databaseFile: `/nonexistent/${workspaceFileName}` });
    try {
      expect(await parser.parse(new TextEncoder().encode('<html>Sign in to the hotel Wi-Fi</html>'))).toMatchObject({ ok: false });
      expect(await parser.parse(bytes().slice(0, 100))).toMatchObject({ ok: false, reason: expect.stringContaining('truncated') });
      expect(await parser.checkpoint()).toBe(false);
    } finally {
      parser.close();
    }
  });

  it('takes a record nested 100,000 deep as one it cannot keep, in the worker as inline; the rest of the page stays good', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const hostile = new TextEncoder().encode(
      page.replace('{"changes":[', `{"changes":[{"type":"client","op":"upsert","id":"cli_deep","version":1,"data":{"loyalty_tier":${deep}}},{"type":"client","op":"upsert","id":"cli_deeper","version":1,"data":${JSON.stringify({ ...client, id: 'cli_deeper', version: 1 }).replace('"gold"', deep)}},`),
    );
    const inline = await createInlineParser().parse(hostile);
    const parser = createWorkerParser({ databaseFile: `/nonexistent/${workspaceFileName}` });
    try {
      // Handed back across threads: what the page keeps of them must be cloneable.
      expect(await parser.parse(hostile)).toEqual(inline);
    } finally {
      parser.close();
    }
    if (!inline.ok) throw new Error(inline.reason);
    expect(inline.items.map((item) => [item.op, item.id])).toEqual([
      ['invalid', 'cli_deep'],
      ['invalid', 'cli_deeper'],
      ['upsert', 'cli_000001'],
      ['invalid', 'cli_000002'],
      ['delete', 'prj_000009'],
    ]);
    // The quarantine can store what is kept of them (its identity, when the record itself cannot be written out).
    for (const item of inline.items.slice(0, 2)) {
      if (item.op !== 'invalid') throw new Error('expected invalid');
      expect(JSON.parse(JSON.stringify(item.envelope))).toMatchObject({ type: 'client', id: item.id, data: null });
    }
    expect(inline.items[1]).toMatchObject({ reason: 'nested too deep' });
  });
});
