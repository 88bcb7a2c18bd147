/**
 * The account's profile and portfolio on Freelancer.com beside the user's own (issue #14): the Profile tab shows
 * "On Freelancer.com" read-only, its texts copied into the draft of the language being edited only when asked
 * (and saved only by Save); the Items tab lists the platform's portfolio items below the user's, badged with the
 * account. In English and German, at 800 px too.
 */
import { expect, test } from '@playwright/test';
import { selfPortfolio, selfProfile } from '../platform/freelancer/profile';
import { startFreelancerFixture, type FreelancerFixture } from '../platform/freelancer/server';
import { AppPage } from './pages/app-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let freelancer: FreelancerFixture;
let host: RunningWebHost;

test.beforeAll(async () => {
  freelancer = await startFreelancerFixture({ seed: 7, scale: 'tiny', anchor: 'now', warm: true });
  // Added as Settings adds it, by the scripted setup (web-host --connect, the token in the environment).
  host = await startWebHostProcess(['--connect', `freelancer=${freelancer.url}`], { env: { BOTTEGA_FREELANCER_TOKEN: freelancer.token } });
});
test.afterAll(async () => {
  await host.stop();
  await freelancer.close();
});

test("the Freelancer.com profile and portfolio beside the user's own, read-only; its tagline copied into the headline only when asked", async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`${host.url}#/portfolio/profile`);
  const card = page.getByTestId('platform-profile');
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(card.getByRole('heading', { name: 'On Freelancer.com', exact: true })).toBeVisible();
  await expect(card.getByTestId('platform-badge').first()).toBeVisible();
  await expect(card).toContainText(selfProfile.tagline);
  await expect(card).toContainText('Bologna, Italy');
  await expect(card).toContainText('€35.00');
  await expect(card.getByTestId('platform-portfolio').getByRole('listitem')).toHaveCount(selfPortfolio.length);
  // The user's own headline is untouched until they copy the tagline into it.
  const headline = page.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toHaveValue('');
  await card.getByTestId('use-platform-headline').click();
  await expect(headline).toHaveValue(selfProfile.tagline);
  await expect(card.getByRole('status')).toContainText('Save to keep it');
  await app.screenshot('platform-profile-en');
  await page.setViewportSize({ width: 800, height: 900 });
  // Narrow, the card goes below the form.
  await card.scrollIntoViewIfNeeded();
  await app.screenshot('platform-profile-en-800');

  await page.goto(`${host.url}#/portfolio/items`);
  const listed = page.locator('.pf-list').getByTestId('platform-portfolio');
  await expect(listed.getByRole('listitem')).toHaveCount(selfPortfolio.length);
  await expect(page.locator('.pf-list').getByTestId('platform-badge')).toBeVisible();
  await app.screenshot('platform-portfolio-items-en-800');

  await app.chooseLanguage('de');
  await page.goto(`${host.url}#/portfolio/profile`);
  await expect(card.getByRole('heading', { name: 'Auf Freelancer.com', exact: true })).toBeVisible();
  await expect(card).toContainText('Bologna, Italien');
  // Skills by their name in the UI's language (the catalogue's), not as Freelancer names its jobs.
  await expect(card).toContainText('Suchmaschinenoptimierung');
  await expect(card).not.toContainText('Search Engine Optimization');
  await expect(card.getByTestId('use-platform-bio')).toContainText('In „Über Sie“ übernehmen');
  await card.scrollIntoViewIfNeeded();
  await app.screenshot('platform-profile-de-800');
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.screenshot('platform-profile-de');
});
