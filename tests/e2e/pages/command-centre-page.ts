import { expect, type Locator, type Page } from '@playwright/test';

/** The command centre (Ctrl+K): what a person types, sees and picks there, by keyboard only. */
export class CommandCentrePage {
  readonly dialog: Locator;
  readonly input: Locator;
  /** Every row, commands and records, in the order shown. */
  readonly rows: Locator;
  readonly commands: Locator;
  readonly records: Locator;
  readonly active: Locator;
  readonly help: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('command-palette');
    this.input = page.getByTestId('palette-input');
    this.rows = this.dialog.getByRole('option');
    this.commands = page.getByTestId('palette-command');
    this.records = page.getByTestId('palette-item');
    this.active = this.dialog.locator('[role=option][aria-selected=true]');
    this.help = page.getByTestId('shortcuts-help');
  }

  /** Opens it with the shortcut, as from anywhere in the app; the field has the focus. */
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  async type(text: string): Promise<void> {
    await this.input.fill(text);
  }

  /** The rows' groups (recent, actions, navigate, records) in the order shown. */
  async groups(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-group') ?? ''));
  }

  /**
   * Types `text`, waits until `label` is the row the keyboard is on (moving down to it with the arrow key), and
   * presses Enter.
   */
  async run(text: string, label: string | RegExp): Promise<void> {
    await this.open();
    await this.type(text);
    const row = this.rows.filter({ hasText: label }).first();
    await expect(row).toBeVisible();
    for (let step = 0; step < 20 && (await row.getAttribute('aria-selected')) !== 'true'; step += 1) await this.input.press('ArrowDown');
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await this.input.press('Enter');
    await expect(this.dialog).toHaveCount(0);
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toHaveCount(0);
  }
}
