import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Result = { ok: boolean; problems: string[] };
type Props = { onCheck: () => Promise<Result> };

/** The full integrity check on demand (every start runs the quick one), for when something looks wrong. */
export const IntegrityCard = ({ onCheck }: Props) => {
  const { t } = useTranslation('workspace');
  const [state, setState] = useState<'idle' | 'checking' | Result>('idle');
  const run = async (): Promise<void> => {
    setState('checking');
    try {
      setState(await onCheck());
    } catch {
      setState('idle');
    }
  };
  return (
    <div className="card" data-testid="integrity-card">
      <h2>{t('integrity.title')}</h2>
      <p className="muted">{t('integrity.body')}</p>
      <div className="button-row">
        <button type="button" disabled={state === 'checking'} onClick={() => void run()}>
          {state === 'checking' ? t('integrity.checking') : t('integrity.check')}
        </button>
      </div>
      {typeof state === 'object' && (
        <p role="status" className={state.ok ? undefined : 'form-error'}>
          {state.ok ? t('integrity.ok') : t('integrity.problems', { count: state.problems.length })}
        </p>
      )}
      {typeof state === 'object' && !state.ok && (
        // SQLite's own words, for whoever helps: shown as text.
        <details>
          <summary>{t('integrity.details')}</summary>
          <ul>
            {state.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
};
