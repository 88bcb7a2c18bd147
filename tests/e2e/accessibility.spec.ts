import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { goToHash, screenTour } from './pages/screen-tour';
import { useDemoServers } from './demo-servers';

/*
 * axe-core on every screen in its main states (a project, a client, a conversation open; the proposal editor; the
 * portfolio editor and its delete question; community, insights, settings; the command centre), in the light and
 * the dark theme: no serious or critical violation. Fixed in the components, never by turning a rule off.
 */
const demo = useDemoServers({ platform: { simulation: false } });

const themes = ['light', 'dark'] as const;

/** Serious and critical axe violations of what is on screen now, as "rule: target (what axe says)" lines. */
const seriousViolations = async (page: Page): Promise<string[]> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary?.split('\n')[1]?.trim() ?? ''})`));
};

const chooseTheme = async (page: Page, theme: (typeof themes)[number]): Promise<void> => {
  await goToHash(page, '#/settings');
  // The setting outranks the emulated system scheme.
  await page.getByTestId(`theme-${theme}`).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
};

test('every screen and its main states, light and dark: no serious or critical accessibility violation', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new AppPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  // The first sync of the demo platform (a few thousand records) on a machine shared with other runs.
  await app.waitUntilSynced();
  await page.setViewportSize({ width: 1440, height: 900 });

  const found: string[] = [];
  for (const theme of themes) {
    await chooseTheme(page, theme);
    for (const stop of screenTour) {
      await stop.enter(page);
      const lines = await seriousViolations(page);
      if (lines.length > 0) await app.screenshot(`a11y-${stop.name}-${theme}`);
      found.push(...lines.map((line) => `${stop.name} (${theme}): ${line}`));
      await stop.leave?.(page);
    }
  }
  await chooseTheme(page, 'light');
  expect(found).toEqual([]);
});
