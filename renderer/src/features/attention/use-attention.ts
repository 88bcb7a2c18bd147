import { useEffect } from 'react';
import { hashOfNotice } from '../../../../shared/domain/attention';
import { useClient } from '../../app/client-context';
import { useActivityReport } from './use-activity-report';
import { useAttentionPreferences } from './use-attention-preferences';
import { useUnreadTotals } from './use-unread';
import { useWebNotifications } from './use-web-notifications';

/** Everything the window does for attention: notices (web host), the activity report, unread totals, settings. */
export const useAttention = (host: 'electron' | 'web' | null) => {
  const client = useClient();
  useWebNotifications(host);
  // Electron's main showed the notice natively; its click comes back through the core.
  useEffect(
    () =>
      client.on('noticeOpened', (notice) => {
        window.location.hash = hashOfNotice(notice);
      }),
    [client],
  );
  useActivityReport();
  const unread = useUnreadTotals();
  const { preferences, update } = useAttentionPreferences();
  return { unread, preferences, update };
};
