import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Flag } from './flag';
import { countryCodes, currencyCodes, nameCountry, nameCurrency, nameLanguage, sortByLabel } from './display-names';
import { Picker } from './picker';

type Common = {
  label: string;
  hideLabel?: boolean;
  value: string | null;
  onChange: (code: string) => void;
  placeholder?: string;
  clearOnSelect?: boolean;
  isDisabled?: boolean;
  testId?: string;
  className?: string;
};

/** Languages by their name in the UI's language ("Tedesco", "Allemand"), the tag beside it; one list for every screen. */
export const LanguagePicker = ({ languages, ...props }: Common & { languages: readonly string[] }) => {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const options = useMemo(
    () => sortByLabel(languages.map((tag) => ({ id: tag, label: nameLanguage(tag, locale), hint: tag.toUpperCase() })), locale),
    [languages, locale],
  );
  return <Picker {...props} options={options} />;
};

/** Countries by name in the UI's language, each with its flag (an SVG, not an emoji). */
export const CountryPicker = (props: Common) => {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const options = useMemo(
    () => sortByLabel(countryCodes().map((code) => ({ id: code, label: nameCountry(code, locale), prefix: <Flag country={code} /> })), locale),
    [locale],
  );
  return <Picker {...props} options={options} />;
};

/** Currencies by name in the UI's language ("Euro", "Dollaro statunitense") with their ISO code. */
export const CurrencyPicker = (props: Common) => {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const options = useMemo(
    () => sortByLabel(currencyCodes().map((code) => ({ id: code, label: nameCurrency(code, locale), hint: code })), locale),
    [locale],
  );
  return <Picker {...props} options={options} />;
};
