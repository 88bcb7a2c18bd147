import { expect, test } from '@playwright/test';
import { startFreelancerFixture, type FreelancerFixture } from '../platform/freelancer/server';
import { startPlatformServer, type PlatformServer } from '../platform/server';
import { AccountsPage } from './pages/accounts-page';
import { AppPage } from './pages/app-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let platform: PlatformServer;
let freelancer: FreelancerFixture;
let host: RunningWebHost;
test.beforeAll(async () => {
  platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: false, rateLimit: false });
  freelancer = await startFreelancerFixture({ seed: 7, scale: 'tiny', warm: true });
  host = await startWebHostProcess(['--platform', platform.url]);
});
test.afterAll(async () => {
  await host.stop();
  await freelancer.close();
  await platform.close();
});

test('two accounts of two platforms sync side by side, each listed in Settings with its own status', async ({ page }) => {
  const app = new AppPage(page);
  const accounts = new AccountsPage(page);
  await app.open(host.url);
  await app.signIn(platform.users.demo.email, platform.users.demo.password);
  await expect(accounts.rows).toHaveCount(1);

  // A wrong token adds nothing and says what to do.
  await accounts.addFreelancer({ url: freelancer.url, token: 'not-the-token' });
  await expect(accounts.addDialog.getByTestId('account-form-error')).toContainText('did not accept this token');
  await accounts.addDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(accounts.rows).toHaveCount(1);

  await accounts.addFreelancer({ url: freelancer.url, token: freelancer.token, label: 'Freelancer (studio)' });
  await expect(accounts.addDialog).toBeHidden();
  await expect(accounts.rows).toHaveCount(2);
  await expect(accounts.state('Freelancer (studio)')).toHaveText('Up to date');
  await expect(accounts.state(platform.users.demo.email)).toHaveText('Up to date');
  await app.screenshot('accounts-settings-en');

  await app.chooseLanguage('it');
  await expect(accounts.state('Freelancer (studio)')).toHaveText('Aggiornato');
  await app.screenshot('accounts-settings-it');
  await app.chooseLanguage('system');
});
