/**
 * An account's own follow-up days (issue #16), in Settings → Accounts: the row says the workspace's setting until
 * the account has its own; the dialog's number field takes days in the UI's language, refuses an empty value,
 * keeps what is typed within 1–60, and 'Use the workspace's setting' goes back.
 */
import { expect, test } from '@playwright/test';
import { AccountsPage } from './pages/accounts-page';
import { AppPage } from './pages/app-page';
import { useDemoServers } from './demo-servers';

const demo = useDemoServers();

test('an account’s follow-up days: set in its own dialog, said in its row, back to the workspace’s setting', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setViewportSize({ width: 800, height: 900 });
  const app = new AppPage(page);
  const accounts = new AccountsPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  await app.waitUntilSynced();

  await app.goTo('settings');
  const row = accounts.rows.first();
  const line = row.getByTestId('account-follow-up');
  await expect(line).toHaveText('Follow-up reminder after 3 days without a reply (the workspace’s setting)');

  const open = async (): Promise<void> => {
    await row.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: /follow-up reminders|erinnerungen zum nachfassen/i }).click();
  };
  const dialog = page.getByTestId('follow-up-days-dialog');
  const input = dialog.getByTestId('follow-up-days-input');
  await open();
  await expect(input).toHaveValue('3 days');
  // Empty: marked invalid, Save disabled; nothing saved.
  await input.fill('');
  await input.press('Tab');
  await expect(dialog.getByText('Enter a number of days from 1 to 60.')).toBeVisible();
  await expect(dialog.getByTestId('follow-up-days-save')).toBeDisabled();
  // Out of range typed: brought to the nearest day allowed when the field is left, shown before it is saved.
  await input.fill('90');
  await input.press('Tab');
  await expect(input).toHaveValue('60 days');
  await input.fill('5');
  await input.press('Tab');
  await expect(input).toHaveValue('5 days');
  await page.screenshot({ path: 'test-results/screens/follow-up-days-800-en.png' });
  await dialog.getByTestId('follow-up-days-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(line).toHaveText('Follow-up reminder after 5 days without a reply');

  // In German: the days as German writes them, the arrow keys step.
  await app.chooseLanguage('de');
  await app.goTo('settings');
  await expect(line).toHaveText('Erinnerung zum Nachfassen nach 5 Tagen ohne Antwort');
  await open();
  await expect(input).toHaveValue('5 Tage');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('6 Tage');
  await page.screenshot({ path: 'test-results/screens/follow-up-days-800-de.png' });
  // Enter saves what was typed, even before the field was left.
  await input.fill('7');
  await input.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(line).toHaveText('Erinnerung zum Nachfassen nach 7 Tagen ohne Antwort');
  await open();
  // Back to the workspace's setting.
  await dialog.getByTestId('follow-up-days-reset').click();
  await expect(dialog).toHaveCount(0);
  await expect(line).toHaveText('Erinnerung zum Nachfassen nach 3 Tagen ohne Antwort (Einstellung des Arbeitsbereichs)');
  await app.chooseLanguage('en');
  expect(errors).toEqual([]);
});
