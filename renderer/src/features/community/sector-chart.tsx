import { useTranslation } from 'react-i18next';
import type { ProfessionMap } from '../../../../shared/contract/community';

type Props = {
  sectors: ProfessionMap['sectors'];
  selectedProfession: string | null;
  onSelectProfession: (profession: string) => void;
};

const palette = 6;

/** Professions by sector: one bar per sector, one segment per profession, widths in members. */
export const SectorChart = ({ sectors, selectedProfession, onSelectProfession }: Props) => {
  const { t } = useTranslation('community');
  const totals = sectors.map((sector) => sector.professions.reduce((sum, entry) => sum + entry.count, 0));
  const max = Math.max(1, ...totals);
  return (
    <figure className="sector-chart" data-testid="sector-chart">
      <figcaption>{t('chart.title')}</figcaption>
      <ul>
        {sectors.map((sector, row) => {
          const total = totals[row] ?? 0;
          let offset = 0;
          return (
            <li key={sector.sector ?? 'none'} className="sector-row">
              <span className="sector-name">{sector.sector ? t(`sectors.${sector.sector}`) : t('sectors.unknown')}</span>
              <svg className="sector-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={t('chart.barLabel', { count: total })}>
                {sector.professions.map((entry, index) => {
                  const x = offset;
                  const w = (entry.count / max) * 100;
                  offset += w;
                  return (
                    <rect key={entry.profession} x={x} width={w} height="10" className={`segment segment-${index % palette}`}>
                      <title>{t('filters.withCount', { label: entry.profession, count: entry.count })}</title>
                    </rect>
                  );
                })}
              </svg>
              <span className="sector-total">{total}</span>
              <span className="sector-professions">
                {sector.professions.map((entry, index) => (
                  <button
                    key={entry.profession}
                    type="button"
                    className={`profession-chip segment-key-${index % palette}`}
                    aria-pressed={entry.profession === selectedProfession}
                    onClick={() => onSelectProfession(entry.profession)}
                  >
                    {t('filters.withCount', { label: entry.profession, count: entry.count })}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
};
