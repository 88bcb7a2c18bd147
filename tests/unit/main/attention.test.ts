import { describe, expect, it } from 'vitest';
import { createAttentionService } from '../../../electron/main/native/attention';
import { createShellTranslator } from '../../../electron/main/native/shell-i18n';

const setUp = () => {
  const calls: string[] = [];
  const service = createAttentionService(
    {
      notify: (title, body) => calls.push(`notify:${title}:${body}`),
      setBadgeCount: (count) => calls.push(`badge:${count}`),
      setTrayTooltip: (text) => calls.push(`tooltip:${text}`),
    },
    { t: createShellTranslator('it'), focus: () => undefined },
  );
  return { service, calls };
};

describe('createAttentionService', () => {
  it('keeps badge and tray tooltip in step with unread messages, in the app’s language', () => {
    const { service, calls } = setUp();
    service.setUnreadCount(3);
    service.setUnreadCount(Number.NaN);
    service.setTranslator(createShellTranslator('fr'));
    expect(calls).toEqual(['badge:3', 'tooltip:Bottega: 3 messaggi non letti', 'badge:0', 'tooltip:Bottega', 'badge:0', 'tooltip:Bottega']);
  });

  it('notifies with counts and the user’s own search name only, and not when switched off', () => {
    const { service, calls } = setUp();
    service.notifyNewMessages(2);
    service.notifySearchMatches('  React\n  Milano ', 1);
    service.notifyNewMessages(0);
    service.setNotificationsEnabled(false);
    service.notifyNewMessages(5);
    expect(calls).toEqual(['notify:Bottega:2 nuovi messaggi', 'notify:Bottega:1 nuovo progetto corrisponde a “React Milano”']);
  });
});
