/**
 * Signing in to Freelancer.com through the browser (OAuth 2.0 with PKCE, issue #14) in Chromium against the
 * fixture's accounts site. web-host has no system browser: it prints the page the core asks it to open, and the
 * test follows it in a second tab as the user's browser would (consent page, Allow or Deny, then the redirect to
 * the core's loopback listener, whose page says the tab can be closed). Settings shows "Waiting for your
 * browser…" with Cancel meanwhile, and each failure in the user's language with what to do next. A web-host
 * without a client id offers no browser sign-in and says why.
 */
import { expect, test, type Page } from '@playwright/test';
import { startFreelancerFixture, type FreelancerFixture } from '../platform/freelancer/server';
import { AccountsPage } from './pages/accounts-page';
import { AppPage } from './pages/app-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

const clientId = 'bottega-e2e-client';
let freelancer: FreelancerFixture;
let host: RunningWebHost;

test.beforeAll(async () => {
  freelancer = await startFreelancerFixture({ seed: 11, scale: 'tiny', anchor: 'now', warm: true, oauth: { clientId } });
  host = await startWebHostProcess([], { env: { BOTTEGA_FREELANCER_CLIENT_ID: clientId } });
});
test.afterAll(async () => {
  await host?.stop();
  await freelancer?.close();
});

const signInPage = /Open this sign-in page in your browser: (http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+)/;

/** The sign-in page the core asked web-host to open, in a second tab; the consent page's button pressed. */
const answerInBrowser = async (page: Page, url: string, decision: 'Allow' | 'Deny'): Promise<Page> => {
  const tab = await page.context().newPage();
  await tab.goto(url);
  await expect(tab.getByRole('heading', { name: 'Allow Bottega to access your Freelancer.com account?' })).toBeVisible();
  await tab.getByRole('button', { name: decision }).click();
  return tab;
};

test('Settings signs in with Freelancer.com through the browser: waiting, the consent page in a second tab, the loopback page, the account added', async ({ page }) => {
  const app = new AppPage(page);
  const accounts = new AccountsPage(page);
  await app.open(host.url);
  await app.goTo('settings');
  await accounts.openAdd();
  await expect(accounts.addDialog.getByTestId('browser-sign-in')).toHaveText('Sign in with Freelancer.com');
  await app.screenshot('accounts-browser-add-en');

  // Allowed: the second tab ends on the loopback page, the account is added and syncs.
  const opened = host.nextOutput(signInPage);
  await accounts.startBrowserSignIn({ url: freelancer.url });
  await expect(accounts.addDialog.getByTestId('browser-sign-in-waiting')).toContainText('Waiting for your browser…');
  await app.screenshot('accounts-browser-waiting-en');
  const [, authorizeUrl] = await opened;
  const authorize = new URL(authorizeUrl!);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('client_id')).toBe(clientId);
  const tab = await answerInBrowser(page, authorizeUrl!, 'Allow');
  await expect(tab.getByRole('heading', { name: 'You can close this tab' })).toBeVisible();
  expect(new URL(tab.url()).origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  // The loopback listener's own page, in the app's language.
  await tab.screenshot({ path: 'test-results/screens/accounts-browser-done-en.png' });
  await tab.close();
  await expect(accounts.addDialog).toBeHidden();
  await expect(accounts.rows).toHaveCount(1);
  const label = freelancer.world.self.displayName;
  await expect(accounts.state(label)).toHaveText('Up to date');
  expect(freelancer.oauth.counts()).toMatchObject({ codeExchanges: 1 });
});

test('in German at 800 px: a refusal on the consent page, a wait cancelled, the dialog closed while waiting; nothing added', async ({ page }) => {
  const app = new AppPage(page);
  const accounts = new AccountsPage(page);
  await app.open(host.url);
  await app.goTo('settings');
  // Nothing exchanged, nothing added: the fixture counts every code it exchanges.
  const exchanges = freelancer.oauth.counts().codeExchanges;
  await app.chooseLanguage('de');
  await page.setViewportSize({ width: 800, height: 800 });
  await accounts.openAdd();
  await app.screenshot('accounts-browser-add-de-800');
  const again = host.nextOutput(signInPage);
  await accounts.startBrowserSignIn({ url: freelancer.url });
  await expect(accounts.addDialog.getByTestId('browser-sign-in-waiting')).toContainText('Warte auf Ihren Browser…');
  await app.screenshot('accounts-browser-waiting-de-800');
  const [, deniedUrl] = await again;
  const deniedTab = await answerInBrowser(page, deniedUrl!, 'Deny');
  await expect(deniedTab.getByRole('heading', { name: 'Die Anmeldung wurde nicht abgeschlossen' })).toBeVisible();
  await deniedTab.close();
  await expect(accounts.addDialog.getByTestId('browser-sign-in-error')).toHaveText(
    'Auf der Seite von Freelancer.com wurde der Zugriff nicht erteilt. Melden Sie sich erneut an und erlauben Sie Bottega den Zugriff, oder fügen Sie stattdessen ein persönliches Zugriffstoken ein.',
  );
  await app.screenshot('accounts-browser-denied-de-800');

  const third = host.nextOutput(signInPage);
  await accounts.addDialog.getByTestId('browser-sign-in').click();
  await third;
  await accounts.addDialog.getByTestId('browser-sign-in-cancel').click();
  await expect(accounts.addDialog.getByTestId('browser-sign-in-error')).toHaveText('Anmeldung abgebrochen. Es wurde nichts geändert.');
  // The token path is still there, under the browser's.
  await expect(accounts.addDialog.getByTestId('account-token')).toBeVisible();
  await accounts.addDialog.getByRole('button', { name: 'Abbrechen' }).click();

  // Closing the dialog while the browser is out stops the core listening for it.
  await accounts.openAdd();
  const fourth = host.nextOutput(signInPage);
  await accounts.startBrowserSignIn({ url: freelancer.url });
  const redirectUri = new URL((await fourth)[1]!).searchParams.get('redirect_uri')!;
  await page.keyboard.press('Escape');
  await expect(accounts.addDialog).toBeHidden();
  await expect.poll(() => fetch(`${redirectUri}?code=late&state=late`).then(() => 'listening', () => 'closed')).toBe('closed');
  expect(freelancer.oauth.counts().codeExchanges).toBe(exchanges);
  await app.chooseLanguage('system');
});

test('a web-host without a client id offers no browser sign-in and says the token works', async ({ page }) => {
  const plain = await startWebHostProcess();
  try {
    const app = new AppPage(page);
    const accounts = new AccountsPage(page);
    await app.open(plain.url);
    await app.goTo('settings');
    await accounts.openAdd();
    await expect(accounts.addDialog.getByTestId('browser-sign-in')).toHaveCount(0);
    await expect(accounts.addDialog.getByTestId('browser-sign-in-unavailable')).toHaveText(
      'Signing in through the browser is not available: this build of Bottega has no app registered with Freelancer.com. A personal access token works just as well.',
    );
    await expect(accounts.addDialog.getByTestId('account-token')).toBeVisible();
    await app.screenshot('accounts-browser-unavailable-en');
  } finally {
    await plain.stop();
  }
});
