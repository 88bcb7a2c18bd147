import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncProblem } from '../../../../shared/contract/sync-problem';
import { syncProblemText } from './sync-problem-text';

export const useSyncProblemText = (): ((problem: SyncProblem) => string) => {
  const { t } = useTranslation('sync');
  return useCallback((problem: SyncProblem) => syncProblemText(t, problem), [t]);
};
