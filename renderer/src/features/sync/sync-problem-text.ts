import type { TFunction } from 'i18next';
import type { SyncProblem } from '../../../../shared/contract/sync-problem';
import { isolateBidi } from '../../../../shared/domain/bidi';
import type { QuarantineProblem } from '../../../../shared/platform/changes';

/** Why something did not sync, in the user's language (the `sync` namespace's `problem.*`); the platform's words isolated. */
export const syncProblemText = (t: TFunction<'sync'>, problem: SyncProblem): string => {
  switch (problem.code) {
    case 'timeout':
      return t('problem.timeout', { seconds: problem.seconds });
    case 'unavailable':
      return t('problem.unavailable', { status: problem.status });
    case 'refused':
      return problem.message === null
        ? t('problem.refused', { status: problem.status })
        : t('problem.refusedSaid', { status: problem.status, message: isolateBidi(problem.message) });
    default:
      return t(`problem.${problem.code}`);
  }
};

/** Why a record the platform sent was set aside. The type and field names come from the platform: isolated. */
export const quarantineProblemText = (t: TFunction<'sync'>, problem: QuarantineProblem): string => {
  switch (problem.code) {
    case 'unknown_type':
      return t('quarantine.unknown_type', { type: isolateBidi(problem.type) });
    case 'mismatch':
      return t('quarantine.mismatch');
    case 'invalid':
      return problem.fields.length === 0
        ? t('quarantine.invalidNoFields')
        : t('quarantine.invalid', { fields: problem.fields.map(isolateBidi).join(', ') });
  }
};
