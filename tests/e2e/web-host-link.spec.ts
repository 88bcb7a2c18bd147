import { expect, test } from '@playwright/test';
import { WorkspacePage } from './pages/workspace-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;
test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

test('the token leaves the address bar once connected; the tab keeps working across a reload', async ({ page }) => {
  const app = new WorkspacePage(page);
  await app.open(host.url);
  expect(new URL(host.url).searchParams.get('token')).not.toBeNull();
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await page.reload();
  await expect(app.heading).toBeVisible();
  await expect(page.getByTestId('incomplete-link')).toHaveCount(0);
});

test('the bare address says the link is incomplete, in the browser’s language, instead of offering to try again', async ({ browser }) => {
  const bare = `${new URL(host.url).origin}/`;
  for (const [locale, title, hint] of [
    ['en-US', 'This link is incomplete', 'Open the full address printed by Bottega'],
    ['it-IT', 'Questo link è incompleto', 'Apri l’indirizzo completo stampato da Bottega'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(bare);
    const notice = page.getByTestId('incomplete-link');
    await expect(notice.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(notice).toContainText(hint);
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
    await context.close();
  }
});
