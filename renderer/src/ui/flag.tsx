import * as flags from 'country-flag-icons/react/3x2';

type FlagComponent = (typeof flags)['US'];
const byCode = flags as unknown as Record<string, FlagComponent | undefined>;

/**
 * A country's flag as a bundled SVG (emoji flags draw as empty boxes on Windows and on many Linux machines).
 * Decorative: the country's name is always written beside it.
 */
export const Flag = ({ country, className }: { country: string; className?: string }) => {
  const Svg = /^[A-Za-z]{2}$/.test(country) ? byCode[country.toUpperCase()] : undefined;
  if (!Svg) return <span className={['ui-flag', 'ui-flag--none', className].filter(Boolean).join(' ')} aria-hidden="true" />;
  return <Svg className={['ui-flag', className].filter(Boolean).join(' ')} aria-hidden="true" focusable="false" />;
};
