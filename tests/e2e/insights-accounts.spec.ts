/**
 * Insights over two accounts (issue #16), in the browser against the reference platform and the Freelancer.com
 * fixture: win rates by account name both, the account filter narrows every figure to one account's proposals (as
 * the core computes them from the workspace file) and stays chosen, with the period, through a visit to another
 * screen, and the Freelancer account's bids say what they cost (the fixture sponsors some; a plain bid reports 0),
 * per currency; screenshots in German at 800 px and English at 1440.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openReadableDatabase } from '../../electron/core/db/database';
import { computeBidCost, computeFunnel, computeWinRates } from '../../electron/core/insights/insight-figures';
import { startFreelancerFixture, type FreelancerFixture } from '../platform/freelancer/server';
import { startPlatformServer, type PlatformServer } from '../platform/server';
import { AccountsPage } from './pages/accounts-page';
import { AppPage } from './pages/app-page';
import { InsightsPage } from './pages/insights-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let platform: PlatformServer;
let freelancer: FreelancerFixture;
let host: RunningWebHost;

test.beforeAll(async () => {
  platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: false, rateLimit: false });
  // Anchored now: the Freelancer account's first sync takes the last 30 days' projects and every own bid.
  freelancer = await startFreelancerFixture({ seed: 7, scale: 'tiny', anchor: 'now', warm: true });
  host = await startWebHostProcess(['--platform', platform.url]);
});
test.afterAll(async () => {
  await host.stop();
  await freelancer.close();
  await platform.close();
});

/** The core's figures from the workspace file the host serves, for one account or every one (all time). */
const readFigures = (account: string | null) => {
  const db = openReadableDatabase(path.join(host.dataDir, 'workspace.sqlite'));
  try {
    const filter = { from: null, to: null, account };
    return { funnel: computeFunnel(db, filter), byAccount: computeWinRates(db, filter, 'account'), bidCost: computeBidCost(db, filter) };
  } finally {
    db.close();
  }
};

test('insights by account and of one account, with what the Freelancer bids cost', async ({ page }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const app = new AppPage(page);
  const accounts = new AccountsPage(page);
  const insights = new InsightsPage(page);
  await app.open(host.url);
  await app.signIn(platform.users.demo.email, platform.users.demo.password);
  await expect(accounts.rows).toHaveCount(1);
  await accounts.addFreelancer({ url: freelancer.url, token: freelancer.token, label: 'Freelancer' });
  await expect(accounts.rows).toHaveCount(2);
  await expect(accounts.state('Freelancer')).toHaveText('Up to date', { timeout: 30_000 });
  await expect(accounts.state(platform.users.demo.email)).toHaveText('Up to date', { timeout: 30_000 });
  const freelancerId = await accounts.row('Freelancer').getAttribute('data-account-id');
  expect(freelancerId).toMatch(/^acc_/);

  // Every account: win rates by account name both, with the core's samples.
  await insights.open();
  const every = readFigures(null);
  await insights.chooseDimension('account');
  await insights.showTable('win-rates');
  const byAccount = await insights.readTable('win-rates');
  expect(byAccount.map((row) => row[1])).toEqual(every.byAccount.rows.map((row) => String(row.submitted)));
  expect(byAccount.map((row) => row[0]?.replace(/ \*.*$/, ''))).toEqual(
    expect.arrayContaining(['Freelancer', platform.users.demo.email]),
  );

  // The Freelancer account alone: the funnel and the bid costs are its own.
  await page.getByTestId('account-filter').getByRole('button').click();
  await page.getByRole('listbox').locator(`[data-value="${freelancerId}"]`).click();
  await insights.waitForFigures();
  const own = readFigures(freelancerId);
  expect(own.funnel.sample).toBeGreaterThan(0);
  expect(own.funnel.sample).toBeLessThan(every.funnel.sample);
  expect(own.bidCost.bidFeeSample).toBe(own.bidCost.bidsSubmitted);
  await expect(insights.sample('funnel')).toContainText(`Based on ${own.funnel.sample} proposal`);
  await expect(insights.sample('bid-cost')).toContainText(`Based on ${own.bidCost.bidFeeSample} bid`);
  await expect(page.getByTestId('insights-bid-cost-currency')).toHaveCount(
    new Set([...own.bidCost.bidFees, ...own.bidCost.currencies].map((row) => row.currency)).size,
  );

  // The account and the period stay chosen through a visit elsewhere (#16: they were reset on every visit).
  await insights.choosePeriod('year');
  const yearSample = (await insights.sample('funnel').textContent()) ?? '';
  await app.goTo('feed');
  await insights.open();
  await expect(page.getByTestId('insights-period-year')).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('account-filter').getByRole('button')).toHaveAttribute('data-value', String(freelancerId));
  await expect(insights.sample('funnel')).toHaveText(yearSample);
  await insights.choosePeriod('all');

  await page.setViewportSize({ width: 1440, height: 1900 });
  await page.screenshot({ path: 'test-results/screens/insights-accounts-1440-en.png', fullPage: true });
  await app.chooseLanguage('de');
  await page.setViewportSize({ width: 800, height: 3600 });
  await insights.open();
  await page.screenshot({ path: 'test-results/screens/insights-accounts-800-de.png', fullPage: true });
  await app.chooseLanguage('en');
  expect(errors).toEqual([]);
});
