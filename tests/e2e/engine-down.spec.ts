import { expect, test } from '@playwright/test';
import { startPlatformServer } from '../platform/server';
import { WorkspacePage } from './pages/workspace-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

const stops: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

test('Ctrl+Enter sends a message; with the engine gone the sidebar says so at once, with a visible way to reconnect, and Ctrl+Enter says why nothing went', async ({ page }) => {
  test.setTimeout(90_000);
  const platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: false, rateLimit: false, heartbeatMs: 1000 });
  stops.push(() => platform.close());
  let host: RunningWebHost = await startWebHostProcess(['--platform', platform.url]);
  // The latest host (after the restart below): stopping it removes the workspace folder they share.
  stops.push(() => host.stop());
  const app = new WorkspacePage(page);
  await app.open(host.url);
  await app.signIn(platform.users.demo.email, platform.users.demo.password);

  // Ctrl+Enter in the composer sends, as its hint says (the conversations are there once the first sync brought them).
  await app.goTo('messages');
  await app.openThreadAt(0);
  await app.waitUntilSynced();
  const body = `Sent with the keyboard ${Date.now()}`;
  await app.composer.fill(body);
  await app.composer.press('Control+Enter');
  await expect(app.message(body)).toBeVisible();
  await expect(app.composer).toHaveValue('');
  // With nothing written, Ctrl+Enter says so instead of doing nothing.
  await app.composer.press('Control+Enter');
  await expect(page.getByTestId('send-problem')).toHaveText('Write something first: there is nothing to send.');

  // The engine dies: within a couple of seconds the sidebar stops claiming the workspace is synced.
  await host.kill();
  const indicator = app.syncIndicator();
  await expect(indicator).toContainText('Bottega’s engine isn’t answering', { timeout: 2_000 });
  await expect(indicator).not.toContainText('Synced');
  const reconnect = indicator.getByRole('button', { name: 'Reload to reconnect' });
  await expect(reconnect).toBeVisible();
  // A filled button, not a faint link: white text on the danger colour, big enough to hit.
  await expect(reconnect).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect(reconnect).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  expect((await reconnect.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(24);
  await app.screenshot('engine-down-en');

  // Ctrl+Enter now cannot send: it says why, and the text stays.
  await app.composer.fill('Still here?');
  await app.composer.press('Control+Enter');
  await expect(page.getByTestId('send-problem')).toHaveText('Not sent: Bottega’s engine isn’t answering. Your text is kept here; reload to reconnect.');
  await expect(app.composer).toHaveValue('Still here?');

  // Back with a new engine, in German; it goes away again.
  host = await host.restart();
  await app.open(host.url);
  await app.chooseLanguage('de');
  await app.goTo('messages');
  await host.kill();
  await expect(indicator).toContainText('Bottegas Engine antwortet nicht', { timeout: 2_000 });
  await expect(indicator.getByRole('button', { name: 'Neu laden und verbinden' })).toBeVisible();
  await app.screenshot('engine-down-de');
});
