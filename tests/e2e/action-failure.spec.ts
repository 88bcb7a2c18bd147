import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { PortfolioPage } from './pages/portfolio-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;
test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

test('a PDF export the core refuses says so in the notice region, in the user’s language', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const app = new AppPage(page);
  const portfolio = new PortfolioPage(page);
  await app.refuseCalls('portfolio.exportPdf', 'unavailable');
  await app.open(host.url);
  await app.goTo('portfolio');
  await portfolio.tab(/^Preview$/).click();
  const notices = page.getByTestId('action-failure');
  await expect(notices).toHaveCount(0);
  await page.getByTestId('download-pdf').click();
  await expect(notices).toHaveText(['Not possible right now: try again in a moment.Dismiss']);
  await app.screenshot('action-failure-en');
  await notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveCount(0);

  await app.chooseLanguage('de');
  await page.getByTestId('nav-portfolio').click();
  await portfolio.tab(/^Vorschau$/).click();
  await page.getByTestId('download-pdf').click();
  await expect(notices).toHaveText([/^Gerade nicht möglich/]);
  await app.screenshot('action-failure-de');
  // Said, not thrown: nothing reached the page as an unhandled error.
  expect(errors).toEqual([]);
  await app.chooseLanguage('en');
});
