import type { UpdateState } from '../../../../shared/contract/updates';

/** What the banner shows for an update state; nothing for the quiet states (the user is never interrupted). */
export type BannerModel =
  | { kind: 'none' }
  | { kind: 'downloading'; version: string; percent: number }
  | { kind: 'ready'; version: string }
  | { kind: 'failed'; reason: Extract<UpdateState['status'], { phase: 'failed' }>['reason']; retryAt: number | null };

export const describeUpdateBanner = (state: UpdateState | null, dismissedVersion: string | null): BannerModel => {
  const status = state?.status;
  switch (status?.phase) {
    case 'downloading':
      return { kind: 'downloading', version: status.version, percent: Math.round(status.percent) };
    case 'ready':
      return dismissedVersion === status.version ? { kind: 'none' } : { kind: 'ready', version: status.version };
    // Only failures the user can act on are shown: the first automatic retries stay quiet.
    case 'failed':
      return status.reason === 'disk' || status.reason === 'integrity' || status.attempt >= 3
        ? { kind: 'failed', reason: status.reason, retryAt: status.retryAt }
        : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
};
