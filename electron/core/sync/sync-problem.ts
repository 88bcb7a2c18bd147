import { toPlatformMessage, type SyncProblem } from '../../../shared/contract/sync-problem';
import type { PlatformResult } from './platform-client';

type Failure = Exclude<PlatformResult, { kind: 'ok' } | { kind: 'conflict' }>;

/**
 * What the user is told about a failed request: a code and parameters the renderer translates (the
 * English `reason` stays for the log). Retries say what they were about; the rest follow from their kind.
 */
export const problemOf = (result: Failure): SyncProblem => {
  switch (result.kind) {
    case 'retry':
      return result.problem ?? { code: 'bad_answer' };
    case 'signed_out':
      return { code: 'session_expired' };
    case 'gone':
      return { code: 'cursor_lost' };
    case 'rejected':
      if (result.status === 413 && result.error === null) return { code: 'too_large' };
      return { code: 'refused', status: result.status, message: toPlatformMessage(result.error?.message) };
  }
};

/** A write that cannot be sent for a reason the user should see (e.g. the image it names was refused). */
export class SyncProblemError extends Error {
  constructor(readonly problem: SyncProblem) {
    super(`cannot send: ${problem.code}`);
  }
}
