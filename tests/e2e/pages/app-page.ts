import { expect, type Locator, type Page } from '@playwright/test';
import { settleLayout } from './layout-check';
import { chooseOption } from './picker';

type Section = 'feed' | 'clients' | 'messages' | 'proposals' | 'portfolio' | 'community' | 'insights' | 'settings';

/** What a person sees and does in Bottega, so specs read as steps rather than selectors. */
export class AppPage {
  readonly projectRows: Locator;
  readonly feedCount: Locator;
  readonly languageSelect: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.projectRows = page.getByTestId('project-row');
    this.feedCount = page.getByTestId('feed-count');
    this.languageSelect = page.getByTestId('language-select');
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading).toBeVisible();
  }

  navLink(section: Section): Locator {
    return this.page.getByTestId(`nav-${section}`);
  }

  async goTo(section: Section): Promise<void> {
    await this.navLink(section).click();
    await expect(this.navLink(section)).toHaveAttribute('aria-current', 'page');
  }

  async chooseLanguage(value: 'system' | 'en' | 'it' | 'de' | 'fr' | 'es'): Promise<void> {
    await this.goTo('settings');
    await chooseOption(this.languageSelect, value);
  }

  /** The theme setting (it outranks the emulated system scheme), once the page has applied it. */
  async chooseTheme(theme: 'system' | 'light' | 'dark'): Promise<void> {
    await this.goTo('settings');
    await this.page.getByTestId(`theme-${theme}`).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }

  readonly syncIndicator = (): Locator => this.page.getByTestId('sync-indicator');

  /** Until the indicator says Synced: a first sync of the demo workspace is thousands of records, and how long it takes is the bench's business, not a test's. */
  async waitUntilSynced(): Promise<void> {
    await expect(this.syncIndicator()).toHaveText(/Synced/, { timeout: 60_000 });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.goTo('settings');
    const card = this.page.getByTestId('account-card');
    await card.getByLabel(/email/i).fill(email);
    await card.locator('input[type=password]').fill(password);
    await card.locator('button[type=submit]').click();
  }

  /**
   * Holds back the core's answers to feed.countProjects on the web-host's socket (the rest passes) until the
   * returned release is called: the moment between the first rows and the total, made long enough to see.
   * Call before open().
   */
  async holdFeedCounts(): Promise<() => void> {
    const held: (() => void)[] = [];
    let holding = true;
    await this.page.routeWebSocket(/\/rpc\?/, (socket) => {
      const server = socket.connectToServer();
      const counting = new Set<number>();
      socket.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { channel?: string; id?: number };
        if (frame.channel === 'feed.countProjects' && frame.id !== undefined) counting.add(frame.id);
        server.send(message);
      });
      server.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { kind?: string; id?: number };
        if (holding && frame.kind === 'response' && frame.id !== undefined && counting.has(frame.id)) held.push(() => socket.send(message));
        else socket.send(message);
      });
    });
    return () => {
      holding = false;
      for (const send of held.splice(0)) send();
    };
  }

  /**
   * The core refuses every call on `channel` with `code` (answered on the web-host's socket in its place; the
   * rest passes). Call before open().
   */
  async refuseCalls(channel: string, code: string): Promise<void> {
    await this.page.routeWebSocket(/\/rpc\?/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { channel?: string; id?: number };
        if (frame.channel === channel && frame.id !== undefined) {
          socket.send(JSON.stringify({ kind: 'response', id: frame.id, ok: false, error: { code, message: `Refused by the test: ${channel}` } }));
        } else server.send(message);
      });
      server.onMessage((message) => socket.send(message));
    });
  }

  /** Once entrance animations have ended, so that a dialog is not shot half-way through its fade. */
  async screenshot(name: string): Promise<void> {
    await settleLayout(this.page);
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
