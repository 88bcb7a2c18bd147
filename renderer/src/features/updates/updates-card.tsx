import { useTranslation } from 'react-i18next';
import { updateChannelSchema, type UpdateChannel, type UpdateState } from '../../../../shared/contract/updates';

type Props = {
  state: UpdateState | null;
  onChannelChange: (channel: UpdateChannel) => void;
  onCheckNow: () => void;
};

/** The update channel and a manual check; the desktop app updates itself in the background either way. */
export const UpdatesCard = ({ state, onChannelChange, onCheckNow }: Props) => {
  const { t } = useTranslation('shell');
  if (!state) return null;
  const unsupported = state.status.phase === 'unsupported';
  return (
    <div className="card" data-testid="updates-card">
      <h2>{t('updates.title')}</h2>
      {unsupported ? (
        <p className="muted">{t('updates.unsupported')}</p>
      ) : (
        <>
          <label className="field">
            <span className="field-label">{t('updates.channel')}</span>
            <select
              value={state.channel}
              onChange={(event) => {
                const picked = updateChannelSchema.safeParse(event.target.value);
                if (picked.success) onChannelChange(picked.data);
              }}
            >
              <option value="stable">{t('updates.channelStable')}</option>
              <option value="beta">{t('updates.channelBeta')}</option>
            </select>
          </label>
          <div className="button-row">
            <button type="button" className="secondary" onClick={onCheckNow}>
              {t('updates.check')}
            </button>
          </div>
        </>
      )}
    </div>
  );
};
