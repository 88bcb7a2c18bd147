import type { Locator } from '@playwright/test';

/**
 * Chooses an option of one of the design system's pickers (a combobox: language, country, currency) by its
 * code, whatever the UI's language names it: opens the list from the field, then clicks the option.
 */
export const pickOption = async (picker: Locator, code: string): Promise<void> => {
  await picker.getByRole('combobox').click();
  await picker.page().getByRole('listbox').locator(`[data-value="${code}"]`).click();
};
