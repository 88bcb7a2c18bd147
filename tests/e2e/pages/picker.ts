import type { Locator } from '@playwright/test';

/**
 * Chooses an option of one of the design system's pickers (a combobox: language, country, currency) by its
 * code, whatever the UI's language names it: opens the list from the field, then clicks the option.
 */
export const pickOption = async (picker: Locator, code: string): Promise<void> => {
  await picker.getByRole('combobox').click();
  await picker.page().getByRole('listbox').locator(`[data-value="${code}"]`).click();
};

/**
 * Chooses an option of the design system's Select (a button that opens a list box) by its id, whatever the
 * UI's language calls it: opens the list from the button, clicks the option, and waits for the list to close.
 */
export const chooseOption = async (select: Locator, id: string): Promise<void> => {
  await select.getByRole('button').click();
  const listbox = select.page().getByRole('listbox');
  await listbox.locator(`[data-value="${id}"]`).click();
  await listbox.waitFor({ state: 'detached' });
};

/** The labels of a Select's options, in order (opens the list, reads it, closes it with Escape). */
export const optionLabels = async (select: Locator): Promise<string[]> => {
  await select.getByRole('button').click();
  const listbox = select.page().getByRole('listbox');
  const labels = await listbox.getByRole('option').allTextContents();
  await select.page().keyboard.press('Escape');
  await listbox.waitFor({ state: 'detached' });
  return labels;
};

/** The id of a Select's chosen option. */
export const chosenOption = (select: Locator): Locator => select.getByRole('button');
