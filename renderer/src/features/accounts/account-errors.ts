import type { TFunction } from 'i18next';
import type { AccountSignInResult } from '../../../../shared/contract/accounts';
import type { PlatformId } from '../../../../shared/domain/accounts';

export type SignInFailure = Extract<AccountSignInResult, { ok: false }>['reason'];

/** Why adding or signing in an account failed, and what to do about it, in the UI's language. */
export const signInFailureText = (t: TFunction<'sync'>, platform: PlatformId, reason: SignInFailure, method: 'form' | 'browser' = 'form'): string =>
  reason === 'invalid_credentials'
    ? t(method === 'browser' ? 'accounts.error.invalid_credentials_browser' : `accounts.error.invalid_credentials_${platform}`)
    : t(`accounts.error.${reason}`, { platform: t(`platform.${platform}`) });
