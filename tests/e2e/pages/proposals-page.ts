import { expect, type Locator, type Page } from '@playwright/test';
import { letterTextOf } from '../../../shared/domain/letter-text';

/** Tiptap keeps its editor on the element it renders into (for tests): the document as the editor holds it. */
type EditorElement = { editor?: { getJSON(): unknown } };

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

  /** Types at the end of the letter, as someone who clicks into it and goes to its end first. */
  async typeAtEnd(text: string): Promise<void> {
    await this.coverLetter.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  /** The letter as the editor holds it, as plain text (as the core stores it: blocks apart by a blank line). */
  async shownLetter(): Promise<string> {
    return letterTextOf(await this.coverLetter.evaluate((element: EditorElement) => element.editor?.getJSON() ?? null));
  }

  async setTerms(amount: string, days: string): Promise<void> {
    await this.page.getByTestId('terms-amount').fill(amount);
    await this.page.getByTestId('terms-period').fill(days);
  }

  /** The dialog a new language opens: how its letter starts. */
  get addLanguageDialog(): Locator {
    return this.page.getByTestId('add-language-dialog');
  }

  /** Picks a language to add from the "Add a language" menu; its dialog opens. */
  async chooseLanguageToAdd(locale: string): Promise<void> {
    await this.page.getByTestId('add-variant').click();
    await this.page.getByRole('menu').locator(`[data-value="${locale}"]`).click();
    await this.addLanguageDialog.waitFor();
  }

  /**
   * Adds a language whose letter starts as chosen: empty, a copy of the project language's letter, or a template
   * (named; one of that language is offered first). Returns once its letter shows.
   */
  async addLanguage(locale: string, start: 'empty' | 'copy' | { template: string } = 'empty'): Promise<void> {
    await this.chooseLanguageToAdd(locale);
    const dialog = this.addLanguageDialog;
    if (start === 'empty' || start === 'copy') {
      await dialog.getByTestId(`letter-start-${start}`).click();
    } else {
      await dialog.getByTestId('letter-start-template').click();
      const picker = dialog.getByTestId('letter-start-which').getByRole('combobox');
      await picker.click();
      await this.page.getByRole('listbox').getByRole('option', { name: start.template, exact: true }).click();
      await expect(picker).toHaveValue(start.template);
    }
    await dialog.getByTestId('add-language-start').click();
    await this.page.locator(`[data-testid="cover-letter"][lang="${locale}"]`).waitFor();
  }

  submit(): Promise<void> {
    return this.page.getByTestId('submit-proposal').click();
  }

  /** The confirmation a submit opens when nothing is missing: what goes out. */
  get submitDialog(): Locator {
    return this.page.getByTestId('submit-dialog');
  }

  async confirmSubmit(): Promise<void> {
    await this.submitDialog.getByTestId('submit-confirm').click();
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

  /** Shows the letter of another language of the proposal. */
  async openTab(locale: string): Promise<void> {
    await this.page.locator(`[data-testid="variant-tab"][data-locale="${locale}"]`).click();
    await this.page.locator(`[data-testid="cover-letter"][lang="${locale}"]`).waitFor();
  }

  /** Empties the letter (all selected, deleted). */
  async clearLetter(): Promise<void> {
    await this.coverLetter.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
  }

  /** Restores a revision (by its number) from the history. */
  async restoreRevision(revision: number): Promise<void> {
    await this.page.getByTestId('show-history').click();
    await this.page.locator(`[data-testid="revisions"] li[data-revision="${revision}"]`).getByTestId('restore-revision').click();
  }

  async insertSnippet(name: string): Promise<void> {
    await this.page.getByTestId('insert-snippet').click();
    await this.page.getByRole('menuitem', { name, exact: true }).click();
  }

  /** Starts the (empty) letter from a template of its language. */
  async startFromTemplate(name: string): Promise<void> {
    await this.page.getByTestId('start-from-template').click();
    await this.page.getByRole('menuitem', { name, exact: true }).click();
  }

  /** Opens the templates library and goes back to the proposal, as soon as each shows. */
  async visitLibrary(): Promise<void> {
    await this.page.getByTestId('open-library').click();
    await this.page.getByTestId('library-back').click();
    await this.editor.waitFor();
  }

  /** Creates a template in the library screen (left open there); returns once it is saved. */
  createTemplate(locale: string, name: string, text: string): Promise<void> {
    return this.createLibraryItem('template', locale, name, text);
  }

  /** Creates a template or a snippet in the library screen (left open); returns once it is saved. */
  async createLibraryItem(kind: 'template' | 'snippet', locale: string, name: string, text: string): Promise<void> {
    await this.page.getByTestId('open-library').click();
    await this.addToLibrary(kind, locale, name, text);
  }

  /** In the library screen: shows the templates and snippets of one language (the design system's Select, by code). */
  async chooseLibraryLanguage(locale: string): Promise<void> {
    const select = this.page.getByTestId('library-language');
    if ((await select.getByRole('button').getAttribute('data-value')) === locale) return;
    await select.getByRole('button').click();
    await this.page.getByRole('listbox').locator(`[data-value="${locale}"]`).click();
    await expect(select.getByRole('button')).toHaveAttribute('data-value', locale);
  }

  /** In the library screen: a new template or snippet, typed and saved; returns once it is saved. */
  async addToLibrary(kind: 'template' | 'snippet', locale: string, name: string, text: string): Promise<void> {
    await this.chooseLibraryLanguage(locale);
    await this.page.getByTestId(kind === 'template' ? 'new-template' : 'new-snippet').click();
    await this.page.getByTestId('library-name').fill(name);
    await this.page.getByTestId('cover-letter').click();
    await this.page.keyboard.type(text);
    await this.page.getByTestId('library-save').click();
    await this.page.getByTestId('library-saved').waitFor();
  }

  /** Adds a language variant started from a template of that language (named). */
  async addLanguageFromTemplate(locale: string, name: string): Promise<void> {
    await this.addLanguage(locale, { template: name });
  }

  /** The letter's header actions, whose places must not move (as the save status changes). */
  get letterActions(): Locator {
    return this.page.getByTestId('letter-actions');
  }

  /** Withdraws the open proposal, answering the app's own confirmation (not the browser's). */
  async withdraw(): Promise<void> {
    await this.page.getByTestId('withdraw-proposal').click();
    await this.page.getByTestId('confirm-dialog').getByTestId('confirm-accept').click();
  }
}
