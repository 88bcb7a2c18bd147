import { useTranslation } from 'react-i18next';
import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import type { AutosaveState } from './use-letter-session';

/**
 * Saving… / All changes saved / Not saved, as the letter's autosave goes. The live region is always there (a
 * status that appears is not announced) and sits in a slot of the header that its text never widens.
 */
export const AutosaveIndicator = ({ state }: { state: AutosaveState }) => {
  const { t } = useTranslation('proposals');
  return (
    <span className={`autosave autosave-${state}`} role="status" data-testid="autosave">
      {state === 'saving' && <LoaderCircle size={14} aria-hidden="true" />}
      {state === 'saved' && <CircleCheck size={14} aria-hidden="true" />}
      {state === 'failed' && <CircleAlert size={14} aria-hidden="true" />}
      {state === 'idle' ? '' : state === 'failed' ? t('autosave.notSaved') : t(`autosave.${state}`)}
    </span>
  );
};
