import { isAppUrl } from './app-origin';

export type PermissionDecision = 'allow' | 'deny';

/** The only permissions the app's own pages get: native notifications for new messages. */
const grantedToApp = new Set(['notifications']);

/** Deny by default; a short allow-list applies only to the app's own origin, never to remote content. */
export const decidePermission = (permission: string, origin: string, devServerUrl?: string): PermissionDecision =>
  grantedToApp.has(permission) && isAppUrl(origin, devServerUrl) ? 'allow' : 'deny';
