import { expect, test } from '@playwright/test';
import { startPlatformServer, type PlatformServer } from '../platform/server';
import { readServerFeed } from '../support/platform-view';
import { AppPage } from './pages/app-page';
import { ProposalsPage } from './pages/proposals-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let platform: PlatformServer;
let host: RunningWebHost;
test.beforeAll(async () => {
  platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, heartbeatMs: 1000 });
  host = await startWebHostProcess(['--platform', platform.url]);
});
test.afterAll(async () => {
  await host.stop();
  await platform.close();
});

test('a proposal is written from the feed, priced, checked, submitted once, and withdrawn', async ({ page }) => {
  const app = new AppPage(page);
  const proposals = new ProposalsPage(page);
  await app.open(host.url);
  await app.signIn(platform.users.demo.email, platform.users.demo.password);
  await expect(app.syncIndicator()).toHaveText(/Synced/);

  // From a project in the feed to a draft in its language.
  await app.goTo('feed');
  // The first project in the feed without a proposal of ours yet.
  for (let index = 0; ; index++) {
    await app.projectRows.nth(index).click();
    await expect(page.getByTestId('project-description')).toBeVisible();
    if ((await page.getByTestId('write-proposal').count()) > 0) break;
  }
  await page.getByTestId('write-proposal').click();
  await expect(proposals.editor).toBeVisible();
  await expect(proposals.status).toHaveText('Draft');

  // The letter's language is the project's: spell-checking follows it.
  const lang = await proposals.coverLetter.getAttribute('lang');
  expect(lang).toMatch(/^[a-z]{2}/);
  await expect(proposals.coverLetter).toHaveAttribute('spellcheck', 'true');

  // A hostile-looking letter stays text.
  await proposals.type('Hello, I would love to build this. <img src=x onerror=alert(1)> Two weeks, three milestones.');
  await expect(proposals.autosave).toHaveText('All changes saved');
  await expect(proposals.coverLetter.locator('img')).toHaveCount(0);

  await proposals.submit();
  await expect(proposals.problems).toContainText('Enter a price greater than zero.');
  await proposals.setTerms('1500', '14');
  await expect(page.getByTestId('terms-net')).toContainText('Platform fee 10%');
  await expect(proposals.problems).toBeHidden();
  await app.screenshot('proposal-editor-en');

  // The letter saved as a snippet and inserted again at the cursor.
  page.once('dialog', (dialog) => void dialog.accept('Intro'));
  await page.getByTestId('save-snippet').click();
  await page.getByTestId('insert-snippet').selectOption({ label: 'Intro' });
  await expect(proposals.coverLetter).toContainText(/Two weeks, three milestones\.[\s\S]*Hello, I would love/);
  await expect(proposals.autosave).toHaveText('All changes saved');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  expect((await download).suggestedFilename()).toMatch(/^proposal-prp_\w+-[a-z]{2}\.pdf$/);

  await proposals.submit();
  await expect(proposals.status).toHaveText('Submitted');
  const id = new URL(page.url()).hash.split('/')[2]!;
  const onServer = (await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!;
  expect(onServer.data).toMatchObject({ id, status: 'submitted', period_days: 14 });

  await app.chooseLanguage('de');
  await page.goto(`${host.url}#/proposals/${id}`);
  await expect(proposals.status).toHaveText('Eingereicht');
  await app.screenshot('proposal-editor-de');
  await app.chooseLanguage('en');
  await page.goto(`${host.url}#/proposals/${id}`);

  await proposals.withdraw();
  await expect(proposals.status).toHaveText('Withdrawn');
  await expect
    .poll(async () => (await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!.data?.status)
    .toBe('withdrawn');
});
