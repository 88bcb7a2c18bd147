import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The workspace screens (feed filters and detail, messages, clients) as a freelancer uses them. */
export class WorkspacePage extends AppPage {
  readonly feedSearch: Locator;
  readonly projectDetail: Locator;
  readonly threadRows: Locator;
  readonly messages: Locator;
  readonly composer: Locator;
  readonly clientDetail: Locator;

  constructor(page: Page) {
    super(page);
    this.feedSearch = page.getByTestId('feed-search');
    this.projectDetail = page.getByTestId('project-detail');
    this.threadRows = page.getByTestId('thread-row');
    this.messages = page.getByTestId('message');
    this.composer = page.getByTestId('composer');
    this.clientDetail = page.getByTestId('client-detail');
  }

  async searchFeed(text: string): Promise<void> {
    await this.feedSearch.fill(text);
  }

  /** Narrows the feed to one language through the filter panel (the Select's option by its label). */
  async filterLanguage(label: RegExp | string): Promise<void> {
    await this.page.getByTestId('filters-open').click();
    await this.page.getByTestId('filter-language').getByRole('button').first().click();
    await this.page.getByRole('listbox').getByRole('option', { name: label }).first().click();
    await this.page.getByTestId('filters-done').click();
  }

  async saveSearch(name: string): Promise<void> {
    await this.page.getByTestId('save-search').click();
    await this.page.getByTestId('save-search-name').fill(name);
    await this.page.getByTestId('save-search-name').press('Enter');
    await expect(this.savedSearch(name)).toBeVisible();
  }

  savedSearch(name: string): Locator {
    return this.page.getByTestId('saved-search').filter({ hasText: name });
  }

  async openProject(title: string): Promise<void> {
    await this.projectRows.filter({ hasText: title }).first().click();
    await expect(this.projectDetail).toContainText(title);
  }

  async openThreadAt(index: number): Promise<void> {
    await this.threadRows.nth(index).click();
    await expect(this.page.getByTestId('conversation')).toBeVisible();
  }

  async searchMessages(text: string): Promise<void> {
    await this.page.getByTestId('message-search').fill(text);
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.page.getByTestId('send').click();
  }

  message(text: string): Locator {
    return this.messages.filter({ hasText: text });
  }

  async syncNow(): Promise<void> {
    await this.syncIndicator().getByRole('button').click();
  }
}
