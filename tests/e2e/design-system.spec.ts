import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ProposalsPage } from './pages/proposals-page';
import { PortfolioPage } from './pages/portfolio-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;
test.beforeAll(async () => {
  host = await startWebHostProcess(['--seed-demo', '--seed-count', '200']);
});
test.afterAll(async () => host.stop());

const pageBackground = (app: AppPage) => app.page.locator('html').evaluate((html) => html.ownerDocument.defaultView?.getComputedStyle(html).backgroundColor);

test('the theme follows the system until one is chosen; the choice applies at once and survives a reload', async ({ page }) => {
  const app = new AppPage(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open(host.url);
  await app.goTo('settings');
  const theme = page.getByTestId('theme');
  await expect(theme.getByRole('radio', { name: 'Same as the system' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  const systemDark = await pageBackground(app);
  await page.emulateMedia({ colorScheme: 'light' });
  const systemLight = await pageBackground(app);
  // Following the system means following it live, not once at start.
  expect(systemDark).not.toBe(systemLight);

  await theme.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageBackground(app)).toBe(systemDark);
  await app.screenshot('settings-dark-en');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.goTo('settings');
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
  expect(await pageBackground(app)).toBe(systemDark);

  await theme.getByText('Same as the system', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await pageBackground(app)).toBe(systemLight);
});

test('deleting a template acts at once and offers Undo on a toast, in the app\'s language; Undo brings it back; no browser dialog', async ({ page }) => {
  const app = new AppPage(page);
  const browserDialogs: string[] = [];
  page.on('dialog', (dialog) => {
    browserDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.open(host.url);
  await page.goto(`${host.url}#/proposals/library`);
  await page.getByTestId('new-template').click();
  await page.getByTestId('library-name').fill('Short intro');
  await page.getByTestId('library-save').click();
  const row = page.getByTestId('library-row').filter({ hasText: 'Short intro' });
  await expect(row).toHaveCount(1);
  await row.click();

  const remove = page.getByTestId('library-delete');
  await remove.click();
  const toast = page.getByTestId('toast').filter({ hasText: '“Short intro” deleted' });
  await expect(toast).toBeVisible();
  await expect(row).toHaveCount(0);
  await app.screenshot('undo-delete-template-en');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toHaveCount(1);

  await app.chooseLanguage('de');
  await page.goto(`${host.url}#/proposals/library`);
  // The library opens on the UI's language; the template is an English one.
  await new ProposalsPage(page).chooseLibraryLanguage('en');
  await row.click();
  await remove.click();
  const german = page.getByTestId('toast').filter({ hasText: '„Short intro“ gelöscht' });
  await expect(german.getByRole('button', { name: 'Rückgängig' })).toBeVisible();
  await app.screenshot('undo-delete-template-de');
  await expect(row).toHaveCount(0);
  expect(browserDialogs).toEqual([]);
});

test('a portfolio item says it was saved, and is deleted only after the app asked', async ({ page }) => {
  const app = new AppPage(page);
  const portfolio = new PortfolioPage(page);
  await app.open(host.url);
  // The workspace is shared with the tests before: English again, whatever they chose.
  await app.chooseLanguage('en');
  await app.goTo('portfolio');
  const before = await portfolio.rows.count();
  await portfolio.newItem();
  await portfolio.fill('title', 'Menu cards for a trattoria');
  await portfolio.save();
  await expect(page.getByTestId('toast')).toContainText('Item saved');
  await expect(page.getByTestId('toast')).toContainText('Menu cards for a trattoria');
  await expect(portfolio.rows).toHaveCount(before + 1);

  await portfolio.rows.filter({ hasText: 'Menu cards for a trattoria' }).click();
  const question = page.getByTestId('confirm-dialog');
  const remove = portfolio.editor.getByRole('button', { name: 'Delete', exact: true });
  await remove.click();
  await expect(question.getByRole('heading')).toHaveText('Delete “Menu cards for a trattoria”?');
  // A question that deletes starts on Cancel, so Enter alone never deletes; Tab goes round inside it.
  await expect(question.getByTestId('confirm-cancel')).toBeFocused();
  for (let step = 0; step < 4; step += 1) {
    await page.keyboard.press('Tab');
    expect(await question.evaluate((dialog) => dialog.contains(dialog.ownerDocument.activeElement))).toBe(true);
  }
  // Escape keeps the item, and focus goes back to what opened the question.
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(remove).toBeFocused();
  await remove.click();
  await question.getByTestId('confirm-cancel').click();
  await expect(portfolio.rows).toHaveCount(before + 1);

  await portfolio.editor.getByRole('button', { name: 'Delete', exact: true }).click();
  await question.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Item deleted' })).toBeVisible();
  await expect(portfolio.rows).toHaveCount(before);
});
