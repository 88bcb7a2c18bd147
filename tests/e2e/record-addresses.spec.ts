import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { findLayoutProblems } from './pages/layout-check';
import { useDemoServers } from './demo-servers';

/*
 * Every record that opens (a project, a client, a conversation, a proposal, a portfolio item, a story, a forum
 * topic) has an address: opening it changes the hash, a reload keeps it open, back closes it, and an address to
 * one that is not there says so in the user's language with a way back to its list.
 */
const demo = useDemoServers({ platform: { simulation: false }, signedIn: true });

type Openable = {
  name: string;
  /** The list's address. */
  list: string;
  /** What an opened record's address looks like. */
  address: RegExp;
  /** Opens the first record from the list. */
  open: (page: Page) => Promise<void>;
  /** Where the open record shows its name. */
  shown: (page: Page) => Locator;
  /** The name shown, read from `shown`. */
  read?: (shown: Locator) => Promise<string>;
};

const openables: Openable[] = [
  {
    name: 'project',
    list: '#/feed',
    address: /^#\/feed\/[^/]+$/,
    open: (page) => page.getByRole('feed').locator('.list-item').first().click(),
    shown: (page) => page.locator('#project-detail-title'),
  },
  {
    name: 'client',
    list: '#/clients',
    address: /^#\/clients\/[^/]+$/,
    open: (page) => page.getByTestId('client-row').first().click(),
    shown: (page) => page.locator('#client-title'),
  },
  {
    name: 'conversation',
    list: '#/messages',
    address: /^#\/messages\/[^/]+$/,
    open: (page) => page.getByTestId('thread-row').first().click(),
    shown: (page) => page.locator('#conversation-title'),
  },
  {
    name: 'proposal',
    list: '#/proposals',
    address: /^#\/proposals\/[^/]+$/,
    open: (page) => page.getByTestId('proposal-row').first().click(),
    shown: (page) => page.locator('#proposal-title'),
  },
  {
    name: 'portfolio item',
    list: '#/portfolio/items',
    address: /^#\/portfolio\/items\/[^/]+$/,
    open: (page) => page.getByTestId('portfolio-row').first().locator('.pf-row-open').click(),
    shown: (page) => page.locator('form.pf-editor').getByTestId('field-title'),
    read: (shown) => shown.inputValue(),
  },
  {
    name: 'story',
    list: '#/community/stories',
    address: /^#\/community\/stories\/[^/]+$/,
    open: (page) => page.getByTestId('story-item').first().click(),
    shown: (page) => page.getByTestId('story-reader').getByRole('heading', { level: 2 }),
  },
  {
    name: 'forum topic',
    list: '#/community/forum',
    address: /^#\/community\/forum\/[^/]+$/,
    open: (page) => page.getByTestId('topic-item').first().click(),
    shown: (page) => page.getByTestId('topic-view').getByRole('heading', { level: 2 }),
  },
];

const hashOf = (page: Page): string => new URL(page.url()).hash;

test.describe('records by address', () => {

  for (const openable of openables) {
    test(`a ${openable.name} opens at its own address, stays open on reload, closes on back`, async ({ page }) => {
      const app = new AppPage(page);
      await app.open(`${demo.host.url}${openable.list}`);
      await openable.open(page);
      await expect.poll(() => hashOf(page)).toMatch(openable.address);
      const address = hashOf(page);
      const shown = openable.shown(page);
      await expect(shown).toBeVisible();
      const name = await (openable.read ?? ((locator: Locator) => locator.innerText()))(shown);
      expect(name.trim()).not.toBe('');

      await page.reload();
      expect(hashOf(page)).toBe(address);
      if (openable.read) await expect(shown).toHaveValue(name);
      else await expect(shown).toHaveText(name);

      await page.goBack();
      await expect.poll(() => hashOf(page)).toBe(openable.list);
      await expect(shown).toHaveCount(0);
      await page.goForward();
      if (openable.read) await expect(shown).toHaveValue(name);
      else await expect(shown).toHaveText(name);
    });
  }

  test('an address to a record that is not there says so, in the user’s language, and leads back to its list', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(demo.host.url);
    const missing = page.getByTestId('missing-record');
    for (const openable of openables) {
      await page.goto(`${demo.host.url}${openable.list}/nope_404`);
      await expect(missing, openable.name).toBeVisible();
      await expect(missing.getByRole('heading')).toHaveText(/no longer in your workspace/);
      await missing.getByTestId('missing-back').click();
      await expect.poll(() => hashOf(page), openable.name).toBe(openable.list);
      await expect(missing).toHaveCount(0);
    }
    await app.chooseLanguage('de');
    await page.goto(`${demo.host.url}#/community/stories/nope_404`);
    await expect(missing.getByRole('heading')).toHaveText('Diese Geschichte ist nicht mehr in Ihrem Arbeitsbereich.');
    await expect(missing.getByTestId('missing-back')).toHaveText('Zurück zu den Geschichten');
    await app.screenshot('missing-story-de');
    await page.setViewportSize({ width: 800, height: 700 });
    await page.goto(`${demo.host.url}#/portfolio/items/nope_404`);
    await expect(missing.getByRole('heading')).toHaveText('Diese Portfolio-Arbeit ist nicht mehr in Ihrem Arbeitsbereich.');
    // Narrow, the notice takes the list's place too, and nothing of it is cut.
    await expect(page.getByTestId('portfolio-row').first()).toBeHidden();
    expect(await findLayoutProblems(page)).toEqual([]);
    await app.screenshot('missing-portfolio-item-de-800');
    await app.chooseLanguage('en');
  });
});
