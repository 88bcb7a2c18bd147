import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { IncomingMessage, ServerResponse } from 'node:http';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { BottegaClient } from '../../../shared/contract';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { PlatformServer } from '../../platform/server';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';
import { useLoopbackServers, type LoopbackServer } from '../../support/loopback-server';

/**
 * A platform gone hostile: between the workspace and the reference platform sits a loopback proxy that, when
 * told to, answers the feed with bodies that never end, pages of 64 MiB, JSON nested 100,000 deep, and floods
 * the event stream. The core must keep its memory bounded, say what went wrong, and sync again as soon as the
 * platform behaves. Titles, names and URLs with line breaks and bidi overrides must leave the files it writes
 * (.ics, PDF) and their names harmless.
 */

const { openWorkspace, startPlatform } = useCoreHarness();
const startServer = useLoopbackServers();

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const mib = 1024 * 1024;
const maxPageBytes = 64 * mib;

/** What the process holds after a full collection: JS heap plus the buffers outside it. */
const retained = (): number => {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

/** Samples the resident set while `run` goes on; gives the highest seen. */
const peakRssDuring = async (run: () => Promise<void>): Promise<number> => {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss);
};

type Misbehaviour = 'endless' | 'huge' | 'deep-page' | 'deep-record' | 'flood' | null;

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const startHostileProxy = async (platform: PlatformServer) => {
  let misbehaviour: Misbehaviour = null;
  const streams = new Set<ServerResponse>();
  const counts = { changes: 0, events: 0 };

  const forward = async (request: IncomingMessage, response: ServerResponse, self: LoopbackServer): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const controller = new AbortController();
    response.on('close', () => controller.abort());
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers[name] = value;
    }
    const upstream = await fetch(`${platform.url}${request.url}`, {
      method: request.method!,
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      signal: controller.signal,
    });
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding'].includes(name)) out[name] = value;
    });
    response.writeHead(upstream.status, out);
    if (upstream.body) for await (const chunk of upstream.body) if (!(await self.writeCounted(response, Buffer.from(chunk)))) return;
    response.end();
  };

  const page = async (response: ServerResponse, self: LoopbackServer, url: string): Promise<void> => {
    const json = { 'content-type': 'application/json; charset=utf-8' };
    switch (misbehaviour) {
      case 'endless': {
        // Chunked, no length, never ends: only the reader's byte count can stop it.
        response.writeHead(200, json);
        const filler = Buffer.alloc(256 * 1024, ' ');
        if (!(await self.writeCounted(response, '{"changes":['))) return;
        while (await self.writeCounted(response, filler)) {
          // Until the core hangs up.
        }
        return;
      }
      case 'huge': {
        // A well-formed page just over the limit, with an honest Content-Length.
        const size = maxPageBytes + mib;
        response.writeHead(200, { ...json, 'content-length': String(size) });
        const filler = Buffer.alloc(mib, ' ');
        for (let sent = 0; sent < size; sent += filler.byteLength) if (!(await self.writeCounted(response, filler))) return;
        response.end();
        return;
      }
      case 'deep-page':
        response.writeHead(200, json);
        response.end(nested(100_000));
        return;
      case 'deep-record': {
        // The platform's own page with one record whose data is nested 100,000 deep spliced in front.
        const upstream = await fetch(`${platform.url}${url}`, { headers: { authorization: authorization ?? '' } });
        const text = await upstream.text();
        const deep = `{"type":"project","op":"upsert","id":"prj_deep","version":1,"data":{"title":"Deep","notes":${nested(100_000)}}}`;
        response.writeHead(upstream.status, json);
        response.end(text.replace(/^\{"changes":\[(\]?)/, (_whole, empty: string) => `{"changes":[${deep}${empty ? ']' : ','}`));
        return;
      }
      default:
    }
  };

  const flood = async (response: ServerResponse, self: LoopbackServer): Promise<void> => {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    const burst = 'event: changes\ndata: {"cursor":"flood"}\n\n'.repeat(100);
    const until = Date.now() + 1_500;
    while (Date.now() < until && misbehaviour === 'flood') {
      if (!(await self.writeCounted(response, burst))) return;
      counts.events += 100;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    response.end();
  };

  let authorization: string | undefined;
  const proxy = await startServer(async (request, response, self) => {
    const url = request.url ?? '/';
    if (typeof request.headers.authorization === 'string') authorization = request.headers.authorization;
    if (url.startsWith('/v1/changes')) {
      counts.changes++;
      if (misbehaviour && misbehaviour !== 'flood') return page(response, self, url);
    }
    if (url.startsWith('/v1/events')) {
      if (misbehaviour === 'flood') return flood(response, self);
      streams.add(response);
      response.on('close', () => streams.delete(response));
    }
    return forward(request, response, self);
  });

  return {
    url: proxy.url,
    counts,
    written: () => proxy.written(),
    misbehave: (next: Misbehaviour) => {
      misbehaviour = next;
      // Event streams already open belong to the old behaviour: cut them so the core reconnects into the new.
      if (next === 'flood') for (const stream of streams) stream.destroy();
    },
  };
};

const settledOnline = (status: SyncStatus) =>
  status.connection === 'online' && status.phase === 'idle' && status.lastError === null && status.lastSyncAt !== null;

/** The status's reason, whether the core words it or gives it as a code for the UI to translate. */
const reasonOf = (status: SyncStatus): string => (typeof status.lastError === 'string' ? status.lastError : JSON.stringify(status.lastError));

/** A sync asked for now ends in a failure the status names (not the catch-all), without leaving the user signed out. */
const failsClearly = async (client: BottegaClient): Promise<string> => {
  client.sync.syncNow();
  const failed = await waitForStatus(client, (s) => s.phase !== 'syncing' && s.lastError !== null);
  expect(reasonOf(failed)).not.toMatch(/unexpected/);
  expect(failed.connection).not.toBe('signed_out');
  return reasonOf(failed);
};

/** The platform behaves again: the next sync succeeds and the workspace is whole. */
const recovers = async (client: BottegaClient): Promise<void> => {
  client.sync.syncNow();
  await waitForStatus(client, settledOnline);
  expect((await client.feed.countProjects({})).total).toBeGreaterThan(0);
};

const openBehindProxy = async () => {
  const platform = await startPlatform({ heartbeatMs: 500 });
  const proxy = await startHostileProxy(platform);
  const workspace = await openWorkspace(proxy.url);
  await workspace.client.sync.signIn({ email: platform.users.demo.email, password: platform.users.demo.password });
  await waitForStatus(workspace.client, settledOnline);
  return { platform, proxy, ...workspace };
};

describe('a hostile platform', () => {
  it('sends feed pages that never end or outgrow the limit: refused at the limit, memory bounded, sync back when it behaves', async () => {
    const { proxy, client } = await openBehindProxy();
    const baseline = retained();
    const rssBefore = process.memoryUsage().rss;

    for (const misbehaviour of ['endless', 'huge'] as const) {
      proxy.misbehave(misbehaviour);
      const writtenBefore = proxy.written();
      let reason = '';
      const peak = await peakRssDuring(async () => {
        reason = await failsClearly(client);
      });
      expect(reason, misbehaviour).toMatch(/more than|too_large/);
      // The core stopped reading at its limit: it did not take in more than that (plus socket buffers).
      expect(proxy.written() - writtenBefore, misbehaviour).toBeLessThan(maxPageBytes + 32 * mib);
      expect(peak - rssBefore, misbehaviour).toBeLessThan(512 * mib);
      proxy.misbehave(null);
      await recovers(client);
    }
    // Nothing of those pages is kept once they were refused.
    expect(retained() - baseline).toBeLessThan(32 * mib);
  });

  it('sends JSON nested 100,000 deep, as a page and inside a record: a clear failure or a quarantined record, never a crash', async () => {
    const { proxy, client, core } = await openBehindProxy();
    const baseline = retained();

    proxy.misbehave('deep-page');
    await failsClearly(client);
    proxy.misbehave(null);
    await recovers(client);

    proxy.misbehave('deep-record');
    const quarantinedBefore = (await client.sync.getStatus()).quarantined;
    client.sync.syncNow();
    const after = await waitForStatus(client, (s) => s.phase === 'idle' && s.quarantined > quarantinedBefore);
    expect(after.connection).toBe('online');
    expect(core.db.prepare("SELECT count(*) AS n FROM projects WHERE id = 'prj_deep'").get()).toEqual({ n: 0 });
    proxy.misbehave(null);
    await recovers(client);
    expect(retained() - baseline).toBeLessThan(32 * mib);
  });

  it('floods the event stream with thousands of events a second: pulls coalesce, memory bounded, the stream is followed again after', async () => {
    const { proxy, client } = await openBehindProxy();
    const baseline = retained();
    const pullsBefore = proxy.counts.changes;
    const rssBefore = process.memoryUsage().rss;

    const peak = await peakRssDuring(async () => {
      proxy.misbehave('flood');
      const deadline = Date.now() + 5_000;
      while (proxy.counts.events < 10_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      // The workspace answers while the flood goes on.
      expect((await client.feed.countProjects({})).total).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 1_600));
    });
    proxy.misbehave(null);
    expect(proxy.counts.events).toBeGreaterThanOrEqual(10_000);
    // One pull at a time and one more after it: far fewer pulls than events.
    expect(proxy.counts.changes - pullsBefore).toBeLessThan(proxy.counts.events / 20);
    expect(peak - rssBefore).toBeLessThan(256 * mib);
    await recovers(client);
    expect(retained() - baseline).toBeLessThan(32 * mib);
  });

  it('names things with line breaks and bidi overrides: .ics, PDF and file names stay harmless', async () => {
    const { platform, client } = await openBehindProxy();
    const rlo = '\u202E';
    const title = `Meetup\r\nATTENDEE;CN=evil:mailto:evil@evil.test\r\n${rlo}gpj.exe ../../etc/passwd`;
    const template = platform.store.getRecord('event', 'evt_000001')!.data as Record<string, unknown>;
    platform.actors.inject({
      type: 'event',
      id: 'evt_hostile',
      op: 'upsert',
      version: 1,
      data: {
        ...template,
        id: 'evt_hostile',
        version: 1,
        title,
        format: 'hybrid',
        venue: 'Sala\r\nDTSTART:19700101T000000Z',
        online_url: 'https://meet.example/room\r\nATTENDEE:mailto:evil@evil.test\r\nX-EVIL:1',
        cancelled: false,
      },
    });
    const project = platform.actors.postProject({ title: `Logo ${rlo}fdp.exe\r\nper /etc/passwd` });
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase === 'idle' && s.lastError === null && s.quarantined === 0);
    const events = await client.community.listEvents({ includePast: true });
    expect(events.map((event) => event.id)).toContain('evt_hostile');

    const { fileName, content } = await client.community.exportEventIcs({ id: 'evt_hostile' });
    expect(fileName).toMatch(/^[\p{L}\p{N}-]+\.ics$/u);
    const unfolded = content.replace(/\r\n /g, '').split('\r\n');
    for (const line of unfolded.filter((line) => line !== '')) {
      expect(line).toMatch(/^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|UID|DTSTAMP|DTSTART|DTEND|SEQUENCE|SUMMARY|DESCRIPTION|LOCATION|URL|STATUS)[;:]/);
    }
    expect(unfolded.filter((line) => line.startsWith('DTSTART'))).toHaveLength(1);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const vevent = new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!;
    expect(vevent.getAllProperties().map((property) => property.name).filter((name) => name === 'attendee' || name.startsWith('x-'))).toEqual([]);
    expect(new ICAL.Event(vevent).summary).toBe(title.replace(/\r\n/g, '\n'));

    const { id } = await client.proposals.createDraft({ projectId: project.id, locale: 'en' });
    const letter = `Hello ${rlo}evil\r\nworld`;
    await client.proposals.saveVariant({
      id,
      locale: 'en',
      bodyJson: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: letter }] }] }),
      bodyText: letter,
    });
    const pdf = await client.proposals.exportPdf({ id, locale: 'en' });
    // Letters and digits of the title, hyphens between: no bidi control, separator or dot comes through.
    expect(pdf.fileName).toMatch(/^proposal-[\p{L}\p{N}-]+-en\.pdf$/u);
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    const portfolio = await client.portfolio.exportPdf({ locale: 'en' });
    expect(portfolio.fileName).toMatch(/^portfolio-[a-z]{2}\.pdf$/);
  });
});
