/**
 * An event's time, said the way a member needs it: in their own zone, and in the event's zone when that
 * differs ("18:00–21:00 CET" for a meetup in Rome seen from Lisbon). Intl does all the wording.
 */
const formatter = (locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, ...(timeZone ? { timeZone } : {}) });
  } catch {
    // An unknown zone from the platform falls back to the viewer's own.
    return new Intl.DateTimeFormat(locale, options);
  }
};

export const formatEventRange = (startsAt: string, endsAt: string, locale: string, timeZone?: string): string =>
  formatter(locale, timeZone, { dateStyle: 'full', timeStyle: 'short' }).formatRange(new Date(startsAt), new Date(endsAt));

export const formatEventZoneRange = (startsAt: string, endsAt: string, locale: string, timeZone: string): string =>
  formatter(locale, timeZone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).formatRange(new Date(startsAt), new Date(endsAt));

/** Whether the event's zone shows a different wall-clock time than the viewer's at that instant. */
export const differsFromLocalZone = (instant: string, timeZone: string): boolean => {
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: 'numeric', day: 'numeric' };
  return formatter('en', timeZone, options).format(new Date(instant)) !== formatter('en', undefined, options).format(new Date(instant));
};

export const eventDay = (startsAt: string, locale: string): { day: string; month: string } => ({
  day: formatter(locale, undefined, { day: 'numeric' }).format(new Date(startsAt)),
  month: formatter(locale, undefined, { month: 'short' }).format(new Date(startsAt)),
});
