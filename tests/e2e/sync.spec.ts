import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { useDemoServers } from './demo-servers';

const demo = useDemoServers();

test('a freelancer signs in, the workspace syncs, and a new posting appears live', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(demo.host.url);
  await expect(app.syncIndicator()).toHaveText(/Not signed in/);

  await app.signIn(demo.platform.users.demo.email, 'not the password');
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  await expect(page.getByTestId('account-card')).toContainText(`Signed in as ${demo.platform.users.demo.email}`);
  await app.waitUntilSynced();
  await app.screenshot('settings-signed-in-en');

  await app.goTo('feed');
  await expect(app.projectRows.first()).toBeVisible();
  const before = Number((await app.feedCount.textContent())?.replace(/\D/g, ''));
  expect(before).toBeGreaterThan(0);

  demo.platform.actors.postProject({ title: 'Landing page per un birrificio artigianale' });
  await expect(app.feedCount).toHaveText(`${before + 1} projects`);
  await expect(app.projectRows.first()).toContainText('Landing page per un birrificio artigianale');
  await app.screenshot('feed-synced-en');

  await app.chooseLanguage('fr');
  await expect(app.syncIndicator()).toHaveText(/Synchronisé/);
  await app.screenshot('settings-signed-in-fr');
  await app.chooseLanguage('system');
});
