import { describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../../../shared/domain/project';
import { createProjectWindow, feedPageSize } from '../../../renderer/src/features/feed/project-window';

const makeProject = (id: string, title = id): ProjectSummary => ({
  id,
  title,
  language: 'en',
  kind: 'fixed',
  currency: 'EUR',
  budgetMinMinor: null,
  budgetMaxMinor: null,
  skills: [],
  country: null,
  bidCount: 0,
  status: 'open',
  postedAt: '2026-11-01T00:00:00.000Z',
  account: null,
});

/** A fake core whose answers the test releases one by one, to control the order of arrivals. */
const createFakeSource = (total: number) => {
  let label = 'v1';
  const calls: { offset: number; resolve: () => void }[] = [];
  const fetchPage = (offset: number, limit: number) =>
    new Promise<{ total: number; items: ProjectSummary[] }>((resolve) => {
      const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) =>
        makeProject(`p${offset + i}`, `${label}-${offset + i}`),
      );
      calls.push({ offset, resolve: () => resolve({ total, items }) });
    });
  return {
    fetchPage,
    calls,
    relabel: (next: string) => (label = next),
    flush: async () => {
      for (const call of calls.splice(0)) call.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
};

describe('project window', () => {
  it('loads only the pages in view, once each', async () => {
    const source = createFakeSource(1000);
    let updates = 0;
    const feed = createProjectWindow(source.fetchPage, () => updates++, () => undefined);
    feed.ensureRange(0, 0);
    await source.flush();
    expect(feed.total).toBe(1000);
    expect(feed.getItem(0)?.id).toBe('p0');
    expect(feed.getItem(feedPageSize)).toBeUndefined();

    feed.ensureRange(250, 320);
    feed.ensureRange(250, 320);
    expect(source.calls.map((call) => call.offset)).toEqual([200, 300]);
    await source.flush();
    expect(feed.getItem(310)?.id).toBe('p310');
    expect(updates).toBe(3);
  });

  it('keeps showing old rows after a change until fresh ones arrive, and drops stale answers', async () => {
    const source = createFakeSource(300);
    const feed = createProjectWindow(source.fetchPage, () => undefined, () => undefined);
    feed.ensureRange(0, 10);
    await source.flush();
    expect(feed.getItem(5)?.title).toBe('v1-5');

    feed.invalidate();
    source.relabel('v2');
    feed.invalidate();
    expect(feed.getItem(5)?.title).toBe('v1-5');
    // Two invalidations asked twice; only the last answer may land.
    expect(source.calls).toHaveLength(2);
    await source.flush();
    expect(feed.getItem(5)?.title).toBe('v2-5');
  });

  it('shows the first rows before the total, counts once per version of the data, never while scrolling', async () => {
    // Like the feed: a full page leaves the total out; the count is asked apart and answered later.
    const total = 1_000;
    const pageCalls: number[] = [];
    const counts: (() => void)[] = [];
    const feed = createProjectWindow(
      async (offset, limit) => {
        pageCalls.push(offset);
        const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => makeProject(`p${offset + i}`));
        return { total: items.length < limit ? offset + items.length : null, items };
      },
      () => undefined,
      () => undefined,
      () => new Promise((resolve) => counts.push(() => resolve({ total }))),
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    feed.ensureRange(0, 0);
    await settle();
    // The rows are there; the list is as long as what is loaded, the count asked once.
    expect(feed.getItem(0)?.id).toBe('p0');
    expect(feed.total).toBeNull();
    expect(feed.length).toBe(feedPageSize);
    expect(counts).toHaveLength(1);

    counts.shift()!();
    await settle();
    expect(feed.total).toBe(total);
    expect(feed.length).toBe(total);

    feed.ensureRange(400, 520);
    await settle();
    feed.ensureRange(950, 999);
    await settle();
    expect(feed.getItem(999)?.id).toBe('p999');
    expect(pageCalls).toEqual([0, 400, 500, 900]);
    expect(counts).toHaveLength(0);

    // The data changed: counted again once, the old total shown meanwhile.
    feed.invalidate();
    feed.invalidate();
    await settle();
    expect(feed.total).toBe(total);
    expect(counts).toHaveLength(1);
  });

  it('keys rows by record (by index while not loaded) with one key function until rows arrive', async () => {
    // The virtualizer lays out every row again when its key function changes: a new one per render made it
    // walk all 100k rows of the feed on every scroll step.
    const source = createFakeSource(1000);
    const feed = createProjectWindow(source.fetchPage, () => undefined, () => undefined);
    const empty = feed.itemKey;
    expect(empty(3)).toBe(3);
    feed.ensureRange(0, 0);
    expect(feed.itemKey).toBe(empty);
    await source.flush();
    const firstPage = feed.itemKey;
    expect(firstPage).not.toBe(empty);
    expect(firstPage(3)).toBe('p3');
    expect(firstPage(feedPageSize)).toBe(feedPageSize);

    // Asking for rows already there, or for rows still on their way, keeps the function.
    feed.ensureRange(0, 50);
    feed.ensureRange(150, 180);
    expect(feed.itemKey).toBe(firstPage);
    await source.flush();
    expect(feed.itemKey).not.toBe(firstPage);
    expect(feed.itemKey(150)).toBe('p150');

    // After a change the old rows keep their keys until the fresh page arrives; then it follows the records.
    const beforeChange = feed.itemKey;
    source.relabel('v2');
    feed.invalidate();
    expect(feed.itemKey).toBe(beforeChange);
    await source.flush();
    expect(feed.itemKey).not.toBe(beforeChange);
  });

  it('takes the total from a short first page without counting', async () => {
    let counted = 0;
    const feed = createProjectWindow(
      async () => ({ total: 3, items: ['a', 'b', 'c'].map((id) => makeProject(id)) }),
      () => undefined,
      () => undefined,
      async () => {
        counted++;
        return { total: 3 };
      },
    );
    feed.ensureRange(0, 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(feed.total).toBe(3);
    expect(counted).toBe(0);
  });

  it('reports a failed page and retries it later', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const feed = createProjectWindow(
      async (offset) => {
        if (fail) throw new Error('core gone');
        return { total: 1, items: [makeProject(`p${offset}`)] };
      },
      () => undefined,
      (error) => errors.push(error),
    );
    feed.ensureRange(0, 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveLength(1);
    fail = false;
    feed.ensureRange(0, 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(feed.getItem(0)?.id).toBe('p0');
  });
});
