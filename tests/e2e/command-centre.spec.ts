import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { CommandCentrePage } from './pages/command-centre-page';
import { useDemoServers } from './demo-servers';
import { findSeriousViolations } from './pages/axe-check';

/*
 * The command centre, by keyboard only: Ctrl+K from anywhere, actions (theme, language, sync, a proposal for
 * the open project, sections), any record by name, what was used last first, Escape giving the focus back.
 * Screenshots at 1440 and 800 px in English and German, light and dark (test-results/screens/command-centre-*).
 */
const demo = useDemoServers({ platform: { simulation: false } });

/** Signs in as the demo user unless an earlier test on this web host did; then waits for the first sync. */
const signInOnce = async (app: AppPage): Promise<void> => {
  await expect(app.syncIndicator()).toHaveText(/Synced|Syncing|Not signed in/, { timeout: 30_000 });
  if ((await app.syncIndicator().innerText()).includes('Not signed in')) await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  // The first sync of the demo platform (a few thousand records) on a machine shared with other runs.
  await app.waitUntilSynced();
};

test('the command centre: switch theme, jump to a record, recent first, a proposal for the open project, sync with its outcome, language', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  const palette = new CommandCentrePage(page);
  await app.open(demo.host.url);
  await signInOnce(app);
  await app.goTo('feed');
  await expect(app.projectRows.first()).toBeVisible();

  // Nothing typed, nothing used yet: actions, then the sections with their shortcuts.
  await app.navLink('feed').focus();
  await palette.open();
  expect(new Set(await palette.groups())).toEqual(new Set(['actions', 'navigate']));
  await expect(palette.commands.filter({ hasText: 'Go to Clients' }).locator('kbd')).toHaveText('Alt+2');
  // Escape closes and the focus goes back to where it was.
  await palette.close();
  await expect(app.navLink('feed')).toBeFocused();

  // Switch theme by typing part of its words.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await palette.run('switch theme', 'Switch to the dark theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.navLink('feed')).toBeFocused();

  // A section, from the command centre.
  await palette.run('clients', 'Go to Clients');
  await expect(app.navLink('clients')).toHaveAttribute('aria-current', 'page');
  await app.goTo('feed');

  // Jump to a project by its title (quick find), with the keyboard.
  const title = (await app.projectRows.nth(2).locator('.project-title').innerText()).trim();
  await palette.run(title, title);
  await expect(page.getByTestId('project-detail').getByRole('heading', { level: 2 })).toHaveText(title);

  // Opened again with nothing typed: what was used last comes first, the most recent on top.
  await palette.open();
  await expect(palette.rows.nth(0)).toHaveAttribute('data-group', 'recent');
  await expect(palette.rows.nth(0)).toContainText(title);
  await expect(palette.rows.nth(1)).toHaveAttribute('data-group', 'recent');
  await expect(palette.rows.nth(1)).toContainText('Go to Clients');
  // The theme now in use is not offered again, not even among the recent; the project open in the feed gets a
  // proposal command.
  await expect(palette.commands.filter({ hasText: 'Switch to the dark theme' })).toHaveCount(0);
  await expect(palette.commands.filter({ hasText: `Write a proposal for “${title}”` })).toBeVisible();
  await palette.close();

  await palette.run('write a proposal', `Write a proposal for “${title}”`);
  // The new proposal is drafted and opened by its own address.
  await expect(page).toHaveURL(/#\/proposals\/prp_/);

  // Sync now says how it went.
  await palette.run('sync', 'Sync now');
  await expect(page.getByTestId('toast').filter({ hasText: 'Synced: everything is up to date' })).toBeVisible();

  // A section by its shortcut.
  await page.keyboard.press('Alt+6');
  await expect(app.navLink('portfolio')).toHaveAttribute('aria-current', 'page');

  // A section of Settings: scrolled into view, its heading focused.
  await page.setViewportSize({ width: 1280, height: 600 });
  await palette.run('settings upd', 'Settings: Updates');
  await expect(app.navLink('settings')).toHaveAttribute('aria-current', 'page');
  const updates = page.locator('#settings-updates h2');
  await expect(updates).toBeInViewport();
  await expect(updates).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 800 });

  // The shortcuts list, from the command centre.
  await palette.run('keyboard', 'Show keyboard shortcuts');
  await expect(palette.help).toContainText('Open the command centre');
  await page.keyboard.press('Escape');
  await expect(palette.help).toHaveCount(0);

  // One entry leads to the languages; Backspace in the empty field goes back to everything.
  await palette.open();
  await expect(palette.commands.filter({ hasText: 'Switch the interface to' })).toHaveCount(0);
  await palette.type('language');
  await expect(palette.active).toContainText('Change the interface language…');
  await palette.input.press('Enter');
  await expect(palette.input).toHaveValue('');
  await expect(palette.commands).toHaveText([/^Italiano\s*Italian/, /^Deutsch\s*German/, /^Français\s*French/, /^Español\s*Spanish/]);
  await palette.input.press('Backspace');
  await expect(palette.commands.filter({ hasText: 'Sync now' })).toBeVisible();
  await palette.close();

  // Language: found by its name in the UI's language too; everything follows.
  await palette.run('german', 'Switch the interface to Deutsch');
  await expect(app.navLink('feed')).toHaveText('Projektbörse');
  await palette.open();
  await expect(palette.input).toHaveAttribute('placeholder', /Befehl/);
  await palette.type('hellen design');
  await expect(palette.active).toContainText('Zum hellen Design wechseln');
  await palette.close();
});

test('Settings: Sync now ends in a toast; the web host’s development line is not shown', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(demo.host.url);
  await app.chooseLanguage('en');
  await signInOnce(app);
  await expect(page.getByText('About Bottega')).toBeVisible();
  await expect(page.getByText(/Web host/)).toHaveCount(0);
  await page.getByTestId('account-card').getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Synced: everything is up to date' })).toBeVisible();
});

test('screenshots at 1440 and 800 px, English and German, light and dark, without serious accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  const palette = new CommandCentrePage(page);
  await app.open(demo.host.url);
  await app.chooseLanguage('en');
  await signInOnce(app);
  // Something used before, so the shots show the recent group too.
  await app.goTo('feed');
  const recentTitle = (await app.projectRows.nth(1).locator('.project-title').innerText()).trim();
  await palette.run(recentTitle, recentTitle);
  await palette.run('sync', 'Sync now');
  const found: string[] = [];
  for (const language of ['en', 'de'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await app.chooseLanguage(language);
      await page.getByTestId(`theme-${theme}`).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await app.goTo('feed');
      await app.projectRows.first().click();
      for (const width of [1440, 800]) {
        await page.setViewportSize({ width, height: 900 });
        await palette.open();
        await expect(palette.rows.first()).toBeVisible();
        await app.screenshot(`command-centre-${width}-${language}-${theme}`);
        found.push(...(await findSeriousViolations(page)).map((line) => `${width}-${language}-${theme}: ${line}`));
        await palette.type(language === 'de' ? 'über' : 'tran');
        await expect(palette.records.first()).toBeVisible();
        await app.screenshot(`command-centre-search-${width}-${language}-${theme}`);
        found.push(...(await findSeriousViolations(page)).map((line) => `search-${width}-${language}-${theme}: ${line}`));
        await palette.close();
      }
    }
    await palette.open();
    await palette.rows.filter({ hasText: language === 'de' ? 'Sprache der Oberfläche ändern…' : 'Change the interface language…' }).click();
    await expect(palette.commands).toHaveCount(4);
    await app.screenshot(`command-centre-languages-800-${language}-dark`);
    await palette.close();
  }
  expect(found).toEqual([]);
});
