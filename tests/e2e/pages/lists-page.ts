import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The three long lists (feed, clients, conversations) as a reader sees them: the keyboard cursor (a ring, on
 * `data-cursor`) and the open item (filled, aria-current).
 */
export class ListsPage {
  readonly feedItems: Locator;
  readonly feedCursor: Locator;
  readonly feedOpen: Locator;
  readonly projectDetail: Locator;
  readonly newPill: Locator;
  readonly feedSearch: Locator;
  readonly clientRows: Locator;
  readonly clientDetail: Locator;
  readonly threadRows: Locator;
  readonly conversation: Locator;
  readonly daySeparators: Locator;
  readonly messageTimes: Locator;
  readonly messages: Locator;
  readonly messageSearch: Locator;
  readonly messageScroller: Locator;

  constructor(readonly page: Page) {
    this.feedItems = page.getByRole('feed').locator('.list-item');
    this.feedCursor = page.getByRole('feed').locator('.list-item[data-cursor="true"]');
    this.feedOpen = page.getByRole('feed').locator('.list-item[aria-current="true"]');
    this.projectDetail = page.getByTestId('project-detail');
    this.newPill = page.getByTestId('feed-new-pill');
    this.feedSearch = page.getByTestId('feed-search');
    this.clientRows = page.getByTestId('client-row');
    this.clientDetail = page.getByTestId('client-detail');
    this.threadRows = page.getByTestId('thread-row');
    this.conversation = page.getByTestId('conversation');
    this.daySeparators = page.getByTestId('day-separator');
    this.messageTimes = page.getByTestId('message-time');
    this.messages = page.getByTestId('message');
    this.messageSearch = page.getByTestId('message-search');
    this.messageScroller = page.getByTestId('message-scroller');
  }

  /** The feed row at a position in the list (1-based, as aria-posinset counts). */
  feedItem(position: number): Locator {
    return this.page.locator(`.list-item[aria-posinset="${position}"]`);
  }

  /** How far the open conversation is scrolled above its end, in pixels (0 at the newest message). */
  async scrolledAboveEnd(): Promise<number> {
    return this.messageScroller.evaluate((element) => Math.round(element.scrollHeight - element.scrollTop - element.clientHeight));
  }

  /** Presses a key with the focus on the page itself, not in a field (as after clicking a row). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async expectFeedCursorAt(position: number): Promise<void> {
    await expect(this.feedCursor).toHaveCount(1);
    await expect(this.feedCursor).toHaveAttribute('aria-posinset', String(position));
  }

  async expectRowIsCursorOnly(row: Locator): Promise<void> {
    await expect(row).toHaveAttribute('data-cursor', 'true');
    await expect(row).not.toHaveAttribute('aria-current', 'true');
  }
}
