import { expect, type Locator, type Page } from '@playwright/test';

type SplitScreen = 'feed' | 'clients' | 'messages' | 'proposals';

/**
 * The feed's filter bar (a Filters button, a panel of the design system's controls, the active filters as
 * removable chips, Clear all) and the resizable list/detail split of the four list screens.
 */
export class FiltersPanesPage {
  readonly filtersButton: Locator;
  readonly filtersDialog: Locator;
  readonly chips: Locator;
  readonly clearAll: Locator;

  constructor(readonly page: Page) {
    this.filtersButton = page.getByTestId('filters-open');
    this.filtersDialog = page.getByTestId('filters-dialog');
    this.chips = page.getByTestId('filter-chip');
    this.clearAll = page.getByTestId('filters-clear');
  }

  async openFilters(): Promise<void> {
    await this.filtersButton.click();
    await expect(this.filtersDialog).toBeVisible();
  }

  /** Picks an option of one of the panel's Selects by its value (a language code, a status), whatever its label. */
  async choose(testId: string, value: string): Promise<void> {
    await this.filtersDialog.getByTestId(testId).getByRole('button').first().click();
    await this.page.getByRole('listbox').locator(`[data-value="${value}"]`).click();
    await expect(this.page.getByRole('listbox')).toHaveCount(0);
  }

  /** Adds a skill through the panel's skill picker (typed, then the first match picked). */
  async addSkill(value: string): Promise<void> {
    await this.filtersDialog.getByTestId('filter-skill').getByRole('combobox').click();
    await this.page.getByRole('listbox').locator(`[data-value="${value}"]`).click();
  }

  async closeFilters(): Promise<void> {
    await this.page.getByTestId('filters-done').click();
    await expect(this.filtersDialog).toHaveCount(0);
  }

  chip(text: string | RegExp): Locator {
    return this.chips.filter({ hasText: text });
  }

  separator(screen: SplitScreen): Locator {
    return this.page.locator(`[data-testid="${screen}-separator"]`);
  }

  listPane(screen: SplitScreen): Locator {
    return this.page.locator(`[data-panel][id="${screen}-list"]`);
  }

  detailPane(screen: SplitScreen): Locator {
    return this.page.locator(`[data-panel][id="${screen}-detail"]`);
  }

  /** The list pane's width in CSS pixels, as drawn. */
  async listWidth(screen: SplitScreen): Promise<number> {
    return (await this.listPane(screen).boundingBox())?.width ?? 0;
  }

  /** Drags the separator by dx pixels with the mouse, as a person would. */
  async dragSeparator(screen: SplitScreen, dx: number): Promise<void> {
    const box = await this.separator(screen).boundingBox();
    if (!box) throw new Error(`No separator on ${screen}`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y, { steps: 4 });
    await this.page.mouse.move(x + dx, y, { steps: 4 });
    await this.page.mouse.up();
  }
}
