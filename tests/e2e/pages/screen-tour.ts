import { expect, type Page } from '@playwright/test';
import { InsightsPage } from './insights-page';

/** One screen in one of its main states: how to get there (from anywhere in the app) and how to leave it. */
export type TourStop = {
  name: string;
  enter(page: Page): Promise<void>;
  /** Closes what the stop opened over the screen (a dialog, the command centre). */
  leave?(page: Page): Promise<void>;
};

/** Goes to a hash route in the page already open: a same-document navigation, no reload. */
export const goToHash = async (page: Page, hash: string): Promise<void> => {
  const url = new URL(page.url());
  url.hash = hash;
  await page.goto(url.toString());
};

const openFirst = async (page: Page, hash: string, row: string, shown: string): Promise<void> => {
  await goToHash(page, hash);
  await page.locator(row).first().click();
  await expect(page.locator(shown)).toBeVisible();
};

/**
 * Every screen of Bottega and its main states, as the accessibility and layout tours visit them: in this order,
 * each stop reachable from the one before (the portfolio's dialog needs its editor open). Expects a workspace
 * synced with the demo platform (projects, clients, threads, proposals, portfolio items, community).
 */
export const screenTour: readonly TourStop[] = [
  {
    name: 'feed',
    enter: async (page) => {
      await goToHash(page, '#/feed');
      await expect(page.getByRole('feed').locator('.list-item').first()).toBeVisible();
    },
  },
  { name: 'feed-project', enter: (page) => openFirst(page, '#/feed', '[role=feed] .list-item', '[data-testid=project-detail]') },
  { name: 'clients-client', enter: (page) => openFirst(page, '#/clients', '[data-testid=client-row]', '[data-testid=client-detail]') },
  { name: 'messages-thread', enter: (page) => openFirst(page, '#/messages', '[data-testid=thread-row]', '[data-testid=conversation]') },
  { name: 'proposals-editor', enter: (page) => openFirst(page, '#/proposals', '[data-testid=proposal-row]', '[data-testid=proposal-editor]') },
  { name: 'proposals-library', enter: (page) => goToHash(page, '#/proposals/library').then(() => expect(page.getByTestId('new-template')).toBeVisible()) },
  {
    name: 'portfolio-items',
    enter: async (page) => {
      await goToHash(page, '#/portfolio/items');
      await expect(page.getByTestId('portfolio-row').first()).toBeVisible();
    },
  },
  { name: 'portfolio-editor', enter: (page) => openFirst(page, '#/portfolio/items', '[data-testid=portfolio-row] .pf-row-open', 'form.pf-editor') },
  {
    name: 'portfolio-delete-dialog',
    enter: async (page) => {
      await page.locator('form.pf-editor > .toolbar button').last().click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    },
    leave: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
    },
  },
  { name: 'portfolio-languages', enter: (page) => goToHash(page, '#/portfolio/languages').then(() => expect(page.getByTestId('completeness')).toBeVisible()) },
  { name: 'portfolio-profile', enter: (page) => goToHash(page, '#/portfolio/profile').then(() => expect(page.getByTestId('profile-country')).toBeVisible()) },
  { name: 'portfolio-preview', enter: (page) => goToHash(page, '#/portfolio/preview').then(() => expect(page.locator('.pf-preview')).toBeVisible()) },
  { name: 'community-story', enter: (page) => openFirst(page, '#/community/stories', '[data-testid=story-item]', '[data-testid=story-reader]') },
  { name: 'community-map', enter: (page) => goToHash(page, '#/community/map').then(() => expect(page.getByTestId('region-list')).toBeVisible()) },
  { name: 'community-topic', enter: (page) => openFirst(page, '#/community/forum', '[data-testid=topic-item]', '[data-testid=topic-view]') },
  { name: 'community-events', enter: (page) => goToHash(page, '#/community/events').then(() => expect(page.getByTestId('event-item').first()).toBeVisible()) },
  {
    name: 'insights',
    enter: async (page) => {
      await goToHash(page, '#/insights');
      await new InsightsPage(page).waitForFigures();
    },
  },
  { name: 'settings', enter: (page) => goToHash(page, '#/settings').then(() => expect(page.getByTestId('theme')).toBeVisible()) },
  {
    name: 'command-centre',
    enter: async (page) => {
      await goToHash(page, '#/feed');
      await page.keyboard.press('Control+k');
      await expect(page.getByTestId('command-palette')).toBeVisible();
    },
    leave: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('command-palette')).toHaveCount(0);
    },
  },
];
