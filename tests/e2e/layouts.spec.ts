import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { findSeriousViolations } from './pages/axe-check';
import { findLayoutProblems, settleLayout } from './pages/layout-check';
import { screenTour } from './pages/screen-tour';
import { useDemoServers } from './demo-servers';

/*
 * Every screen and its main states in the five languages, one tour per language (German's strings are the longest):
 * - at 1440, 1000 and 800 px: no clipped or spilling text (an intentional ellipsis keeps the full text in a title),
 *   no pane that scrolls sideways, no two controls overlapping in a header, toolbar, tab list or dialog;
 * - at 1440 px, axe-core: no serious or critical violation (#15), so a label, a lang attribute or a name that only
 *   one language gets wrong is caught too.
 * Each language runs in one theme, light and dark alternating, so both themes meet axe's contrast rules (colours
 * do not depend on the language) without a second tour. One web host; language and theme are switched through
 * Settings. Where something is found, and always in German at 800 px:
 * test-results/screens/{layout,a11y}-<stop>-<width>-<lang>.png.
 */
const demo = useDemoServers({ platform: { simulation: false } });

const widths = [1440, 1000, 800] as const;
const axeWidth = widths[0];
const tours = [
  { language: 'en', theme: 'light' },
  { language: 'it', theme: 'dark' },
  { language: 'de', theme: 'light' },
  { language: 'fr', theme: 'dark' },
  { language: 'es', theme: 'light' },
] as const;

test('every screen in five languages: no serious or critical axe violation, no clipped or overlapping text at 1440, 1000 and 800 px, no sideways scrolling', async ({ page }) => {
  test.setTimeout(600_000);
  const app = new AppPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  // The first sync of the demo platform (a few thousand records) on a machine shared with other runs.
  await app.waitUntilSynced();

  const found: string[] = [];
  for (const { language, theme } of tours) {
    await page.setViewportSize({ width: axeWidth, height: 900 });
    await app.chooseTheme(theme);
    await app.chooseLanguage(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    for (const stop of screenTour) {
      await stop.enter(page);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        await settleLayout(page);
        if (width === axeWidth) {
          const violations = await findSeriousViolations(page);
          if (violations.length > 0) await app.screenshot(`a11y-${stop.name}-${width}-${language}`);
          found.push(...violations.map((violation) => `${stop.name} ${language} ${theme} axe ${violation}`));
        }
        const problems = await findLayoutProblems(page);
        // German at 800 px is the hardest case: always shot, to be looked at.
        if (problems.length > 0 || (language === 'de' && width === 800)) await app.screenshot(`layout-${stop.name}-${width}-${language}`);
        found.push(...problems.map((problem) => `${stop.name} ${width} ${language}: ${problem}`));
      }
      await page.setViewportSize({ width: axeWidth, height: 900 });
      await stop.leave?.(page);
    }
  }
  await app.chooseTheme('light');
  await app.chooseLanguage('en');
  expect(found).toEqual([]);
});
