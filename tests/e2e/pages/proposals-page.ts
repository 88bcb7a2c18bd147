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

  async showPreview(): Promise<Locator> {
    await this.page.getByTestId('view-preview').click();
    const preview = this.page.getByTestId('proposal-preview');
    await preview.waitFor();
    return preview;
  }

  async showEditor(): Promise<void> {
    await this.page.getByTestId('view-write').click();
    await this.coverLetter.waitFor();
  }

  async answer(index: number, text: string): Promise<void> {
    await this.page.getByTestId('question-answer').nth(index).fill(text);
  }

  /** Opens the history and picks a revision (0 = newest): its word-level diff shows below it. */
  async pickRevision(index: number): Promise<Locator> {
    await this.page.getByTestId('show-history').click();
    await this.page.getByTestId('revision').nth(index).click();
    const diff = this.page.getByTestId('revision-diff');
    await diff.waitFor();
    return diff;
  }

  /** Creates a template in the library screen and comes back to the list; returns nothing until it is saved. */
  async createTemplate(locale: string, name: string, text: string): Promise<void> {
    await this.page.getByTestId('open-library').click();
    await this.page.getByTestId('library-language').selectOption(locale);
    await this.page.getByTestId('new-template').click();
    await this.page.getByTestId('library-name').fill(name);
    await this.page.getByTestId('cover-letter').click();
    await this.page.keyboard.type(text);
    await this.page.getByTestId('library-save').click();
    await this.page.getByTestId('library-saved').waitFor();
  }

  /** Adds a language variant started from a template of that language, named in the menu. */
  async addLanguageFromTemplate(name: string): Promise<void> {
    const option = this.page.getByTestId('add-variant').locator('option', { hasText: name });
    const value = await option.getAttribute('value');
    if (!value) throw new Error(`no template option named ${name}`);
    await this.page.getByTestId('add-variant').selectOption(value);
  }

  async withdraw(): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.getByTestId('withdraw-proposal').click();
  }
}
