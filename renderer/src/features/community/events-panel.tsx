import { useTranslation } from 'react-i18next';
import type { CommunityEventView } from '../../../../shared/contract/community';
import { isolateBidi } from '../../../../shared/domain/bidi';
import { toSafeExternalUrl } from '../../../../shared/domain/search-text';
import { formatLanguageName, formatRegionName } from '../../../../shared/i18n/format';
import { ExternalLink } from '../../components/external-link';
import { differsFromLocalZone, eventDay, formatEventRange, formatEventZoneRange } from './event-time';

type Props = {
  events: CommunityEventView[] | null;
  includePast: boolean;
  onIncludePastChange: (includePast: boolean) => void;
  onExport: (event: CommunityEventView) => void;
  now: Date;
};

export const EventsPanel = ({ events, includePast, onIncludePastChange, onExport, now }: Props) => {
  const { t, i18n } = useTranslation('community');
  const locale = i18n.language;
  return (
    <div className="events-panel">
      <div className="community-filters">
        <label className="check-field">
          <input type="checkbox" checked={includePast} onChange={(event) => onIncludePastChange(event.target.checked)} />
          <span>{t('events.includePast')}</span>
        </label>
      </div>
      {events?.length === 0 && (
        <div className="empty-state">
          <h2>{t('events.empty.title')}</h2>
          <p>{t('events.empty.body')}</p>
        </div>
      )}
      <ul className="event-list" aria-label={t('events.listLabel')}>
        {events?.map((event) => {
          const { day, month } = eventDay(event.startsAt, locale);
          const past = Date.parse(event.endsAt) < now.getTime();
          // Each platform-given part isolated: a bidi override in the venue cannot reorder the city after it.
          const place = [event.venue, event.city]
            .filter((part): part is string => Boolean(part))
            .map(isolateBidi)
            .concat(event.country ? [formatRegionName(event.country, locale)] : [])
            .join(', ');
          return (
            <li key={event.id} className={`event-card${event.cancelled ? ' cancelled' : ''}${past ? ' past' : ''}`} data-testid="event-item" lang={event.language}>
              <div className="event-date" aria-hidden="true">
                <span className="event-day">{day}</span>
                <span className="event-month">{month}</span>
              </div>
              <div className="event-main">
                <h2 className="event-title">
                  <bdi>{event.title}</bdi>
                  {event.cancelled && <span className="badge badge-danger">{t('events.cancelled')}</span>}
                  {past && !event.cancelled && <span className="badge badge-muted">{t('events.past')}</span>}
                </h2>
                <p lang={locale}>
                  <span className="badge badge-muted">{t(`events.formats.${event.format}`)}</span>{' '}
                  <time dateTime={event.startsAt}>{formatEventRange(event.startsAt, event.endsAt, locale)}</time>
                  {differsFromLocalZone(event.startsAt, event.timeZone) && (
                    <span className="muted"> {t('events.localTime', { time: formatEventZoneRange(event.startsAt, event.endsAt, locale, event.timeZone) })}</span>
                  )}
                </p>
                {place && <p lang={locale}>{t('events.place', { place })}</p>}
                {event.onlineUrl && (
                  <p lang={locale}>
                    {t('events.online')}{' '}
                    {/* Opened only through the checked path; shown as the URL parser reads it (controls percent-encoded). */}
                    <ExternalLink href={event.onlineUrl}>
                      <bdi>{toSafeExternalUrl(event.onlineUrl) ?? event.onlineUrl}</bdi>
                    </ExternalLink>
                  </p>
                )}
                <p className="event-description">
                  <bdi>{event.description}</bdi>
                </p>
                <p className="muted" lang={locale}>
                  {t('events.organizer', { name: isolateBidi(event.organizerName) })} · {formatLanguageName(event.language, locale)}
                </p>
              </div>
              <div className="event-actions">
                <button type="button" className="secondary-button" data-testid="event-ics" onClick={() => onExport(event)}>
                  {t('events.addToCalendar')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
};
