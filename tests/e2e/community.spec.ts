import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { startPlatformServer, type PlatformServer } from '../platform/server';
import { readServerFeed } from '../support/platform-view';
import { AppPage } from './pages/app-page';
import { CommunityPage } from './pages/community-page';
import { chooseOption } from './pages/picker';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let platform: PlatformServer;
let host: RunningWebHost;
let platformDir: string;
test.beforeAll(async () => {
  platformDir = mkdtempSync(path.join(tmpdir(), 'bottega-e2e-platform-'));
  platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, heartbeatMs: 1000, dataDir: platformDir });
  host = await startWebHostProcess(['--platform', platform.url]);
});
test.afterAll(async () => {
  await host.stop();
  await platform.close();
  rmSync(platformDir, { recursive: true, force: true });
});

test('a member reads a story offline, finds peers on the map, replies in the forum offline and adds an event to the calendar', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const app = new AppPage(page);
  const community = new CommunityPage(page);
  await app.open(host.url);
  await app.signIn(platform.users.demo.email, platform.users.demo.password);
  await app.waitUntilSynced();

  // The network goes away; the community stays readable.
  const { port } = platform;
  await platform.close();
  await app.syncIndicator().getByRole('button').click();
  await expect(app.syncIndicator()).toHaveText(/Offline/);

  await community.open('stories');
  await expect(page.getByTestId('story-count')).toHaveText('14 stories');
  await community.storySearch.fill('vigna banca');
  await expect(community.storyItems).toHaveCount(1);
  const title = (await community.storyItems.first().locator('.community-item-title').textContent()) ?? '';
  await community.readStory(title);
  await expect(community.storyReader).toContainText('Shopify');
  await page.getByTestId('story-save').click();
  await expect(page.getByTestId('story-save')).toHaveAttribute('aria-pressed', 'true');
  await community.storySearch.fill('');
  await app.screenshot('community-stories-en');

  // The map, filtered by a profession: only the countries where such members live, and their stories.
  await community.openTab('map');
  await expect(page.getByTestId('profession-map').locator('path').first()).toBeAttached();
  await community.filterMapByProfession('Podcast editor');
  const regions = await community.regionItems.count();
  expect(regions).toBeGreaterThan(0);
  await community.regionItems.first().click();
  await expect(community.regionStories.first()).toBeVisible();
  for (const story of await community.regionStories.all()) await expect(story).toContainText('Podcast editor');
  const country = await community.regionItems.first().getAttribute('data-country');
  await expect(page.locator(`path[data-country="${country}"]`)).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot('community-map-en');

  // A reply written offline waits in the outbox…
  await community.openTab('forum');
  const topicTitle = 'Hourly or fixed price for ongoing maintenance?';
  await community.openTopic(topicTitle);
  const body = `Offline reply from the e2e test ${Date.now()}: a 30% deposit works for me.`;
  await community.reply(body);
  await expect(community.postWithText(body)).toHaveAttribute('data-state', 'pending');
  await app.screenshot('community-forum-pending-en');

  // …and is posted exactly once when the platform is back.
  platform = await startPlatformServer({ port, dataDir: platformDir, simulation: true, rateLimit: false, heartbeatMs: 1000 });
  await app.syncIndicator().getByRole('button').click();
  await expect(community.postWithText(body)).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  const server = await readServerFeed(platform.url, platform.users.demo);
  const posted = [...server.get('forum_post')!.values()].filter((record) => (record.data as { body: string }).body === body);
  expect(posted).toHaveLength(1);

  // A hostile post arrives: it reads as text, nothing in it runs or loads.
  const topicId = (posted[0]!.data as { topic_id: string }).topic_id;
  const hostile = '<img src="https://tracker.example/pixel.png" onerror="window.__pwned = 1"><script>window.__pwned = 2</script> **bold**';
  const remote: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(host.url.replace(/\/\?.*$/, ''))) remote.push(request.url());
  });
  const at = new Date(Date.now() + 60_000).toISOString();
  const injected = await fetch(`${platform.url}/v1/simulation/inject`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'forum_post',
      id: 'fps_hostile',
      version: 1,
      data: { id: 'fps_hostile', version: 1, topic_id: topicId, author_id: 'usr_m00002', author_name: '<b>Mallory</b>', body: hostile, reply_to: null, created_at: at, updated_at: at },
    }),
  });
  expect(injected.status).toBe(201);
  await app.syncIndicator().getByRole('button').click();
  await expect(community.postWithText('**bold**').locator('.post-body')).toHaveText(hostile);
  await expect(community.postWithText('**bold**')).toContainText('<b>Mallory</b>');
  expect(await community.topicView.locator('img, script, b').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(remote).toEqual([]);

  // An event goes to the calendar as an .ics file that parses back to the same event.
  await community.openTab('events');
  const event = community.eventItems.first();
  const eventTitle = (await event.getByRole('heading', { level: 2 }).textContent()) ?? '';
  const [download] = await Promise.all([page.waitForEvent('download'), event.getByTestId('event-ics').click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = readFileSync((await download.path()) ?? '', 'utf8');
  const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
  expect(vevent).not.toBeNull();
  const parsed = new ICAL.Event(vevent!);
  expect(eventTitle).toContain(parsed.summary);
  expect(parsed.startDate.toJSDate().getTime()).toBeGreaterThan(0);
  await app.screenshot('community-events-en');
  expect(errors).toEqual([]);
});

test('the community speaks the chosen language, and its language filter applies to every tab', async ({ page }) => {
  const app = new AppPage(page);
  const community = new CommunityPage(page);
  await app.open(host.url);
  await app.chooseLanguage('it');
  await community.open('stories');
  await expect(page.getByTestId('community-tab-map')).toHaveText('Mappa delle professioni');
  await chooseOption(community.languageFilter, 'it');
  // Wait for the filtered list itself (a snapshot of the old one could be longer than the new one).
  await expect(community.storyItems.locator('.community-item-title:not([lang="it"])')).toHaveCount(0);
  await expect(community.storyItems.first()).toBeVisible();
  await community.storyItems.first().click();
  await app.screenshot('community-stories-it');
  await community.openTab('map');
  await expect(page.getByTestId('sector-chart')).toContainText('Professioni per settore');
  await app.screenshot('community-map-it');
  await community.openTab('forum');
  await expect(community.topicItems.locator('.community-item-title:not([lang="it"])')).toHaveCount(0);
  await expect(community.topicItems.first()).toBeVisible();
  await community.topicItems.first().click();
  await app.screenshot('community-forum-it');
  await chooseOption(community.languageFilter, '*');
  await community.openTab('events');
  await expect(community.eventItems.first()).toContainText('Aggiungi al calendario (.ics)');
  await app.screenshot('community-events-it');
  await app.chooseLanguage('de');
  await community.open('map');
  await app.screenshot('community-map-de');
  await app.chooseLanguage('system');
});
