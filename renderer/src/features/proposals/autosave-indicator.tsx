import { useTranslation } from 'react-i18next';
import type { AutosaveState } from './use-letter-session';

/** Saving… / All changes saved / Not saved, as the letter's autosave goes. */
export const AutosaveIndicator = ({ state }: { state: AutosaveState }) => {
  const { t } = useTranslation('proposals');
  if (state === 'idle') return null;
  return (
    <span className={`autosave autosave-${state}`} role="status" data-testid="autosave">
      {t(`autosave.${state}`)}
    </span>
  );
};
