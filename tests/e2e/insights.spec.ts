import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openReadableDatabase } from '../../electron/core/db/database';
import { computeBidCost, computeFunnel, computeWinRates } from '../../electron/core/insights/insight-figures';
import { AppPage } from './pages/app-page';
import { InsightsPage } from './pages/insights-page';
import { useDemoServers } from './demo-servers';

const demo = useDemoServers();

/** What the core computes from the workspace the host serves, read from its file (all time, every account). */
const readFigures = () => {
  const db = openReadableDatabase(path.join(demo.host.dataDir, 'workspace.sqlite'));
  try {
    const filter = { from: null, to: null, account: null };
    return {
      funnel: computeFunnel(db, filter),
      winRates: computeWinRates(db, filter, 'language'),
      skills: computeWinRates(db, filter, 'skill'),
      bidCost: computeBidCost(db, filter),
    };
  } finally {
    db.close();
  }
};

test('insights on the demo workspace: figures equal the core’s, shown as a table, exported as CSV, in every language, light and dark', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setViewportSize({ width: 1440, height: 1700 });
  const app = new AppPage(page);
  const insights = new InsightsPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  await app.waitUntilSynced();

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

  // Win rates by skill (a proposal under each skill of its project): the core's rows, with their CSV.
  await insights.chooseDimension('skill');
  await insights.showTable('win-rates');
  expect((await insights.readTable('win-rates')).map((row) => row[1])).toEqual(core.skills.rows.map((row) => String(row.submitted)));
  const skillCsv = await insights.exportCsv('win-rates');
  expect(skillCsv.name).toMatch(/^insights-win-rates-skill-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(skillCsv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')).toHaveLength(core.skills.rows.length + 1);

  // What bidding cost: the reference platform reports no bid's cost (0 of the submitted), the fee on payments per currency.
  await expect(insights.sample('bid-cost')).toContainText(`of ${core.bidCost.bidsSubmitted} submitted`);
  await insights.showTable('bid-cost');
  const currencies = [...new Set([...core.bidCost.bidFees, ...core.bidCost.currencies].map((row) => row.currency))].sort();
  expect((await insights.readTable('bid-cost')).map((row) => row[0])).toEqual(currencies);

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

  // Every language, light and dark (the app's own theme setting, which outranks the emulated system scheme): the
  // whole screen at 800 px, and at 1440 px in English and German (the longest words). Each language's sample line
  // is checked in its own words and number format.
  const samplePrefix = { en: 'Based on', it: 'Su', de: 'Aus', fr: 'Sur', es: 'Sobre' } as const;
  for (const language of ['en', 'de', 'it', 'fr', 'es'] as const) {
    await app.chooseLanguage(language);
    for (const theme of ['light', 'dark'] as const) {
      await app.goTo('settings');
      await page.getByTestId(`theme-${theme}`).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await insights.open();
      const sample = new Intl.NumberFormat(language).format(core.funnel.sample);
      await expect(insights.sample('funnel')).toContainText(`${samplePrefix[language]} ${sample}`);
      for (const width of language === 'en' || language === 'de' ? [1440, 800] : [800]) {
        await page.setViewportSize({ width, height: width === 800 ? 3400 : 2200 });
        await insights.waitForFigures();
        await page.screenshot({ path: `test-results/screens/insights-${width}-${language}-${theme}.png`, fullPage: true });
      }
    }
  }
  expect(errors).toEqual([]);
});
