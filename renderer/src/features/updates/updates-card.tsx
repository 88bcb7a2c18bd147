import { useTranslation } from 'react-i18next';
import { updateChannelSchema, type UpdateChannel, type UpdateState } from '../../../../shared/contract/updates';
import { Select } from '../../ui/select';

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
          <Select
            label={t('updates.channel')}
            testId="update-channel"
            value={state.channel}
            options={[
              { id: 'stable', label: t('updates.channelStable') },
              { id: 'beta', label: t('updates.channelBeta') },
            ]}
            onChange={(picked) => {
              const channel = updateChannelSchema.safeParse(picked);
              if (channel.success) onChannelChange(channel.data);
            }}
          />
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
