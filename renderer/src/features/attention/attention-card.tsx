import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionPreferences, BackgroundSettings } from '../../../../shared/contract/attention';
import { attentionKinds, type AttentionSettings } from '../../../../shared/domain/attention';
import { canNotify } from './use-web-notifications';
import './attention.css';

type Props = {
  preferences: AttentionPreferences | null;
  host: 'electron' | 'web' | null;
  onChange: (patch: { attention?: AttentionSettings; background?: Partial<BackgroundSettings> }) => void;
};

const toTime = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fromTime = (value: string): number | null => {
  const match = /^(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes < 24 * 60 ? minutes : null;
};

/** One end of the quiet hours, as minutes after midnight; a half-typed time is not passed on. */
const QuietTimeField = ({ label, testId, minutes, isDisabled, onChange }: { label: string; testId: string; minutes: number; isDisabled: boolean; onChange: (minutes: number) => void }) => (
  <label className="check">
    <span>{label}</span>
    <input
      type="time"
      data-testid={testId}
      value={toTime(minutes)}
      disabled={isDisabled}
      onChange={(event) => {
        const parsed = fromTime(event.target.value);
        if (parsed !== null) onChange(parsed);
      }}
    />
  </label>
);

/** The browser's permission for Web Notifications, asked only when the user presses the button. */
const BrowserPermission = () => {
  const { t } = useTranslation('shell');
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() => (canNotify() ? Notification.permission : 'unsupported'));
  if (permission === 'unsupported') return <p className="muted">{t('notifications.settings.unsupported')}</p>;
  return (
    <div className="permission" data-testid="notification-permission">
      <span>{t(`notifications.settings.permission_${permission}`)}</span>
      {permission === 'default' && (
        <button type="button" className="secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
          {t('notifications.settings.allow')}
        </button>
      )}
    </div>
  );
};

/** Which notices to show, when to keep quiet, follow-up reminders and (desktop app) life in the background. */
export const AttentionCard = ({ preferences, host, onChange }: Props) => {
  const { t } = useTranslation('shell');
  if (!preferences) return null;
  const settings = preferences.attention;
  const set = (patch: Partial<AttentionSettings>): void => onChange({ attention: { ...settings, ...patch } });
  const quiet = settings.quietHours;
  return (
    <>
      <div className="card attention-card" data-testid="attention-card">
        <h2>{t('notifications.settings.title')}</h2>
        {host === 'web' && <BrowserPermission />}
        <fieldset>
          <legend>{t('notifications.settings.kindsLegend')}</legend>
          {attentionKinds.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                data-testid={`notify-${kind}`}
                checked={settings.kinds[kind]}
                onChange={(event) => set({ kinds: { ...settings.kinds, [kind]: event.target.checked } })}
              />
              <span>{t(`notifications.settings.kind_${kind}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('notifications.settings.quietLegend')}</legend>
          <label className="check">
            <input
              type="checkbox"
              data-testid="quiet-hours"
              checked={quiet.enabled}
              onChange={(event) => set({ quietHours: { ...quiet, enabled: event.target.checked } })}
            />
            <span>{t('notifications.settings.quietHours')}</span>
          </label>
          <div className="time-range">
            <QuietTimeField label={t('notifications.settings.quietFrom')} testId="quiet-start" minutes={quiet.start} isDisabled={!quiet.enabled} onChange={(start) => set({ quietHours: { ...quiet, start } })} />
            <QuietTimeField label={t('notifications.settings.quietTo')} testId="quiet-end" minutes={quiet.end} isDisabled={!quiet.enabled} onChange={(end) => set({ quietHours: { ...quiet, end } })} />
          </div>
          <label className="check">
            <input
              type="checkbox"
              data-testid="quiet-composing"
              checked={settings.quietWhileComposing}
              onChange={(event) => set({ quietWhileComposing: event.target.checked })}
            />
            <span>{t('notifications.settings.quietWhileComposing')}</span>
          </label>
        </fieldset>
        <label className="field">
          <span className="field-label">{t('notifications.settings.followUpDays')}</span>
          <input
            type="number"
            data-testid="follow-up-days"
            min={0}
            max={60}
            value={settings.followUpDays}
            onChange={(event) => {
              const days = Number(event.target.value);
              if (Number.isInteger(days) && days >= 0 && days <= 60) set({ followUpDays: days });
            }}
          />
          <span className="field-hint">{t('notifications.settings.followUpHint')}</span>
        </label>
      </div>
      {host === 'electron' && (
        <div className="card attention-card" data-testid="background-card">
          <h2>{t('background.title')}</h2>
          <label className="check">
            <input
              type="checkbox"
              data-testid="close-to-tray"
              checked={preferences.background.closeToTray ?? true}
              onChange={(event) => onChange({ background: { closeToTray: event.target.checked } })}
            />
            <span>{t('background.closeToTray')}</span>
          </label>
          <p className="field-hint">{t('background.closeToTrayHint')}</p>
          <label className="check">
            <input
              type="checkbox"
              data-testid="launch-at-login"
              checked={preferences.background.launchAtLogin}
              onChange={(event) => onChange({ background: { launchAtLogin: event.target.checked } })}
            />
            <span>{t('background.launchAtLogin')}</span>
          </label>
        </div>
      )}
    </>
  );
};
