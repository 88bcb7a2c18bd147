import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { findLayoutProblems, settleLayout } from './pages/layout-check';
import { screenTour } from './pages/screen-tour';
import { useDemoServers } from './demo-servers';

/*
 * Every screen and its main states at 1440, 1000 and 800 px, in the five languages (German's strings are the
 * longest): no clipped or spilling text (an intentional ellipsis keeps the full text in a title), no pane that
 * scrolls sideways, no two controls overlapping in a header, toolbar, tab list or dialog. One web host; the
 * language is switched through Settings. Where something is found, and always in German at 800 px:
 * test-results/screens/layout-<stop>-<width>-<lang>.png.
 */
const demo = useDemoServers({ platform: { simulation: false } });

const widths = [1440, 1000, 800] as const;
const languages = ['en', 'it', 'de', 'fr', 'es'] as const;

test('every screen at 1440, 1000 and 800 px in five languages: no clipped or overlapping text, no sideways scrolling', async ({ page }) => {
  test.setTimeout(600_000);
  const app = new AppPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  // The first sync of the demo platform (a few thousand records) on a machine shared with other runs.
  await app.waitUntilSynced();

  const found: string[] = [];
  for (const language of languages) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await app.chooseLanguage(language);
    for (const stop of screenTour) {
      await stop.enter(page);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        await settleLayout(page);
        const problems = await findLayoutProblems(page);
        // German at 800 px is the hardest case: always shot, to be looked at.
        if (problems.length > 0 || (language === 'de' && width === 800)) await app.screenshot(`layout-${stop.name}-${width}-${language}`);
        found.push(...problems.map((problem) => `${stop.name} ${width} ${language}: ${problem}`));
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      await stop.leave?.(page);
    }
  }
  await app.chooseLanguage('en');
  expect(found).toEqual([]);
});
