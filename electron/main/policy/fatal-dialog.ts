import type { CoreStartProblem } from '../../core/host-messages';
import type { Translate } from './menu-model';

/** Why Bottega has to quit: the core's own start problem, a crash loop, or main failing to start at all. */
export type FatalProblem = CoreStartProblem | { code: 'crash_loop'; crashes: number; seconds: number } | { code: 'start_failed' };

/** The title and text of the error box shown before quitting, in the user's language (shell namespace, `fatal.*`). */
export const fatalDialog = (t: Translate, problem: FatalProblem): { title: string; content: string } => {
  switch (problem.code) {
    case 'too_new':
      return { title: t('fatal.workspaceTitle'), content: t('fatal.tooNew', { found: problem.found, supported: problem.supported }) };
    case 'unexpected':
      return { title: t('fatal.workspaceTitle'), content: t('fatal.unexpected') };
    case 'crash_loop':
      return { title: t('fatal.workspaceTitle'), content: t('fatal.crashLoop', { count: problem.crashes, seconds: problem.seconds }) };
    case 'start_failed':
      return { title: t('fatal.startTitle'), content: t('fatal.startMessage') };
  }
};
