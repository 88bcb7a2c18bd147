import { useActivityReport } from './use-activity-report';
import { useAttentionPreferences } from './use-attention-preferences';
import { useUnreadTotals } from './use-unread';
import { useWebNotifications } from './use-web-notifications';

/** Everything the window does for attention: notices (web host), the activity report, unread totals, settings. */
export const useAttention = (host: 'electron' | 'web' | null) => {
  useWebNotifications(host);
  useActivityReport();
  const unread = useUnreadTotals();
  const { preferences, update } = useAttentionPreferences();
  return { unread, preferences, update };
};
