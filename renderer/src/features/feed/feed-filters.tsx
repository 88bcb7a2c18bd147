import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SlidersHorizontal, X } from 'lucide-react';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  Group,
  Heading,
  Input,
  NumberField,
  Popover,
  Tag,
  TagGroup,
  TagList,
  type Key,
} from 'react-aria-components';
import { fromMinorUnits, toMinorUnits } from '../../../../shared/domain/money';
import { projectKinds, projectStatuses, type FeedFacets, type FeedFilter } from '../../../../shared/domain/project';
import { formatLanguageName, formatMoney, formatRegionName } from '../../../../shared/i18n/format';
import type { AccountBadge } from '../../../../shared/domain/accounts';
import { Button } from '../../ui/button';
import { Flag } from '../../ui/flag';
import { Picker } from '../../ui/picker';
import { Select, type SelectOption } from '../../ui/select';
import { useSkillName } from '../../ui/skill-names';
import './feed-filters.css';

type Props = {
  filter: FeedFilter;
  facets: FeedFacets | null;
  /** The workspace's accounts, to name an account filter's chip (the choice itself is in the header). */
  accounts: readonly AccountBadge[];
  onChange: (filter: FeedFilter) => void;
};

// A Select's "no filter" choice (its keys must be non-empty).
const any = '*';
const postedChoices = [1, 3, 7, 30] as const;

/** What "Clear all" leaves: every filter off, the search text kept (it has its own field). */
export const clearFeedFilters = (filter: FeedFilter): FeedFilter => ({
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
});

type Chip = { id: string; name: string; value: string; remove: (filter: FeedFilter) => FeedFilter };

/** One chip per active filter value, in the order of the filter panel; each knows how to take itself out. */
const useChips = (filter: FeedFilter, accounts: readonly AccountBadge[]): Chip[] => {
  const { t, i18n } = useTranslation('feed');
  const { t: tSync } = useTranslation('sync');
  const skillName = useSkillName();
  const chips: Chip[] = [];
  for (const id of filter.accountIds) {
    const account = accounts.find((candidate) => candidate.id === id);
    chips.push({
      id: `account:${id}`,
      name: tSync('filter.label'),
      value: account ? account.label : id,
      remove: (current) => ({ ...current, accountIds: current.accountIds.filter((value) => value !== id) }),
    });
  }
  for (const skill of filter.skills) {
    chips.push({
      id: `skill:${skill}`,
      name: t('filters.skills'),
      value: skillName(skill),
      remove: (current) => ({ ...current, skills: current.skills.filter((value) => value !== skill) }),
    });
  }
  for (const language of filter.languages) {
    chips.push({
      id: `language:${language}`,
      name: t('filters.language'),
      value: formatLanguageName(language, i18n.language),
      remove: (current) => ({ ...current, languages: current.languages.filter((value) => value !== language) }),
    });
  }
  for (const country of filter.countries) {
    chips.push({
      id: `country:${country}`,
      name: t('filters.country'),
      value: formatRegionName(country, i18n.language),
      remove: (current) => ({ ...current, countries: current.countries.filter((value) => value !== country) }),
    });
  }
  if (filter.kind !== null) {
    chips.push({ id: 'kind', name: t('filters.kind'), value: t(`kind.${filter.kind}`), remove: (current) => ({ ...current, kind: null }) });
  }
  if (filter.currency !== null) {
    const { currency, budgetMinMinor: min, budgetMaxMinor: max } = filter;
    const money = (minor: number): string => formatMoney(minor, currency, i18n.language);
    const value =
      min !== null && max !== null
        ? t('filters.budgetRange', { min: money(min), max: money(max) })
        : min !== null
          ? t('filters.budgetFrom', { amount: money(min) })
          : max !== null
            ? t('filters.budgetUpTo', { amount: money(max) })
            : t('filters.budgetIn', { currency });
    chips.push({
      id: 'budget',
      name: t('filters.budget'),
      value,
      remove: (current) => ({ ...current, currency: null, budgetMinMinor: null, budgetMaxMinor: null }),
    });
  }
  if (filter.postedWithinDays !== null) {
    chips.push({
      id: 'posted',
      name: t('filters.posted'),
      value: t('filters.withinDays', { count: filter.postedWithinDays }),
      remove: (current) => ({ ...current, postedWithinDays: null }),
    });
  }
  for (const status of filter.statuses) {
    chips.push({
      id: `status:${status}`,
      name: t('filters.status'),
      value: t(`status.${status}`),
      remove: (current) => ({ ...current, statuses: current.statuses.filter((value) => value !== status) }),
    });
  }
  return chips;
};

type PanelProps = { filter: FeedFilter; facets: FeedFacets | null; onChange: (filter: FeedFilter) => void };

/** The filter panel's controls: the design system's Select, Picker and number fields. Pure: a filter in, a new one out. */
const FilterControls = ({ filter, facets, onChange }: PanelProps) => {
  const { t, i18n } = useTranslation('feed');
  const skillName = useSkillName();
  const set = (patch: Partial<FeedFilter>): void => onChange({ ...filter, ...patch });
  const count = new Intl.NumberFormat(i18n.language);
  const currency = filter.currency ?? facets?.currencies[0]?.value ?? 'EUR';
  const amount = (minor: number | null): number => (minor === null ? Number.NaN : fromMinorUnits(minor, currency));
  const minor = (value: number): number | null => (Number.isFinite(value) && value >= 0 ? toMinorUnits(value, currency) : null);
  const anyOption = (label: string): SelectOption<string> => ({ id: any, label });
  const collator = new Intl.Collator(i18n.language);
  const byLabel = (a: SelectOption<string>, b: SelectOption<string>): number => collator.compare(a.label, b.label);

  const languageOptions = [
    anyOption(t('filters.any')),
    ...(facets?.languages ?? [])
      .map((facet) => ({ id: facet.value, label: formatLanguageName(facet.value, i18n.language), hint: count.format(facet.count) }))
      .sort(byLabel),
  ];
  const countryOptions = [
    anyOption(t('filters.any')),
    ...(facets?.countries ?? [])
      .map((facet) => ({
        id: facet.value,
        label: formatRegionName(facet.value, i18n.language),
        hint: count.format(facet.count),
        prefix: <Flag country={facet.value} />,
      }))
      .sort(byLabel),
  ];
  const skillOptions = (facets?.skills ?? [])
    .filter((facet) => !filter.skills.includes(facet.value))
    .map((facet) => ({ id: facet.value, label: skillName(facet.value), hint: count.format(facet.count) }));

  return (
    <div className="filter-grid">
      <Picker
        className="filter-field filter-wide"
        label={t('filters.skills')}
        placeholder={t('filters.addSkill')}
        options={skillOptions}
        value={null}
        clearOnSelect
        testId="filter-skill"
        onChange={(skill) => {
          if (!filter.skills.includes(skill)) set({ skills: [...filter.skills, skill] });
        }}
      />
      <Select
        className="filter-field"
        label={t('filters.language')}
        testId="filter-language"
        options={languageOptions}
        value={filter.languages[0] ?? any}
        onChange={(value) => set({ languages: value === any ? [] : [value] })}
      />
      <Select
        className="filter-field"
        label={t('filters.country')}
        testId="filter-country"
        options={countryOptions}
        value={filter.countries[0] ?? any}
        onChange={(value) => set({ countries: value === any ? [] : [value] })}
      />
      <Select
        className="filter-field"
        label={t('filters.kind')}
        testId="filter-kind"
        options={[anyOption(t('filters.any')), ...projectKinds.map((kind) => ({ id: kind, label: t(`kind.${kind}`) }))]}
        value={filter.kind ?? any}
        onChange={(value) => set({ kind: projectKinds.find((kind) => kind === value) ?? null })}
      />
      <Select
        className="filter-field"
        label={t('filters.status')}
        testId="filter-status"
        options={[anyOption(t('filters.any')), ...projectStatuses.map((status) => ({ id: status, label: t(`status.${status}`) }))]}
        value={filter.statuses[0] ?? any}
        onChange={(value) => {
          const status = projectStatuses.find((candidate) => candidate === value);
          set({ statuses: status ? [status] : [] });
        }}
      />
      <Select
        className="filter-field"
        label={t('filters.posted')}
        testId="filter-posted"
        options={[anyOption(t('filters.anyTime')), ...postedChoices.map((days) => ({ id: String(days), label: t('filters.withinDays', { count: days }) }))]}
        value={filter.postedWithinDays === null ? any : String(filter.postedWithinDays)}
        onChange={(value) => set({ postedWithinDays: value === any ? null : Number(value) })}
      />
      <Group className="filter-budget filter-wide" aria-labelledby="filter-budget-label">
        <span id="filter-budget-label" className="field-label">
          {t('filters.budget')}
        </span>
        <div className="filter-budget-row">
          <Select
            hideLabel
            label={t('filters.currency')}
            testId="filter-currency"
            options={[anyOption(t('filters.anyCurrency')), ...(facets?.currencies ?? []).map((facet) => ({ id: facet.value, label: facet.value, hint: count.format(facet.count) }))]}
            value={filter.currency ?? any}
            onChange={(value) => set(value === any ? { currency: null, budgetMinMinor: null, budgetMaxMinor: null } : { currency: value })}
          />
          <NumberField
            className="filter-amount"
            aria-label={t('filters.budgetMin')}
            minValue={0}
            isDisabled={filter.currency === null}
            value={amount(filter.budgetMinMinor)}
            onChange={(value) => set({ budgetMinMinor: minor(value) })}
            data-testid="filter-budget-min"
          >
            <Input className="filter-amount-input" placeholder={t('filters.min')} />
          </NumberField>
          <span aria-hidden="true">–</span>
          <NumberField
            className="filter-amount"
            aria-label={t('filters.budgetMax')}
            minValue={0}
            isDisabled={filter.currency === null}
            value={amount(filter.budgetMaxMinor)}
            onChange={(value) => set({ budgetMaxMinor: minor(value) })}
            data-testid="filter-budget-max"
          >
            <Input className="filter-amount-input" placeholder={t('filters.max')} />
          </NumberField>
        </div>
      </Group>
    </div>
  );
};

/**
 * The feed's filters folded into one bar: a "Filters" button opens a panel with every control (focus moves in,
 * Escape closes it and gives focus back), and each active filter shows as a chip in the bar that removes it
 * (its × button, or Delete / Backspace on the chip: React Aria's tag group, arrows move between chips).
 */
const FeedFilterBar = ({ filter, facets, accounts, onChange }: Props) => {
  const { t } = useTranslation('feed');
  const chips = useChips(filter, accounts);
  const remove = (keys: Set<Key>): void => {
    let next = filter;
    for (const chip of chips) if (keys.has(chip.id)) next = chip.remove(next);
    onChange(next);
  };
  const clearAll = (): void => onChange(clearFeedFilters(filter));

  return (
    <div className="filter-bar" role="group" aria-label={t('filters.label')} data-testid="feed-filters">
      <DialogTrigger>
        <Button
          size="small"
          icon={<SlidersHorizontal size={14} aria-hidden="true" />}
          className={chips.length > 0 ? 'filter-button is-active' : 'filter-button'}
          aria-label={chips.length > 0 ? t('filters.openActive', { count: chips.length }) : t('filters.open')}
          data-testid="filters-open"
        >
          {t('filters.open')}
          {chips.length > 0 && (
            <span className="filter-count" aria-hidden="true">
              {chips.length}
            </span>
          )}
        </Button>
        <Popover className="ui-popover filter-popover" placement="bottom start" offset={6}>
          <Dialog className="filter-dialog" aria-labelledby="filter-dialog-title" data-testid="filters-dialog">
            {({ close }) => (
              <>
                <Heading slot="title" id="filter-dialog-title" className="filter-dialog-title">
                  {t('filters.title')}
                </Heading>
                <FilterControls filter={filter} facets={facets} onChange={onChange} />
                <div className="filter-dialog-footer">
                  <Button variant="quiet" size="small" isDisabled={chips.length === 0} onPress={clearAll} data-testid="filters-dialog-clear">
                    {t('filters.clearAll')}
                  </Button>
                  <Button variant="primary" size="small" onPress={close} data-testid="filters-done">
                    {t('filters.done')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Popover>
      </DialogTrigger>
      {chips.length > 0 && (
        <>
          <TagGroup className="filter-chips" aria-label={t('filters.active')} onRemove={remove} data-testid="filter-chips">
            <TagList className="ui-tag-list filter-chip-list" items={chips}>
              {(chip) => (
                <Tag id={chip.id} textValue={t('filters.chip', { name: chip.name, value: chip.value })} className="ui-tag filter-chip" data-testid="filter-chip">
                  <span className="filter-chip-text" title={t('filters.chip', { name: chip.name, value: chip.value })}>
                    <span className="filter-chip-name">{t('filters.chipName', { name: chip.name })}</span> <bdi>{chip.value}</bdi>
                  </span>
                  <AriaButton slot="remove" className="ui-tag-remove filter-chip-remove" aria-label={t('filters.removeChip', { filter: t('filters.chip', { name: chip.name, value: chip.value }) })}>
                    <X size={12} aria-hidden="true" />
                  </AriaButton>
                </Tag>
              )}
            </TagList>
          </TagGroup>
          <Button variant="quiet" size="small" onPress={clearAll} data-testid="filters-clear">
            {t('filters.clearAll')}
          </Button>
        </>
      )}
    </div>
  );
};

// Memoized: the feed re-renders with every page of rows it fetches while scrolling; the bar's props do not change then.
export const FeedFilters = memo(FeedFilterBar);
