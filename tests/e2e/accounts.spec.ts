/**
 * Several accounts in one workspace (issue #14), in the browser against two real servers on loopback: the
 * reference platform and the Freelancer.com fixture. Both accounts sync side by side; the feed, clients,
 * conversations and proposals show both with their platform badges; the account filter narrows each list;
 * quick find spans both; removing one account in Settings removes its records and nothing else.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jobById } from '../platform/freelancer/catalog';
import { startFreelancerFixture, type FreelancerFixture } from '../platform/freelancer/server';
import { startPlatformServer, type PlatformServer } from '../platform/server';
import { AccountsPage } from './pages/accounts-page';
import { AppPage } from './pages/app-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let platform: PlatformServer;
let freelancer: FreelancerFixture;
let host: RunningWebHost;
let vineyardProjectId = '';
const freelancerLabel = 'Freelancer (studio)';

test.beforeAll(async () => {
  platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: false, rateLimit: false });
  // Anchored now: the Freelancer account's first sync takes the last 30 days' projects.
  freelancer = await startFreelancerFixture({ seed: 7, scale: 'tiny', anchor: 'now', warm: true });
  // One word both platforms' postings share, for the search across accounts.
  platform.actors.postProject({ title: 'Wine labels for a family vineyard' });
  // Of the user's own skills: the connector pulls the active projects matching them.
  const jobs = freelancer.world.self.jobIds.slice(0, 2).map((id) => jobById.get(id)?.name ?? '');
  vineyardProjectId = `prj_fl-${freelancer.world.addProject({ title: 'Label design for a vineyard in Piedmont', jobs }).id}`;
  host = await startWebHostProcess(['--platform', platform.url]);
});
test.afterAll(async () => {
  await host.stop();
  await freelancer.close();
  await platform.close();
});

/** The platforms of the badges shown in the rows `testId` names (each row has at most one). */
const rowPlatforms = (page: Page, testId: string): Promise<string[]> =>
  page.getByTestId(testId).evaluateAll((rows) => rows.map((row) => row.querySelector('[data-testid="platform-badge"]')?.getAttribute('data-platform') ?? 'none'));

const platformsOf = async (page: Page, testId: string): Promise<string[]> => [...new Set(await rowPlatforms(page, testId))].sort();

test('two accounts of two platforms sync side by side; every list shows both, filters by account and searches across them; removing one keeps the other', async ({ page }) => {
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

  await accounts.addFreelancer({ url: freelancer.url, token: freelancer.token, label: 'Freelancer' });
  await expect(accounts.addDialog).toBeHidden();
  await expect(accounts.rows).toHaveCount(2);
  await expect(accounts.state('Freelancer')).toHaveText('Up to date');

  // Rename, pause and resume, sign out and in again: each on that account alone.
  await accounts.act('Freelancer', 'rename');
  await page.getByTestId('rename-input').fill(freelancerLabel);
  await page.getByTestId('rename-save').click();
  await expect(accounts.row(freelancerLabel)).toHaveCount(1);
  await accounts.act(freelancerLabel, 'pause');
  await expect(accounts.state(freelancerLabel)).toHaveText('Paused');
  await expect(accounts.state(platform.users.demo.email)).toHaveText('Up to date');
  await accounts.act(freelancerLabel, 'resume');
  await expect(accounts.state(freelancerLabel)).toHaveText('Up to date');
  await accounts.act(freelancerLabel, 'signOut');
  await expect(accounts.state(freelancerLabel)).toHaveText('Signed out');
  await expect(accounts.state(platform.users.demo.email)).toHaveText('Up to date');
  await accounts.row(freelancerLabel).getByRole('button', { name: 'Sign in…' }).click();
  await page.getByTestId('sign-in-account-dialog').getByTestId('account-token').fill(freelancer.token);
  await page.getByTestId('sign-in-account-dialog').getByTestId('account-submit').click();
  await expect(accounts.state(freelancerLabel)).toHaveText('Up to date');
  await expect(accounts.state(platform.users.demo.email)).toHaveText('Up to date');
  await expect(accounts.row(freelancerLabel)).toContainText('Signed in as');
  await app.screenshot('accounts-settings-en');

  // The feed: both platforms' projects together, each with its badge; the filter narrows to one account.
  await app.goTo('feed');
  await expect(app.feedCount).toBeVisible();
  const total = Number((await app.feedCount.textContent())?.replace(/\D/g, ''));
  await accounts.filterTo(freelancerLabel);
  await expect(app.projectRows.first()).toBeVisible();
  await expect.poll(() => platformsOf(page, 'project-row')).toEqual(['freelancer']);
  const freelancerCount = Number((await app.feedCount.textContent())?.replace(/\D/g, ''));
  await accounts.filterTo(platform.users.demo.email);
  await expect.poll(() => platformsOf(page, 'project-row')).toEqual(['bottega']);
  const bottegaCount = Number((await app.feedCount.textContent())?.replace(/\D/g, ''));
  expect(freelancerCount).toBeGreaterThan(0);
  expect(bottegaCount + freelancerCount).toBe(total);
  await accounts.filterTo(null);
  await expect(app.feedCount).toHaveText(`${total.toLocaleString('en-US')} projects`);
  await app.screenshot('accounts-feed-en');

  // Clients, conversations and proposals: both platforms, and each filter keeps one.
  for (const [section, testId] of [
    ['clients', 'client-row'],
    ['messages', 'thread-row'],
    ['proposals', 'proposal-row'],
  ] as const) {
    await app.goTo(section);
    await expect(page.getByTestId(testId).first()).toBeVisible();
    await expect.poll(() => platformsOf(page, testId), { message: section }).toEqual(['bottega', 'freelancer']);
    await accounts.filterTo(freelancerLabel);
    await expect.poll(() => platformsOf(page, testId), { message: section }).toEqual(['freelancer']);
    await app.screenshot(`accounts-${section}-filtered-en`);
    await accounts.filterTo(null);
    await expect.poll(() => platformsOf(page, testId), { message: section }).toEqual(['bottega', 'freelancer']);
  }
  await app.goTo('messages');
  await app.screenshot('accounts-messages-en');

  // Quick find spans accounts: the word both platforms' postings share finds both, each with its badge.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('vineyard');
  const projects = page.getByTestId('palette-item').filter({ hasText: 'Project' });
  await expect(projects).toHaveCount(2);
  await expect.poll(() => platformsOf(page, 'palette-item')).toEqual(['bottega', 'freelancer']);
  await app.screenshot('accounts-search-en');
  await page.keyboard.press('Escape');

  // Italian, and German at 800 px (the narrowest the window goes).
  await app.chooseLanguage('it');
  await expect(accounts.state(freelancerLabel)).toHaveText('Aggiornato');
  await app.screenshot('accounts-settings-it');
  await app.goTo('feed');
  await expect(app.projectRows.first()).toBeVisible();
  await app.screenshot('accounts-feed-it');
  await app.goTo('messages');
  await expect(page.getByTestId('thread-row').first()).toBeVisible();
  await app.screenshot('accounts-messages-it');
  await app.chooseLanguage('de');
  await page.setViewportSize({ width: 800, height: 800 });
  await expect(accounts.state(freelancerLabel)).toHaveText('Aktuell');
  await app.screenshot('accounts-settings-de-800');
  await accounts.openAdd();
  await accounts.addDialog.locator('summary').click();
  await expect(accounts.addDialog.getByTestId('account-url')).toBeVisible();
  await app.screenshot('accounts-add-de-800');
  await accounts.addDialog.getByRole('button', { name: 'Abbrechen' }).click();
  await app.goTo('feed');
  await expect(app.projectRows.first()).toBeVisible();
  await app.screenshot('accounts-feed-de-800');
  await app.chooseLanguage('system');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A proposal drafted here for a Freelancer project and never sent: removing the account offers it as a file first.
  await app.open(`${host.url}#/proposals/new/${vineyardProjectId}/en`);
  await expect(page).toHaveURL(/#\/proposals\/(?!new)[^/]+$/);
  await app.goTo('settings');

  // Removing the Freelancer account asks first, then its records go and the reference platform's stay.
  await accounts.act(freelancerLabel, 'remove');
  await expect(accounts.removeDialog).toContainText('Nothing is deleted on Freelancer.com');
  await expect(accounts.removeDialog.getByTestId('remove-drafts')).toContainText('You have 1 proposal draft');
  await expect(accounts.removeDialog.getByTestId('remove-confirm')).toHaveText('Remove without exporting');
  await app.screenshot('accounts-remove-en');
  const download = page.waitForEvent('download');
  await accounts.removeDialog.getByTestId('export-drafts').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Bottega drafts - Freelancer \(studio\) - \d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { drafts: { projectId: string }[] };
  expect(exported.drafts.map((draft) => draft.projectId)).toEqual([vineyardProjectId]);
  await expect(accounts.removeDialog.getByTestId('remove-confirm')).toHaveText('Remove account');
  await accounts.removeDialog.getByTestId('remove-confirm').click();
  await expect(accounts.rows).toHaveCount(1);
  await expect(page.getByTestId('toast')).toContainText(`${freelancerLabel} removed`);
  await app.goTo('feed');
  await expect(app.feedCount).toHaveText(`${bottegaCount.toLocaleString('en-US')} projects`);
  await expect.poll(() => platformsOf(page, 'project-row')).toEqual(['bottega']);
  await app.goTo('messages');
  await expect(page.getByTestId('thread-row').first()).toBeVisible();
  await expect.poll(() => platformsOf(page, 'thread-row')).toEqual(['bottega']);
});
