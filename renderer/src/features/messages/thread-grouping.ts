/** Date separators and grouped timestamps in a conversation, as chat apps draw them. */

type Sent = { sentAt: string; fromMe: boolean };

/** Messages from one side within this long of each other share one time, under the last of them. */
export const groupGapMs = 5 * 60_000;

/** The calendar day of an instant on this machine's clock (what "today" means to the person reading). */
export const readDayKey = (instant: string | Date): string => {
  const date = new Date(instant);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
};

/** A separator goes above a message that starts a new day (and above the first one). */
export const startsDay = (message: Sent, previous: Sent | undefined): boolean =>
  previous === undefined || readDayKey(previous.sentAt) !== readDayKey(message.sentAt);

/** A message ends its group (and shows the time) unless the next one is from the same side, the same day, soon after. */
export const endsGroup = (message: Sent, next: Sent | undefined): boolean =>
  next === undefined ||
  next.fromMe !== message.fromMe ||
  readDayKey(next.sentAt) !== readDayKey(message.sentAt) ||
  Date.parse(next.sentAt) - Date.parse(message.sentAt) > groupGapMs;

/** "Today", "Yesterday", a weekday within the week, else the date (with its year when not this year). */
export const formatDaySeparator = (
  instant: string,
  now: Date,
  locale: string,
  words: { today: string; yesterday: string },
): string => {
  const date = new Date(instant);
  const startOf = (day: Date) => new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  const days = Math.round((startOf(now) - startOf(date)) / 86_400_000);
  if (days === 0) return words.today;
  if (days === 1) return words.yesterday;
  if (days > 1 && days < 7) return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(date);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(date);
};

export const formatClockTime = (instant: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
