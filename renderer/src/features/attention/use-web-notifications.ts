import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hashOfNotice, tagOfNotice } from '../../../../shared/domain/attention';
import { describeNotice, type NoticeTranslate } from '../../../../shared/i18n/notice-text';
import { useClient } from '../../app/client-context';

export const canNotify = (): boolean => typeof window !== 'undefined' && 'Notification' in window;

/**
 * In a browser (web host) the window shows the core's notices as Web Notifications; Electron's main process
 * shows them natively instead, so a window there shows none. A click brings the window forward and opens the item.
 */
export const useWebNotifications = (host: 'electron' | 'web' | null): void => {
  const client = useClient();
  const { i18n } = useTranslation();
  useEffect(() => {
    if (host !== 'web' || !canNotify()) return;
    return client.on('attentionRaised', ({ notices }) => {
      if (Notification.permission !== 'granted') return;
      const fixed = i18n.getFixedT(null, 'shell');
      const t: NoticeTranslate = (key, options) => fixed(key, { ...options });
      for (const notice of notices) {
        const { title, body } = describeNotice(t, notice);
        const shown = new Notification(title, { body, tag: tagOfNotice(notice), lang: i18n.language });
        shown.addEventListener('click', () => {
          window.focus();
          window.location.hash = hashOfNotice(notice);
          shown.close();
        });
      }
    });
  }, [client, host, i18n]);
};
