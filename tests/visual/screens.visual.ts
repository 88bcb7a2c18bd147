import { expect, test, type Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { demoTemplateItems } from '../../electron/core/dev/demo-templates';
import { fromWebSocket } from '../../electron/web-host/web-socket-transport';
import { contract, type BottegaClient } from '../../shared/contract';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { seedAnchorDefault } from '../platform/seed';
import { useDemoServers } from '../e2e/demo-servers';
import { InsightsPage } from '../e2e/pages/insights-page';
import { readWorkspace } from '../e2e/web-host-process';

/*
 * Every screen in light and dark, at 1440 and 800 px, in English and German (the proposal editor also in Italian),
 * compared with tests/visual/baselines/<screen>-<width>-<language>-<theme>.png. What makes two runs agree:
 *  - data: the demo platform's seed (seed 7, its fixed anchor) without the live actor, so nothing arrives during the run;
 *    the workspace signed in and synced before the first page opens, and nothing the run does writes to it (the
 *    conversation shown has nothing unread, no draft is made);
 *  - time: the page's clock stands still an hour after the seed's anchor (relative times, "today", insight periods);
 *  - rendering: fixed viewport, device scale 1, time zone and locale (playwright.config.ts), animations and caret off,
 *    every text drawn with Noto Sans (checked through the DevTools protocol, below), the mouse never over the page;
 *  - one web host and one page for the whole suite: each screen is reached by its address and shot in all four
 *    theme × width combinations before moving on.
 */
const demo = useDemoServers({ platform: { simulation: false } });

const now = new Date(Date.parse(seedAnchorDefault) + 3600_000);
const widths = [1440, 800] as const;
const themes = ['light', 'dark'] as const;
type Language = 'en' | 'de' | 'it';

let core: BottegaClient;
let socket: WebSocket;

/** A contract client on the web host's socket, as the renderer has: the run's own hand on the workspace. */
const connectCore = async (url: string): Promise<void> => {
  const page = new URL(url);
  socket = new WebSocket(`ws://${page.host}/rpc?token=${page.searchParams.get('token')}`, { origin: page.origin });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  core = createClient(contract, createBridge(contract, fromWebSocket(socket)));
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await connectCore(demo.host.url);
  expect(await core.sync.signIn({ email: demo.platform.users.demo.email, password: demo.platform.users.demo.password })).toEqual({ ok: true });
  // The first sync (a few thousand records, on a machine shared with other runs) and its pictures, done and idle.
  await expect
    .poll(async () => {
      const status = await core.sync.getStatus();
      const images = await core.portfolio.getImageDownloads({});
      return status.lastSyncAt !== null && status.phase === 'idle' && status.pending === 0 && !images.active && images.done === images.total;
    }, { timeout: 90_000 })
    .toBe(true);
  for (const template of demoTemplateItems()) await core.proposals.saveTemplate(template);
});

test.afterAll(() => socket?.close());

/** What the screens show: records chosen from the synced workspace by what they are, never by chance. */
const pick = () =>
  readWorkspace(demo.host.dataDir, (db) => ({
    // A project in the feed with a client's questions and a long description: the fullest detail.
    project: (db.prepare("SELECT id FROM projects WHERE status = 'open' AND language = 'de' ORDER BY length(description) DESC, id LIMIT 1").get() as { id: string }).id,
    // A conversation about a project, already read (opening it changes nothing), with the most messages.
    thread: (db.prepare("SELECT id FROM threads WHERE unread_count = 0 AND project_id IS NOT NULL ORDER BY message_count DESC, id LIMIT 1").get() as { id: string }).id,
    // A proposal with a letter in two languages and milestones: the fullest editor.
    proposal: (db.prepare("SELECT id FROM proposals WHERE status = 'submitted' ORDER BY (SELECT count(*) FROM proposal_variants v WHERE v.proposal_id = proposals.id) DESC, id LIMIT 1").get() as { id: string }).id,
    // The newest story, open beside the list.
    story: (db.prepare('SELECT id FROM stories ORDER BY published_at DESC, id LIMIT 1').get() as { id: string }).id,
    client: (db.prepare('SELECT client_id AS id FROM threads WHERE unread_count = 0 AND client_id IS NOT NULL ORDER BY message_count DESC, id LIMIT 1').get() as { id: string }).id,
  }));

/**
 * Two things differ from run to run in what the core sends: it stamps what it does with the real time (the last
 * sync) while the page's clock stands still, and the platform listens on a free port. On the page's socket those
 * stamps read as the page's now ("Synced this minute") and the platform's address as one fixed address; everything
 * else passes unchanged.
 */
const coreStamps = new Set(['lastSyncAt']);
const shownPlatformUrl = 'http://127.0.0.1:4010';
const restamp = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(restamp);
  if (typeof value === 'string' && value.startsWith(demo.platform.url)) return shownPlatformUrl + value.slice(demo.platform.url.length);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, coreStamps.has(key) && typeof inner === 'string' ? now.toISOString() : restamp(inner)]),
  );
};

/** Opens the app once, its clock standing still, the core's stamps at that time, the palette's recent list empty. */
const openApp = async (page: Page): Promise<void> => {
  await page.routeWebSocket(/\/rpc\?/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => server.send(message));
    server.onMessage((message) => socket.send(typeof message === 'string' ? JSON.stringify(restamp(JSON.parse(message))) : message));
  });
  await page.clock.setFixedTime(now);
  // Each test starts from the same settings, whatever the one before left.
  await core.settings.setLanguage({ language: 'en' });
  await core.settings.setTheme({ theme: 'light' });
  await page.goto(demo.host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toHaveText(/Synced this minute/);
};

const setLanguage = async (page: Page, language: Language): Promise<void> => {
  await core.settings.setLanguage({ language });
  await expect(page.locator('html')).toHaveAttribute('lang', language);
};

const setTheme = async (page: Page, theme: (typeof themes)[number]): Promise<void> => {
  await core.settings.setTheme({ theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
};

/** Goes to an address inside the app (as a link would) and waits for what says the screen is there. */
const visit = async (page: Page, hash: string, ready: (page: Page) => Promise<void>): Promise<void> => {
  await page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
  await ready(page);
};

/**
 * Every text on screen is drawn with Noto Sans (the font .ci/run installs and tokens.css names first): asked of the
 * browser through the DevTools protocol for a sample of elements, so a missing font fails here, not as a diff.
 */
const expectNotoOnly = async (page: Page): Promise<void> => {
  const session = await page.context().newCDPSession(page);
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'h1, h2, button, a, li, p, input, [role=row], [role=option], span' });
  const families = new Set<string>();
  for (const nodeId of nodeIds.slice(0, 200)) {
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const font of fonts) families.add(font.familyName);
  }
  await session.detach();
  expect([...families]).toEqual(['Noto Sans']);
};

/** One screen in both themes and both widths. */
const shootScreen = async (page: Page, name: string, language: Language, ready: (page: Page) => Promise<void>): Promise<void> => {
  for (const theme of themes) {
    await setTheme(page, theme);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await ready(page);
      // Nothing still loading (lists, figures, pictures).
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(page).toHaveScreenshot(`${name}-${width}-${language}-${theme}.png`);
    }
  }
};

const screens = (ids: ReturnType<typeof pick>) =>
  [
    ['feed', '#/feed', async (page: Page) => void (await expect(page.getByTestId('project-row').first()).toBeVisible())],
    ['project', `#/feed/${ids.project}`, async (page: Page) => void (await expect(page.getByTestId('project-detail')).toBeVisible())],
    ['clients', `#/clients/${ids.client}`, async (page: Page) => void (await expect(page.getByTestId('client-detail')).toBeVisible())],
    ['messages', `#/messages/${ids.thread}`, async (page: Page) => void (await expect(page.getByTestId('message').first()).toBeVisible())],
    ['proposals', '#/proposals', async (page: Page) => void (await expect(page.getByTestId('proposal-row').first()).toBeVisible())],
    ['editor', `#/proposals/${ids.proposal}`, async (page: Page) => void (await expect(page.locator('.ProseMirror').first()).toBeVisible())],
    ['portfolio', '#/portfolio', async (page: Page) => void (await expect(page.locator('img.pf-thumb').first()).toBeVisible())],
    ['community', `#/community/stories/${ids.story}`, async (page: Page) => void (await expect(page.getByTestId('story-reader')).toBeVisible())],
    ['insights', '#/insights', async (page: Page) => new InsightsPage(page).waitForFigures()],
    ['settings', '#/settings', async (page: Page) => void (await expect(page.getByTestId('account-card')).toBeVisible())],
  ] as const;

for (const language of ['en', 'de'] as const) {
  test(`every screen in ${language}, light and dark, 1440 and 800 px`, async ({ page }) => {
    const ids = pick();
    await openApp(page);
    await setLanguage(page, language);
    for (const [name, hash, ready] of screens(ids)) {
      await visit(page, hash, ready);
      if (name === 'feed') await expectNotoOnly(page);
      await shootScreen(page, name, language, ready);
    }
    // The command centre over the feed, nothing typed, nothing used before.
    await visit(page, '#/feed', screens(ids)[0][2]);
    await page.evaluate(() => (globalThis as unknown as { localStorage: { removeItem: (key: string) => void } }).localStorage.removeItem('bottega.palette.recent'));
    await shootScreen(page, 'command-centre', language, async () => {
      if (!(await page.getByTestId('command-palette').isVisible())) await page.keyboard.press('Control+k');
      await expect(page.getByTestId('palette-input')).toBeFocused();
    });
    await page.keyboard.press('Escape');
  });
}

test('the proposal editor in Italian, light and dark, 1440 and 800 px', async ({ page }) => {
  const ids = pick();
  await openApp(page);
  await setLanguage(page, 'it');
  const [, hash, ready] = screens(ids)[5];
  await visit(page, hash, ready);
  await shootScreen(page, 'editor', 'it', ready);
});
