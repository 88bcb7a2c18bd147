/**
 * The feed's filters folded into a bar with chips, and the resizable list/detail panes (#15): filters applied from
 * the panel show as chips, a chip's × or Delete removes its filter, Clear all removes every one, a saved search
 * brings its chips back after a reload; the separator between list and detail moves by keyboard and by drag, and
 * each screen's width comes back after a reload (stored by the core); at 800 px in German no list text overflows
 * its row (names end in an ellipsis with the full text in a title). Screenshots at 800 and 1440 px in en and de,
 * and at 1000 px in fr.
 */
import { expect, test, type Page } from '@playwright/test';
import { type AppPage } from './pages/app-page';
import { FiltersPanesPage } from './pages/filters-panes-page';
import { WorkspacePage } from './pages/workspace-page';
import { useDemoServers } from './demo-servers';

const demo = useDemoServers({ signedIn: true });

test.describe.configure({ mode: 'serial' });

const signedIn = async (page: Page) => {
  const app = new WorkspacePage(page);
  await app.open(demo.host.url);
  return { app, bar: new FiltersPanesPage(page) };
};

/** The interface language, chosen in Settings like a person would (the Select by its value). */
const chooseLanguage = async (app: AppPage, language: 'system' | 'en' | 'de' | 'fr'): Promise<void> => {
  await app.goTo('settings');
  await app.languageSelect.getByRole('button').first().click();
  await app.page.getByRole('listbox').locator(`[data-value="${language}"]`).click();
  await expect(app.page.getByRole('listbox')).toHaveCount(0);
};

const countOf = async (app: AppPage): Promise<number> => Number((await app.feedCount.textContent())?.replace(/\D/g, ''));

test('feed filters: applied from the panel as chips, kept through a visit elsewhere, removed by a chip (pointer and keyboard), Clear all, a saved search brings them back', async ({ page }) => {
  const { app, bar } = await signedIn(page);
  await app.goTo('feed');
  await expect(app.projectRows.first()).toBeVisible();
  const total = await countOf(app);
  // No native select drawn (React Aria's Select keeps a 1 px one, aria-hidden, for forms' autofill).
  await expect(page.locator('.screen.feed select:not([aria-hidden="true"] select)')).toHaveCount(0);

  // Nothing filtered: the bar is one button, no chip, no Clear all.
  await expect(bar.chips).toHaveCount(0);
  await expect(bar.clearAll).toHaveCount(0);

  await bar.openFilters();
  await bar.choose('filter-language', 'it');
  await bar.choose('filter-status', 'open');
  await bar.closeFilters();
  await expect(bar.filtersButton).toBeFocused();
  await expect(bar.chips).toHaveCount(2);
  await expect(bar.chip('Language: Italian')).toBeVisible();
  await expect(bar.chip('Status: Open')).toBeVisible();
  await expect(bar.filtersButton).toHaveAccessibleName('Filters, 2 active');
  await expect(app.feedCount).not.toHaveText(`${total} projects`);
  const italianOpen = await countOf(app);
  expect(italianOpen).toBeLessThan(total);
  for (const lang of await app.projectRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('lang')))) expect(lang).toBe('it');
  await app.screenshot('filters-chips-1280-en');

  // The filters stay through a visit to another screen (they were reset on every return), with the same result.
  await app.goTo('messages');
  await app.goTo('feed');
  await expect(bar.chips).toHaveCount(2);
  await expect(app.feedCount).toHaveText(`${italianOpen} ${italianOpen === 1 ? 'project' : 'projects'}`);

  // The chip's × (named for its filter) removes only that filter.
  await bar.chip('Status: Open').getByRole('button', { name: 'Remove the filter Status: Open' }).click();
  await expect(bar.chips).toHaveCount(1);
  const italian = await countOf(app);
  expect(italian).toBeGreaterThanOrEqual(italianOpen);

  // By keyboard: the chip takes the focus, Delete removes it.
  await bar.chip('Language: Italian').focus();
  await page.keyboard.press('Delete');
  await expect(bar.chips).toHaveCount(0);
  await expect(app.feedCount).toHaveText(`${total} projects`);

  // Clear all, from the bar, removes every filter at once.
  await bar.openFilters();
  await bar.choose('filter-language', 'it');
  await bar.choose('filter-kind', 'fixed');
  await bar.closeFilters();
  await expect(bar.chips).toHaveCount(2);
  await bar.clearAll.click();
  await expect(bar.chips).toHaveCount(0);
  await expect(app.feedCount).toHaveText(`${total} projects`);

  // A saved search keeps its filters: after a reload, opening it brings its chips back.
  await bar.openFilters();
  await bar.choose('filter-language', 'it');
  await bar.choose('filter-posted', '30');
  await bar.closeFilters();
  await expect(bar.chips).toHaveCount(2);
  const saved = await countOf(app);
  await app.saveSearch('Italiano recente');
  await page.reload();
  await expect(app.heading).toBeVisible();
  await expect(bar.chips).toHaveCount(0);
  await app.savedSearch('Italiano recente').getByRole('button', { name: /^Italiano recente/ }).click();
  await expect(bar.chips).toHaveCount(2);
  await expect(bar.chip('Language: Italian')).toBeVisible();
  await expect(bar.chip('Posted: Last 30 days')).toBeVisible();
  await expect(app.feedCount).toHaveText(`${saved} ${saved === 1 ? 'project' : 'projects'}`);
  await bar.clearAll.click();
  await app.savedSearch('Italiano recente').getByRole('button', { name: /^Delete the saved search/ }).click();
});

test('the split moves by keyboard (role=separator, arrows) and the width comes back after a reload', async ({ page }) => {
  const { app, bar } = await signedIn(page);
  await app.goTo('clients');
  const separator = bar.separator('clients');
  await expect(separator).toHaveAttribute('role', 'separator');
  await expect(separator).toHaveAccessibleName('Resize the list');
  const before = await bar.listWidth('clients');
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => bar.listWidth('clients')).toBeGreaterThan(before + 40);
  const widened = await bar.listWidth('clients');
  const valueNow = await separator.getAttribute('aria-valuenow');

  await page.reload();
  await expect(app.heading).toBeVisible();
  await expect(bar.separator('clients')).toHaveAttribute('aria-valuenow', valueNow ?? '');
  expect(Math.abs((await bar.listWidth('clients')) - widened)).toBeLessThan(2);

  // Another screen keeps its own width.
  await app.goTo('messages');
  expect(Math.abs((await bar.listWidth('messages')) - before)).toBeLessThan(2);
  // Home puts the list at its smallest: never below what keeps it usable.
  await bar.separator('messages').focus();
  await page.keyboard.press('Home');
  await expect.poll(() => bar.listWidth('messages')).toBeLessThan(before);
  expect(await bar.listWidth('messages')).toBeGreaterThanOrEqual(219);
});

test('the split moves by drag, in the feed with a project open and in proposals, and persists across a reload', async ({ page }) => {
  const { app, bar } = await signedIn(page);
  await app.goTo('feed');
  // Nothing open: the list alone, no separator.
  await expect(bar.separator('feed')).toBeHidden();
  await app.projectRows.first().click();
  await expect(app.projectDetail).toBeVisible();
  await expect(bar.separator('feed')).toBeVisible();
  const before = await bar.listWidth('feed');
  await bar.dragSeparator('feed', -150);
  await expect.poll(() => bar.listWidth('feed')).toBeLessThan(before - 100);
  const dragged = await bar.listWidth('feed');

  await app.goTo('proposals');
  const proposalsBefore = await bar.listWidth('proposals');
  await bar.dragSeparator('proposals', 120);
  await expect.poll(() => bar.listWidth('proposals')).toBeGreaterThan(proposalsBefore + 80);
  const proposalsDragged = await bar.listWidth('proposals');

  await page.reload();
  await expect(app.heading).toBeVisible();
  expect(Math.abs((await bar.listWidth('proposals')) - proposalsDragged)).toBeLessThan(2);
  await app.goTo('feed');
  await app.projectRows.first().click();
  await expect(app.projectDetail).toBeVisible();
  expect(Math.abs((await bar.listWidth('feed')) - dragged)).toBeLessThan(2);
});

// The e2e tsconfig has no DOM types: the check is the page's own script, as text (as in pages/layout-check.ts).
const rowsContainedScript = String.raw`(elements) => {
  const found = [];
  for (const row of elements) {
    const box = row.getBoundingClientRect();
    for (const element of Array.from(row.querySelectorAll('*'))) {
      if (!(element instanceof HTMLElement) || element.offsetParent === null) continue;
      const inner = element.getBoundingClientRect();
      // Text for screen readers only (a 1 px clipped box) is not drawn.
      if (inner.width <= 1) continue;
      // What is drawn: the box cut by every ancestor inside the row that clips its overflow.
      let left = inner.left;
      let right = inner.right;
      for (let parent = element.parentElement; parent && parent !== row; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      if (right > box.right + 0.5 || left < box.left - 0.5) found.push('sticks out: ' + element.className + ' “' + element.textContent + '”');
      const style = getComputedStyle(element);
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'visible') {
        if (style.textOverflow !== 'ellipsis') found.push('cut without an ellipsis: ' + element.className + ' “' + element.textContent + '”');
        const titled = element.closest('[title]');
        if (!titled || !row.contains(titled) || !titled.getAttribute('title')) found.push('cut without a title: ' + element.className + ' “' + element.textContent + '”');
      }
    }
  }
  return found;
}`;

/**
 * Every list row's text stays inside its row at this width: nothing sticks out, and text that does not fit ends in
 * an ellipsis with its full text in a title (on it or an ancestor inside the row).
 */
const expectRowsContained = async (page: Page, rows: string): Promise<void> => {
  const problems = (await page.evaluate(`(${rowsContainedScript})(Array.from(document.querySelectorAll(${JSON.stringify(rows)})))`)) as string[];
  expect(problems).toEqual([]);
};

test('at 800 px in German every list keeps its text inside its rows; names end in an ellipsis with the full name in a title', async ({ page }) => {
  const { app } = await signedIn(page);
  await page.setViewportSize({ width: 800, height: 800 });
  // A client and a conversation whose names cannot fit.
  demo.platform.actors.postProject({ title: 'Übersetzung eines sehr umfangreichen technischen Handbuchs für Werkzeugmaschinen ins Italienische' });
  await chooseLanguage(app, 'de');
  await app.goTo('clients');
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await expectRowsContained(page, '[data-testid="client-row"]');
  await app.goTo('messages');
  await expect(page.getByTestId('thread-row').first()).toBeVisible();
  await expectRowsContained(page, '[data-testid="thread-row"]');
  await page.getByTestId('thread-row').first().click();
  await expect(page.getByTestId('conversation')).toBeVisible();
  await expectRowsContained(page, '[data-testid="thread-row"]');
  await app.goTo('proposals');
  await expect(page.getByTestId('proposal-row').first()).toBeVisible();
  await expectRowsContained(page, '[data-testid="proposal-row"]');
  await app.goTo('feed');
  await expect(app.projectRows.first()).toBeVisible();
  await expectRowsContained(page, '[data-testid="project-row"]');
  await app.projectRows.first().click();
  await expect(app.projectDetail).toBeVisible();
  await expectRowsContained(page, '[data-testid="project-row"]');
  // Both panes usable: neither is squeezed below its minimum.
  const bar = new FiltersPanesPage(page);
  expect(await bar.listWidth('feed')).toBeGreaterThanOrEqual(219);
  expect((await bar.detailPane('feed').boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(279);
  await chooseLanguage(app, 'system');
});

const shoot = async (page: Page, app: WorkspacePage, bar: FiltersPanesPage, width: number, language: string): Promise<void> => {
  await page.setViewportSize({ width, height: 800 });
  await app.goTo('feed');
  await expect(app.projectRows.first()).toBeVisible();
  await bar.openFilters();
  await bar.choose('filter-language', 'it');
  await bar.choose('filter-posted', '30');
  await app.screenshot(`filters-panel-${width}-${language}`);
  await bar.closeFilters();
  await app.projectRows.first().click();
  await expect(app.projectDetail).toBeVisible();
  await app.screenshot(`filters-chips-open-${width}-${language}`);
  await bar.clearAll.click();
  for (const screen of ['clients', 'messages', 'proposals'] as const) {
    await app.goTo(screen);
    await page.locator(`[data-testid="${screen === 'clients' ? 'client' : screen === 'messages' ? 'thread' : 'proposal'}-row"]`).first().click();
    await bar.separator(screen).focus();
    await app.screenshot(`panes-${screen}-${width}-${language}`);
  }
};

for (const [language, widths] of [
  ['en', [800, 1440]],
  ['de', [800, 1440]],
  ['fr', [1000]],
] as const) {
  test(`screenshots in ${language} at ${widths.join(' and ')} px`, async ({ page }) => {
    const { app, bar } = await signedIn(page);
    if (language !== 'en') await chooseLanguage(app, language);
    for (const width of widths) await shoot(page, app, bar, width, language);
    if (language !== 'en') await chooseLanguage(app, 'system');
  });
}
