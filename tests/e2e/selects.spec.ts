import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { chooseOption } from './pages/picker';
import { useDemoServers } from './demo-servers';

/*
 * The design system's Select and SkillsPicker where native selects and a comma-separated skills field were
 * (#15): driven by keyboard, skills named in the UI's language and stored by their token, and the screens that
 * changed shot at 800 px in English, German and French (test-results/screens/sel-<screen>-<lang>.png).
 */
const demo = useDemoServers({ platform: { simulation: false } });

test.describe.configure({ mode: 'serial' });

test('Select: opened, moved by type-ahead and chosen by keyboard; Escape closes it and gives focus back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(demo.host.url);
  await app.goTo('settings');
  const button = app.languageSelect.getByRole('button');
  await button.focus();
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  // Type-ahead: "Deu" moves to Deutsch; Enter chooses it and the interface speaks German.
  await page.keyboard.type('Deu');
  await expect(listbox.locator('[data-value="de"]')).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Enter');
  await expect(listbox).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
  await expect(button).toHaveAttribute('data-value', 'de');
  await expect(button).toBeFocused();
  // Escape closes without a change and the focus is back on the button.
  await page.keyboard.press('ArrowDown');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('data-value', 'de');
  await chooseOption(app.languageSelect, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  // No native select is left on the screen (React Aria's hidden one for form autofill sits in an aria-hidden box).
  await expect(page.locator('select:not([aria-hidden="true"] *)')).toHaveCount(0);
});

test('SkillsPicker: skills found and shown by name in the UI language, kept by their token, removed from the chip', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(demo.host.url);
  await app.chooseLanguage('de');
  await app.goTo('portfolio');
  await page.getByTestId('new-item').click();
  const skills = page.getByTestId('item-skills');
  const input = skills.getByRole('combobox');
  await input.fill('Deutsch–Ital');
  await page.getByRole('listbox').getByRole('option', { name: 'Übersetzung Deutsch–Italienisch' }).click();
  await expect(skills.getByTestId('item-skills-chip')).toHaveText(['Übersetzung Deutsch–Italienisch']);
  await expect(skills.getByTestId('item-skills-chip')).toHaveAttribute('data-value', 'de-it-translation');
  // A skill Bottega has no name for goes in as typed.
  await input.fill('Kalligrafie');
  await page.getByRole('listbox').getByRole('option', { name: '„Kalligrafie“ hinzufügen' }).click();
  await expect(skills.getByTestId('item-skills-chip')).toHaveCount(2);
  // Keyboard: a chip is removed with Backspace.
  await skills.getByTestId('item-skills-chip').last().focus();
  await page.keyboard.press('Backspace');
  await expect(skills.getByTestId('item-skills-chip')).toHaveText(['Übersetzung Deutsch–Italienisch']);
  await page.getByTestId('field-title').fill('Katalog');
  await page.getByTestId('save-item').click();
  await page.getByTestId('portfolio-row').filter({ hasText: 'Katalog' }).locator('.pf-row-open').click();
  await expect(page.getByTestId('item-skills-chip')).toHaveText(['Übersetzung Deutsch–Italienisch']);
  await page.getByTestId('cancel-item').click();
  await app.chooseLanguage('en');
});

for (const language of ['en', 'de', 'fr'] as const) {
  test(`the screens whose selects were replaced, at 800 px, in ${language}`, async ({ page }) => {
    test.setTimeout(180_000);
    const app = new AppPage(page);
    await app.open(demo.host.url);
    if (language === 'en') {
      await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
      // The first sync of the demo platform (a few thousand records) on a machine shared with other runs.
      await app.waitUntilSynced();
    }
    await page.setViewportSize({ width: 800, height: 900 });
    const openList = async (testId: string): Promise<void> => {
      await page.getByTestId(testId).getByRole('button').click();
      await expect(page.getByRole('listbox')).toBeVisible();
    };
    const closeList = async (): Promise<void> => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('listbox')).toHaveCount(0);
    };
    await app.chooseLanguage(language);
    await openList('language-select');
    await app.screenshot(`sel-settings-${language}`);
    await closeList();
    // Dark: the same Select and list box from the tokens' dark values.
    await page.emulateMedia({ colorScheme: 'dark' });
    await openList('language-select');
    await app.screenshot(`sel-settings-dark-${language}`);
    await closeList();
    await app.goTo('portfolio');
    await page.getByTestId('portfolio-tab-profile').click();
    await page.getByTestId('profile-skills').scrollIntoViewIfNeeded();
    await app.screenshot(`sel-portfolio-profile-dark-${language}`);
    await page.emulateMedia({ colorScheme: 'light' });

    await app.goTo('feed');
    await app.projectRows.first().click();
    await expect(page.getByTestId('project-detail').getByTestId('skill-chip').first()).toBeVisible();
    await page.getByTestId('project-detail').getByTestId('skill-chip').first().scrollIntoViewIfNeeded();
    // Every skill on screen (rows and detail) by name, none as a slug such as de-it-translation.
    const chips = (await page.getByTestId('skill-chip').allTextContents()).map((text) => text.trim());
    expect(chips.length).toBeGreaterThan(0);
    expect(chips.filter((text) => /^[a-z0-9.]+(?:-[a-z0-9.]+)+$/.test(text))).toEqual([]);
    await app.screenshot(`sel-feed-detail-${language}`);

    await app.goTo('clients');
    await page.getByTestId('client-row').first().click();
    await app.screenshot(`sel-clients-${language}`);

    await app.goTo('community');
    // The language filter in the header narrows the stories to one language, and back.
    await chooseOption(page.getByTestId('community-language'), 'it');
    await expect(page.getByTestId('story-item').first()).toBeVisible();
    await expect(page.getByTestId('story-item').locator('.community-item-title:not([lang="it"])')).toHaveCount(0);
    await app.screenshot(`sel-community-language-${language}`);
    await chooseOption(page.getByTestId('community-language'), '*');
    await openList('story-region');
    await app.screenshot(`sel-community-stories-${language}`);
    await closeList();
    await page.getByTestId('community-tab-map').click();
    await openList('map-sector');
    await app.screenshot(`sel-community-map-${language}`);
    await closeList();
    await page.getByTestId('community-tab-forum').click();
    await expect(page.getByTestId('forum-category')).toBeVisible();
    await app.screenshot(`sel-community-forum-${language}`);

    await app.goTo('proposals');
    await openList('proposal-status-filter');
    await app.screenshot(`sel-proposals-${language}`);
    await closeList();
    await page.getByTestId('proposal-row').first().click();
    await page.getByTestId('terms').scrollIntoViewIfNeeded();
    await app.screenshot(`sel-proposal-terms-${language}`);
    await page.goto(`${demo.host.url}#/proposals/library`);
    await expect(page.getByTestId('library-language')).toBeVisible();
    await page.getByTestId('new-template').click();
    await app.screenshot(`sel-library-${language}`);

    await app.goTo('insights');
    await openList('insights-dimension');
    await app.screenshot(`sel-insights-${language}`);
    await closeList();

    await app.goTo('portfolio');
    await page.getByTestId('portfolio-tab-profile').click();
    const skills = page.getByTestId('profile-skills');
    await skills.scrollIntoViewIfNeeded();
    await skills.getByRole('combobox').fill(language === 'de' ? 'Über' : language === 'fr' ? 'Trad' : 'Trans');
    await expect(page.getByRole('listbox')).toBeVisible();
    await app.screenshot(`sel-portfolio-profile-${language}`);
    // Out of the combobox: its list closes when the field loses the focus.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await page.getByTestId('portfolio-tab-items').click();
    await page.getByTestId('new-item').click();
    await page.getByTestId('item-visibility').scrollIntoViewIfNeeded();
    await app.screenshot(`sel-portfolio-item-${language}`);
    await page.getByTestId('cancel-item').click();
    await page.getByTestId('portfolio-tab-preview').click();
    await openList('preview-locale');
    await app.screenshot(`sel-portfolio-preview-${language}`);
    await closeList();
  });
}
