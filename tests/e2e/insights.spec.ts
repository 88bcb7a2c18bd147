import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openReadableDatabase } from '../../electron/core/db/database';
import { computeFunnel, computeWinRates } from '../../electron/core/insights/insight-figures';
import { AppPage } from './pages/app-page';
import { InsightsPage } from './pages/insights-page';
import { useDemoServers } from './demo-servers';

const demo = useDemoServers();

/** What the core computes from the workspace the host serves, read from its file (all time, every account). */
const readFigures = () => {
  const db = openReadableDatabase(path.join(demo.host.dataDir, 'workspace.sqlite'));
  try {
    const filter = { from: null, to: null, account: null };
    return { funnel: computeFunnel(db, filter), winRates: computeWinRates(db, filter, 'language') };
  } finally {
    db.close();
  }
};

test('insights on the demo workspace: figures equal the core’s, shown as a table, exported as CSV, in English and German', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setViewportSize({ width: 1440, height: 1700 });
  const app = new AppPage(page);
  const insights = new InsightsPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  await expect(app.syncIndicator()).toHaveText(/Synced/, { timeout: 30_000 });

  await insights.open();
  const core = readFigures();
  expect(core.funnel.sample).toBeGreaterThan(0);
  // The funnel's sample, said as the core counts it.
  await expect(insights.sample('funnel')).toContainText(`Based on ${core.funnel.sample} proposal`);
  await app.screenshot('insights-1440-en');

  // The table view shows every stage with the core's count.
  await insights.showTable('funnel');
  const rows = await insights.readTable('funnel');
  expect(rows.map((row) => [row[0], row[1]])).toEqual([
    ['Drafted', String(core.funnel.stages[0]!.count)],
    ['Submitted', String(core.funnel.stages[1]!.count)],
    ['Client replied', String(core.funnel.stages[2]!.count)],
    ['Shortlisted', String(core.funnel.stages[3]!.count)],
    ['Awarded', String(core.funnel.stages[4]!.count)],
  ]);

  // Win rates by language: a row per language the core found, each with its sample; small ones flagged.
  await insights.showTable('win-rates');
  const winRows = await insights.readTable('win-rates');
  expect(winRows.map((row) => row[1])).toEqual(core.winRates.rows.map((row) => String(row.submitted)));
  const small = core.winRates.rows.filter((row) => row.submitted < 30).length;
  await expect(insights.table('win-rates').locator('tr[data-small]')).toHaveCount(small);

  // CSV beside the table: the same numbers, machine-readable.
  const csv = await insights.exportCsv('funnel');
  expect(csv.name).toMatch(/^insights-funnel-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('Stage,Proposals,Share of drafted');
  expect(lines.slice(1).map((line) => line.split(',').slice(0, 2))).toEqual(core.funnel.stages.map((stage) => [stage.stage, String(stage.count)]));
  await app.screenshot('insights-tables-1440-en');

  // A shorter period asks the core again; back to all time.
  await insights.choosePeriod('month');
  await insights.choosePeriod('all');

  // German, at 800 px: the longest words on the narrowest window.
  await app.chooseLanguage('de');
  await page.setViewportSize({ width: 800, height: 2600 });
  await insights.open();
  await expect(insights.sample('funnel')).toContainText(`Aus ${core.funnel.sample} Angebot`);
  await app.screenshot('insights-800-de');
  await page.setViewportSize({ width: 1440, height: 1700 });
  await app.screenshot('insights-1440-de');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('insights-1440-de-dark');
  await page.setViewportSize({ width: 800, height: 2600 });
  await app.chooseLanguage('en');
  await insights.open();
  await app.screenshot('insights-800-en-dark');
  expect(errors).toEqual([]);
});
