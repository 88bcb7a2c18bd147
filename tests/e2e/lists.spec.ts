/**
 * The long lists (#15): a keyboard cursor distinct from the open item, j/k with the detail following, Escape
 * closing it, a filtered-away project closing, an "N new" pill instead of rows pushed down, rows sized by
 * their content, date separators and grouped times in a conversation, a list that keeps its width while
 * searching. Screenshots at 1440, 1000 and 800 px in English and German.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ListsPage } from './pages/lists-page';
import { useDemoServers } from './demo-servers';
import { readWorkspace } from './web-host-process';

const demo = useDemoServers({ signedIn: true });

const signedIn = async (page: Page): Promise<{ app: AppPage; lists: ListsPage }> => {
  const app = new AppPage(page);
  await app.open(demo.host.url);
  return { app, lists: new ListsPage(page) };
};

test.describe.configure({ mode: 'serial' });

test('feed: the cursor and the open project are told apart; j/k move the cursor and the detail follows; Escape closes; Enter opens', async ({ page }) => {
  const { app, lists } = await signedIn(page);
  await app.goTo('feed');
  await lists.feedItem(2).click();
  await expect(lists.projectDetail).toBeVisible();
  await expect(lists.feedOpen).toHaveAttribute('aria-posinset', '2');
  await lists.expectFeedCursorAt(2);
  const second = await lists.projectDetail.getByRole('heading').first().textContent();

  // With a project open, j moves the cursor and the detail follows it.
  await lists.press('j');
  await lists.expectFeedCursorAt(3);
  await expect(lists.feedOpen).toHaveAttribute('aria-posinset', '3');
  await expect(lists.projectDetail.getByRole('heading').first()).not.toHaveText(second ?? '');
  await lists.press('k');
  await expect(lists.feedOpen).toHaveAttribute('aria-posinset', '2');

  // Escape closes the detail; the cursor stays, drawn as a cursor, not as an open project.
  await lists.press('Escape');
  await expect(lists.projectDetail).toHaveCount(0);
  await expect(lists.feedOpen).toHaveCount(0);
  await lists.expectFeedCursorAt(2);
  await expect(lists.feedItem(2).getByTestId('project-row')).toHaveClass(/\bcursor\b/);
  await expect(lists.feedItem(2).getByTestId('project-row')).not.toHaveClass(/\bselected\b/);

  // Nothing open: j moves only the cursor; Enter opens the project under it.
  await lists.press('j');
  await lists.expectFeedCursorAt(3);
  await expect(lists.projectDetail).toHaveCount(0);
  await lists.press('Enter');
  await expect(lists.projectDetail).toBeVisible();
  await expect(lists.feedOpen).toHaveAttribute('aria-posinset', '3');

  // The cursor moved elsewhere with the mouse's open project: two different rows, two different looks.
  await lists.press('Escape');
  await lists.press('k');
  await lists.press('Enter');
  await lists.press('j');
  await expect(lists.feedOpen).toHaveAttribute('aria-posinset', '3');
});

test('feed: a search that leaves the open project out closes it; one that keeps it keeps it open', async ({ page }) => {
  const { app, lists } = await signedIn(page);
  await app.goTo('feed');
  await lists.feedItem(1).click();
  await expect(lists.projectDetail).toBeVisible();
  const title = (await lists.projectDetail.getByRole('heading').first().textContent()) ?? '';
  // A word of its own title keeps it.
  const word = title.split(/\s+/).find((part) => part.length > 5) ?? title;
  await lists.feedSearch.fill(word);
  await expect(lists.feedOpen).toHaveCount(1);
  await expect(lists.projectDetail).toBeVisible();
  await lists.feedSearch.fill('zzqxjv');
  await expect(page.getByTestId('feed-empty')).toBeVisible();
  await expect(lists.projectDetail).toHaveCount(0);
});

test('feed: new projects show an "N new" pill and leave the rows being read where they were', async ({ page }) => {
  const { app, lists } = await signedIn(page);
  await app.goTo('feed');
  await expect(app.feedCount).toBeVisible();
  const before = Number((await app.feedCount.textContent())?.replace(/\D/g, ''));
  const firstTitle = (await lists.feedItem(1).getByRole('heading').textContent()) ?? '';
  const top = (await lists.feedItem(1).getByRole('heading').boundingBox())?.y ?? 0;

  demo.platform.actors.postProject({ title: 'Sottotitoli per un documentario sul vino' });
  demo.platform.actors.postProject({ title: 'Traduzione del catalogo di una cantina' });
  await expect(app.feedCount).toHaveText(`${before + 2} projects`);
  await expect(lists.newPill).toHaveText('2 new projects');
  // The row that was on top is still on top, where it was.
  const formerFirst = page.getByRole('feed').getByRole('heading', { name: firstTitle, exact: true });
  await expect(formerFirst).toBeInViewport();
  expect(Math.abs(((await formerFirst.boundingBox())?.y ?? 0) - top)).toBeLessThan(3);
  await app.screenshot('lists-feed-new-pill-en');

  await lists.newPill.click();
  await expect(lists.newPill).toHaveCount(0);
  await expect(lists.feedItem(1)).toContainText('Traduzione del catalogo di una cantina');
  await expect(lists.feedItem(1)).toBeInViewport();
});

test('feed rows are as tall as their content: a two-line title keeps price and match in the row', async ({ page }) => {
  const { app, lists } = await signedIn(page);
  await page.setViewportSize({ width: 1000, height: 800 });
  demo.platform.actors.postProject({
    title: 'Traduzione e adattamento culturale di un sito di e-commerce di vini naturali in tedesco, francese e inglese con glossario',
  });
  await app.goTo('feed');
  const row = page.getByTestId('project-row').filter({ hasText: 'adattamento culturale' });
  await expect(row).toBeVisible();
  const box = await row.boundingBox();
  for (const part of [row.locator('.budget'), row.locator('.kind')]) {
    const inner = await part.boundingBox();
    expect(inner && box && inner.y + inner.height <= box.y + box.height).toBe(true);
  }
  // The badge and the budget stay on one line.
  const kind = await row.locator('.budget-line').boundingBox();
  expect(kind?.height).toBeLessThan(30);
  await expect(lists.feedItems.first()).toBeVisible();
});

test('clients and conversations: the same cursor, j/k following, Escape closing', async ({ page }) => {
  const { app, lists } = await signedIn(page);
  await app.goTo('clients');
  await lists.clientRows.nth(0).click();
  await expect(lists.clientDetail).toBeVisible();
  const firstName = await lists.clientDetail.getByRole('heading').first().textContent();
  await lists.press('j');
  await expect(lists.clientRows.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(lists.clientRows.nth(1)).toHaveAttribute('data-cursor', 'true');
  await expect(lists.clientDetail.getByRole('heading').first()).not.toHaveText(firstName ?? '');
  await lists.press('Escape');
  await expect(lists.clientDetail).toHaveCount(0);
  await lists.expectRowIsCursorOnly(lists.clientRows.nth(1));

  await app.goTo('messages');
  await lists.threadRows.nth(0).click();
  await expect(lists.conversation).toBeVisible();
  await lists.press('j');
  await expect(lists.threadRows.nth(1)).toHaveAttribute('aria-current', 'true');
  await lists.press('Escape');
  await expect(lists.conversation).toHaveCount(0);
  await lists.expectRowIsCursorOnly(lists.threadRows.nth(1));
});

test('a conversation has date separators and one time per group; the list keeps its width while searching', async ({ page }) => {
  const { app, lists } = await signedIn(page);
  await app.goTo('messages');
  await lists.threadRows.nth(0).click();
  await expect(lists.messages.first()).toBeVisible();
  await expect(lists.daySeparators.first()).toBeVisible();
  // Times are clock times (the day is in the separator), fewer than the bubbles when messages group.
  for (const time of await lists.messageTimes.allTextContents()) expect(time).toMatch(/^\d{1,2}:\d{2}(\s?[AP]M)?$/);
  expect(await lists.messageTimes.count()).toBeLessThanOrEqual(await lists.messages.count());

  const pane = page.locator('.messages .list-pane');
  const width = (await pane.boundingBox())?.width;
  await lists.messageSearch.fill('a very long search for words that appear nowhere at all');
  await expect(page.getByTestId('search-empty')).toBeVisible();
  expect((await pane.boundingBox())?.width).toBe(width);
});

test('a conversation open at its newest message stays there when the window narrows and its bubbles grow taller', async ({ page }) => {
  const { lists } = await signedIn(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  const thread = readWorkspace(demo.host.dataDir, (db) => db.prepare('SELECT id FROM threads ORDER BY message_count DESC, id LIMIT 1').pluck().get() as string);
  await page.goto(`${new URL(demo.host.url).origin}/#/messages/${thread}`);
  await expect(lists.messages.last()).toBeVisible();
  // Longer than its pane, or there would be nothing to keep in view.
  expect(await lists.messageScroller.evaluate((element) => element.scrollHeight > element.clientHeight * 1.5)).toBe(true);
  await expect.poll(() => lists.scrolledAboveEnd()).toBeLessThanOrEqual(1);

  await page.setViewportSize({ width: 1000, height: 900 });
  await expect.poll(() => lists.scrolledAboveEnd()).toBeLessThanOrEqual(1);
  // Scrolled up to read, the reader stays where they are when the window narrows too.
  await lists.messageScroller.evaluate((element) => element.scrollTo(0, 0));
  await expect.poll(() => lists.scrolledAboveEnd()).toBeGreaterThan(200);
  await page.setViewportSize({ width: 800, height: 900 });
  await expect(lists.messages.first()).toBeInViewport();
  expect(await lists.messageScroller.evaluate((element) => element.scrollTop)).toBe(0);
});

for (const language of ['en', 'de'] as const) {
  test(`screens at 1440, 1000 and 800 px in ${language}`, async ({ page }) => {
    const { app, lists } = await signedIn(page);
    if (language === 'de') await app.chooseLanguage('de');
    for (const width of [1440, 1000, 800]) {
      await page.setViewportSize({ width, height: 860 });
      await app.goTo('feed');
      await lists.feedItem(1).click();
      await expect(lists.projectDetail).toBeVisible();
      await lists.press('Escape');
      await lists.press('j');
      await app.screenshot(`lists-feed-cursor-${width}-${language}`);
      await lists.press('Enter');
      await expect(lists.projectDetail).toBeVisible();
      await app.screenshot(`lists-feed-open-${width}-${language}`);
      await app.goTo('clients');
      await lists.clientRows.nth(0).click();
      await lists.press('j');
      await expect(lists.clientDetail).toBeVisible();
      await app.screenshot(`lists-clients-${width}-${language}`);
      await app.goTo('messages');
      await lists.threadRows.nth(0).click();
      await expect(lists.messages.first()).toBeVisible();
      await app.screenshot(`lists-messages-${width}-${language}`);
    }
    if (language === 'de') await app.chooseLanguage('system');
  });
}
