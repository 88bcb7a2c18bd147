import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;
test.beforeAll(async () => {
  host = await startWebHostProcess(['--seed-demo', '--seed-count', '1500']);
});
test.afterAll(async () => host.stop());

test('the feed lists projects from the workspace in a virtualized list', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const app = new AppPage(page);
  await app.open(host.url);

  await expect(app.heading).toHaveText('Job feed');
  await expect(app.feedCount).toHaveText('1,500 projects');
  await expect(app.projectRows.first()).toBeVisible();
  // Only what fits on screen is in the DOM, not 1,500 rows.
  expect(await app.projectRows.count()).toBeLessThan(40);
  // The token left the address bar.
  expect(page.url()).not.toContain('token=');
  await app.screenshot('feed-en');

  await page.getByRole('feed').evaluate((list) => list.scrollTo(0, list.scrollHeight));
  await expect(page.locator('[aria-posinset="1500"] [data-testid="project-row"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the first rows show before the feed is counted; the total follows, in English and Italian', async ({ page }) => {
  const app = new AppPage(page);
  const release = await app.holdFeedCounts();
  await app.open(host.url);
  const counting = page.getByTestId('feed-counting');
  await expect(app.projectRows.first()).toBeVisible();
  await expect(counting).toHaveText('Counting projects…');
  await expect(app.feedCount).toHaveCount(0);
  await app.screenshot('feed-counting-en');
  release();
  await expect(app.feedCount).toHaveText('1,500 projects');
  await expect(counting).toHaveCount(0);

  await app.chooseLanguage('it');
  const releaseAgain = await app.holdFeedCounts();
  await page.reload();
  await app.goTo('feed');
  await expect(app.projectRows.first()).toContainText(/Pubblicato/);
  await expect(counting).toHaveText('Conteggio dei progetti…');
  await app.screenshot('feed-counting-it');
  releaseAgain();
  await expect(app.feedCount).toHaveText('1500 progetti');
});

test('switching to Italian applies at once, everywhere, and survives a reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.chooseLanguage('it');

  await expect(app.heading).toHaveText('Impostazioni');
  await expect(app.navLink('feed')).toHaveText('Offerte di lavoro');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await app.screenshot('settings-it');

  await page.reload();
  await expect(app.heading).toHaveText('Impostazioni');
  await app.goTo('feed');
  await expect(app.heading).toHaveText('Offerte di lavoro');
  await expect(app.feedCount).toHaveText('1500 progetti');
  await expect(app.projectRows.first()).toContainText(/Pubblicato/);
  await app.screenshot('feed-it');

  await app.goTo('messages');
  await expect(app.heading).toHaveText('Messaggi');
  await app.screenshot('messages-it');
});

test('every section has its own translated screen', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.chooseLanguage('de');
  const expected = {
    feed: 'Projektbörse',
    clients: 'Kunden',
    messages: 'Nachrichten',
    proposals: 'Angebote',
    portfolio: 'Portfolio',
    settings: 'Einstellungen',
  } as const;
  for (const [section, title] of Object.entries(expected)) {
    await app.goTo(section as keyof typeof expected);
    await expect(app.heading).toHaveText(title);
  }
  await app.chooseLanguage('system');
  await expect(app.heading).toHaveText('Settings');
});
