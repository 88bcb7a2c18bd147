import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './picker';

type Tab = 'stories' | 'map' | 'forum' | 'events';

/** The community section as a member uses it: stories, the professions map, the forum and events. */
export class CommunityPage {
  readonly storyItems: Locator;
  readonly storyReader: Locator;
  readonly storySearch: Locator;
  readonly mapProfession: Locator;
  readonly regionItems: Locator;
  readonly regionStories: Locator;
  readonly topicItems: Locator;
  readonly topicView: Locator;
  readonly posts: Locator;
  readonly eventItems: Locator;
  readonly languageFilter: Locator;

  constructor(readonly page: Page) {
    this.storyItems = page.getByTestId('story-item');
    this.storyReader = page.getByTestId('story-reader');
    this.storySearch = page.getByTestId('story-search');
    this.mapProfession = page.getByTestId('map-profession');
    this.regionItems = page.getByTestId('region-item');
    this.regionStories = page.getByTestId('region-story');
    this.topicItems = page.getByTestId('topic-item');
    this.topicView = page.getByTestId('topic-view');
    this.posts = page.getByTestId('forum-post');
    this.eventItems = page.getByTestId('event-item');
    this.languageFilter = page.getByTestId('community-language');
  }

  async open(tab: Tab = 'stories'): Promise<void> {
    await this.page.getByTestId('nav-community').click();
    await this.openTab(tab);
  }

  async openTab(tab: Tab): Promise<void> {
    await this.page.getByTestId(`community-tab-${tab}`).click();
    await expect(this.page.getByTestId(`community-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  }

  async readStory(title: string): Promise<void> {
    await this.storyItems.filter({ hasText: title }).first().click();
    await expect(this.storyReader.getByRole('heading', { level: 2 })).toHaveText(title);
  }

  async filterMapByProfession(profession: string): Promise<void> {
    // Option ids are the professions as members name them; labels add the count.
    await chooseOption(this.mapProfession, profession);
    // The list keeps the previous answer on screen until the filtered one arrives.
    await expect(this.page.getByTestId('region-list')).toHaveAttribute('aria-busy', 'false');
  }

  async openTopic(title: string): Promise<void> {
    await this.topicItems.filter({ hasText: title }).first().click();
    await expect(this.topicView.getByRole('heading', { level: 2 })).toHaveText(title);
  }

  async reply(body: string): Promise<void> {
    await this.page.getByTestId('reply-body').fill(body);
    await this.page.getByTestId('reply-send').click();
  }

  postWithText(body: string): Locator {
    return this.posts.filter({ hasText: body });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
