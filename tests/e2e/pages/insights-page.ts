import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export type InsightsFigure = 'funnel' | 'win-rates' | 'reply-times' | 'best-hours' | 'earnings' | 'bid-cost';

/** The insights section as a freelancer reads it: figures as charts or tables, a period, CSV exports. */
export class InsightsPage {
  readonly screen: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('insights-screen');
  }

  /** Opens the section from the sidebar and waits until every figure has drawn (none still loading). */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-insights').click();
    await expect(this.page.getByTestId('nav-insights')).toHaveAttribute('aria-current', 'page');
    await this.waitForFigures();
  }

  async waitForFigures(): Promise<void> {
    for (const figure of ['funnel', 'win-rates', 'reply-times', 'best-hours', 'earnings', 'bid-cost'] as const) {
      await expect(this.card(figure)).toBeVisible();
    }
    await expect(this.screen.locator('[aria-busy="true"]')).toHaveCount(0);
  }

  card(figure: InsightsFigure): Locator {
    return this.page.getByTestId(`insights-${figure}`);
  }

  sample(figure: InsightsFigure): Locator {
    return this.page.getByTestId(`insights-${figure}-sample`);
  }

  table(figure: InsightsFigure): Locator {
    return this.page.getByTestId(`insights-${figure}-table`);
  }

  async showTable(figure: InsightsFigure): Promise<void> {
    // The view switch is a radio group drawn as two segments; the second is the table.
    await this.page.getByTestId(`insights-${figure}-view-table`).click();
    await expect(this.table(figure)).toBeVisible();
  }

  /** The table's body as text, row by row and cell by cell. */
  async readTable(figure: InsightsFigure): Promise<string[][]> {
    return this.table(figure)
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')));
  }

  /** Win rates by another dimension (the design system's Select: its button, then the option by id). */
  async chooseDimension(dimension: 'language' | 'category' | 'skill' | 'country' | 'priceBand' | 'account'): Promise<void> {
    const select = this.page.getByTestId('insights-dimension');
    await select.getByRole('button').click();
    const listbox = this.page.getByRole('listbox');
    await listbox.locator(`[data-value="${dimension}"]`).click();
    await listbox.waitFor({ state: 'detached' });
    await expect(select.getByRole('button')).toHaveAttribute('data-value', dimension);
    await this.waitForFigures();
  }

  async choosePeriod(period: 'all' | 'year' | 'quarter' | 'month'): Promise<void> {
    await this.page.getByTestId(`insights-period-${period}`).click();
    await this.waitForFigures();
  }

  /** Exports a figure as CSV through the browser's download and returns the file's name and text. */
  async exportCsv(figure: InsightsFigure): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`insights-${figure}-export`).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }
}
