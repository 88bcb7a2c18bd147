import type { Locator, Page } from '@playwright/test';

/** The proposal editor as a freelancer uses it. */
export class ProposalsPage {
  readonly editor: Locator;
  readonly coverLetter: Locator;
  readonly autosave: Locator;
  readonly status: Locator;
  readonly problems: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('proposal-editor');
    this.coverLetter = page.getByTestId('cover-letter');
    this.autosave = page.getByTestId('autosave');
    this.status = page.getByTestId('proposal-status');
    this.problems = page.getByTestId('proposal-problems');
    this.rows = page.getByTestId('proposal-row');
  }

  async type(text: string): Promise<void> {
    await this.coverLetter.click();
    await this.page.keyboard.type(text);
  }

  async setTerms(amount: string, days: string): Promise<void> {
    await this.page.getByTestId('terms-amount').fill(amount);
    await this.page.getByTestId('terms-period').fill(days);
  }

  async addLanguage(locale: string): Promise<void> {
    await this.page.getByTestId('add-variant').selectOption(locale);
  }

  submit(): Promise<void> {
    return this.page.getByTestId('submit-proposal').click();
  }

  async withdraw(): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.getByTestId('withdraw-proposal').click();
  }
}
