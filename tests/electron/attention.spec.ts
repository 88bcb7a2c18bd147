import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { Thread } from '../../shared/platform/records';
import { startPlatformServer } from '../platform/server';
import { AppPage } from '../e2e/pages/app-page';
import { electronSkipReason, findElectronBinary } from './electron-binary';

const electronBinary = findElectronBinary();
const appDir = fileURLToPath(new URL('../..', import.meta.url));

test('closed to the tray, Bottega keeps syncing: a client’s message moves the badge with no window open', async () => {
  test.skip(!electronBinary, electronSkipReason);
  // Windows has no badge count (its overlay icon cannot be read back); macOS keeps running by its own rule.
  test.skip(process.platform === 'win32', 'the badge count is not readable on Windows');
  const platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, heartbeatMs: 1000 });
  const profile = mkdtempSync(path.join(tmpdir(), 'bottega-electron-attention-'));
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [appDir],
    env: { ...process.env, BOTTEGA_USER_DATA_DIR: profile, ELECTRON_RENDERER_URL: '', BOTTEGA_DISABLE_UPDATES: '1', BOTTEGA_PLATFORM_URL: platform.url },
  });
  try {
    const page = new AppPage(await app.firstWindow());
    await page.signIn(platform.users.demo.email, platform.users.demo.password);
    await expect(page.syncIndicator()).toHaveText(/Synced/);
    const badge = () => app.evaluate(({ app: electronApp }) => electronApp.getBadgeCount());
    const before = await badge();

    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);

    // A thread of the demo user that is not muted (muted ones never count).
    const threadId = ['thr_000001', 'thr_000002', 'thr_000003', 'thr_000004'].find((id) => {
      const thread = platform.store.getLive<Thread>('thread', id);
      return thread?.owner === platform.users.demo.id && !thread.data.muted;
    });
    const response = await fetch(`${platform.url}/v1/simulation/threads/${threadId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Ci sei?' }),
    });
    expect(response.status).toBe(201);
    // The core and its sync are alive with no window: the new unread message reaches the badge.
    await expect.poll(badge).toBe(before + 1);
  } finally {
    await app.close();
    await platform.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
