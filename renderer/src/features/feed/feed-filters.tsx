import { useTranslation } from 'react-i18next';
import { fromMinorUnits, toMinorUnits } from '../../../../shared/domain/money';
import { projectKinds, projectStatuses, type FeedFacets, type FeedFilter } from '../../../../shared/domain/project';
import { formatLanguageName, formatRegionName } from '../../../../shared/i18n/format';
import { AccountFilter } from '../accounts/account-filter';
import { useAccountChoices } from '../accounts/use-accounts';

type Props = {
  filter: FeedFilter;
  facets: FeedFacets | null;
  onChange: (filter: FeedFilter) => void;
};

const any = '';
const postedChoices = [1, 3, 7, 30] as const;

const parseAmount = (text: string, currency: string): number | null => {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) || value < 0 ? null : toMinorUnits(value, currency);
};

/** Every filter of the feed as plain controls; pure: the filter comes in, a new one goes out. */
export const FeedFilters = ({ filter, facets, onChange }: Props) => {
  const { t, i18n } = useTranslation('feed');
  const accounts = useAccountChoices();
  const set = (patch: Partial<FeedFilter>): void => onChange({ ...filter, ...patch });
  const currency = filter.currency ?? facets?.currencies[0]?.value ?? 'EUR';
  const amount = (minor: number | null): string => (minor === null ? '' : String(fromMinorUnits(minor, currency)));
  const active =
    filter.skills.length + filter.languages.length + filter.countries.length + filter.statuses.length + filter.accountIds.length > 0 ||
    filter.kind !== null ||
    filter.currency !== null ||
    filter.postedWithinDays !== null;

  return (
    <div className="filters" role="group" aria-label={t('filters.label')} data-testid="feed-filters">
      <AccountFilter className="filter" accounts={accounts} value={filter.accountIds} onChange={(accountIds) => set({ accountIds })} />
      <label className="filter">
        <span>{t('filters.skills')}</span>
        <select
          value={any}
          data-testid="filter-skill"
          onChange={(event) => {
            const skill = event.target.value;
            if (skill && !filter.skills.includes(skill)) set({ skills: [...filter.skills, skill] });
          }}
        >
          <option value={any}>{t('filters.addSkill')}</option>
          {facets?.skills
            .filter((facet) => !filter.skills.includes(facet.value))
            .map((facet) => (
              <option key={facet.value} value={facet.value}>
                {facet.value} ({facet.count})
              </option>
            ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('filters.language')}</span>
        <select
          value={filter.languages[0] ?? any}
          data-testid="filter-language"
          onChange={(event) => set({ languages: event.target.value ? [event.target.value] : [] })}
        >
          <option value={any}>{t('filters.any')}</option>
          {facets?.languages.map((facet) => (
            <option key={facet.value} value={facet.value}>
              {formatLanguageName(facet.value, i18n.language)} ({facet.count})
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('filters.country')}</span>
        <select
          value={filter.countries[0] ?? any}
          data-testid="filter-country"
          onChange={(event) => set({ countries: event.target.value ? [event.target.value] : [] })}
        >
          <option value={any}>{t('filters.any')}</option>
          {facets?.countries.map((facet) => (
            <option key={facet.value} value={facet.value}>
              {/* No flag here: an <option> holds text only, and emoji flags draw as boxes on Windows. */}
              {formatRegionName(facet.value, i18n.language)} ({facet.count})
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('filters.kind')}</span>
        <select
          value={filter.kind ?? any}
          data-testid="filter-kind"
          onChange={(event) => set({ kind: projectKinds.find((kind) => kind === event.target.value) ?? null })}
        >
          <option value={any}>{t('filters.any')}</option>
          {projectKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="filter budget-filter">
        <legend>{t('filters.budget')}</legend>
        <select
          aria-label={t('filters.currency')}
          value={filter.currency ?? any}
          data-testid="filter-currency"
          onChange={(event) =>
            set(
              event.target.value
                ? { currency: event.target.value }
                : { currency: null, budgetMinMinor: null, budgetMaxMinor: null },
            )
          }
        >
          <option value={any}>{t('filters.anyCurrency')}</option>
          {facets?.currencies.map((facet) => (
            <option key={facet.value} value={facet.value}>
              {facet.value}
            </option>
          ))}
        </select>
        <input
          type="number"
          min={0}
          inputMode="decimal"
          className="amount"
          aria-label={t('filters.budgetMin')}
          placeholder={t('filters.min')}
          disabled={filter.currency === null}
          value={amount(filter.budgetMinMinor)}
          onChange={(event) => set({ budgetMinMinor: parseAmount(event.target.value, currency) })}
        />
        <span aria-hidden="true">–</span>
        <input
          type="number"
          min={0}
          inputMode="decimal"
          className="amount"
          aria-label={t('filters.budgetMax')}
          placeholder={t('filters.max')}
          disabled={filter.currency === null}
          value={amount(filter.budgetMaxMinor)}
          onChange={(event) => set({ budgetMaxMinor: parseAmount(event.target.value, currency) })}
        />
      </fieldset>
      <label className="filter">
        <span>{t('filters.posted')}</span>
        <select
          value={filter.postedWithinDays ?? any}
          data-testid="filter-posted"
          onChange={(event) => set({ postedWithinDays: event.target.value ? Number(event.target.value) : null })}
        >
          <option value={any}>{t('filters.anyTime')}</option>
          {postedChoices.map((days) => (
            <option key={days} value={days}>
              {t('filters.withinDays', { count: days })}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('filters.status')}</span>
        <select
          value={filter.statuses[0] ?? any}
          data-testid="filter-status"
          onChange={(event) => {
            const status = projectStatuses.find((value) => value === event.target.value);
            set({ statuses: status ? [status] : [] });
          }}
        >
          <option value={any}>{t('filters.any')}</option>
          {projectStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      {filter.skills.length > 0 && (
        <ul className="chips removable" aria-label={t('filters.selectedSkills')}>
          {filter.skills.map((skill) => (
            <li key={skill} className="chip">
              {skill}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('filters.removeSkill', { skill })}
                onClick={() => set({ skills: filter.skills.filter((value) => value !== skill) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {active && (
        <button
          type="button"
          className="secondary small"
          data-testid="filters-clear"
          onClick={() =>
            onChange({
              ...filter,
              skills: [],
              languages: [],
              countries: [],
              statuses: [],
              kind: null,
              currency: null,
              budgetMinMinor: null,
              budgetMaxMinor: null,
              postedWithinDays: null,
              accountIds: [],
            })
          }
        >
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
};
