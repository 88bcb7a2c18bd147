import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';
import { ConfirmProvider } from './dialog';
import { ToastRegion } from './toast';

/**
 * What the design system needs around the app: the UI's language for the primitives' own strings and
 * number formats, the one confirmation dialog, and the toasts' region.
 */
export const UiProvider = ({ children }: { children: ReactNode }) => {
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language}>
      <ConfirmProvider>
        {children}
        <ToastRegion />
      </ConfirmProvider>
    </I18nProvider>
  );
};
