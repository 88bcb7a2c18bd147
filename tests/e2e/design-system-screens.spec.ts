import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ProposalsPage } from './pages/proposals-page';
import { draftProposal, projectWithoutProposal } from './proposals-workspace';
import { useDemoServers } from './demo-servers';
import { findSeriousViolations } from './pages/axe-check';

/*
 * The screens the design system redrew, as a freelancer sees them: 1440 and 800 px wide, English and German,
 * light and dark (test-results/screens/ds-<screen>-<width>-<lang>-<theme>.png), each checked by axe-core for
 * serious and critical violations.
 */
const demo = useDemoServers({ platform: { simulation: false } });

const widths = [1440, 800] as const;
const languages = ['en', 'de'] as const;
const themes = ['light', 'dark'] as const;

test('the redrawn screens at 1440 and 800 px, in English and German, light and dark, without serious accessibility violations', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const proposals = new ProposalsPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  // The first sync of the demo platform (a few thousand records) on a machine shared with other runs.
  await app.waitUntilSynced();
  // A draft with a letter, terms and a linked item, ready to submit: the submit confirmation shows it all.
  await draftProposal(page, demo.host.url, projectWithoutProposal(demo.host.dataDir, 'de'), 'de');
  const proposalUrl = page.url();
  await proposals.type('Guten Tag, ich übernehme die Übersetzung gern und liefere in zwei Wochen.');
  await proposals.setTerms('1200', '10');
  await page.getByTestId('link-item').first().check();
  await expect(proposals.autosave).toHaveText('All changes saved');

  const found: string[] = [];
  const shoot = async (name: string): Promise<void> => {
    await app.screenshot(name);
    found.push(...(await findSeriousViolations(page)).map((line) => `${name}: ${line}`));
  };

  for (const language of languages) {
    await app.chooseLanguage(language);
    for (const theme of themes) {
      await page.emulateMedia({ colorScheme: theme });
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        const suffix = `${width}-${language}-${theme}`;
        await app.goTo('settings');
        await shoot(`ds-settings-${suffix}`);

        await app.goTo('portfolio');
        await page.getByTestId('portfolio-tab-profile').click();
        await expect(page.getByTestId('profile-country')).toBeVisible();
        await shoot(`ds-portfolio-profile-${suffix}`);
        await page.getByTestId('portfolio-tab-items').click();
        await page.getByTestId('new-item').click();
        await expect(page.getByTestId('main-language')).toBeVisible();
        await shoot(`ds-portfolio-item-${suffix}`);
        await page.getByTestId('cancel-item').click();

        await app.goTo('community');
        await expect(page.getByTestId('community-tab-stories')).toHaveAttribute('aria-selected', 'true');
        await shoot(`ds-community-${suffix}`);

        await page.goto(proposalUrl);
        await expect(proposals.editor).toBeVisible();
        await shoot(`ds-proposal-${suffix}`);
        await page.getByTestId('format-bold').hover();
        await expect(page.getByRole('tooltip')).toBeVisible();
        await app.screenshot(`ds-proposal-tooltip-${suffix}`);
        await page.mouse.move(0, 0);
        await proposals.submit();
        await expect(proposals.submitDialog.getByTestId('submit-confirm')).toBeEnabled();
        await shoot(`ds-submit-dialog-${suffix}`);
        await page.keyboard.press('Escape');
        await expect(proposals.submitDialog).toHaveCount(0);
      }
    }
  }
  expect(found).toEqual([]);
});
