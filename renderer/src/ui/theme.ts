import { useEffect } from 'react';
import type { Theme } from '../../../shared/contract/settings';

/** Puts the chosen theme on <html>; tokens.css turns it into a colour scheme ('system' follows the OS live). */
export const useAppliedTheme = (theme: Theme): void => {
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
};
