/**
 * RFC 5545 (iCalendar) for one community event: "add to calendar". Written by hand because it is small and the
 * rules are few, and proven by parsing the output back with ical.js in the tests.
 */

export type IcsEvent = {
  /** Stable across exports, so that importing a changed event again updates the calendar entry. */
  uid: string;
  title: string;
  description: string;
  language: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  url: string | null;
  cancelled: boolean;
  /** Increases with each change of the event (the platform's version). */
  sequence: number;
};

const crlf = '\r\n';
const maxOctets = 75;
const encoder = new TextEncoder();

/**
 * TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11); other control characters,
 * which TEXT may not hold, are dropped.
 */
export const escapeIcsText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex -- exactly the characters removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

/**
 * A URI value is written as the URL parser gives it back: tabs and line breaks removed, spaces, controls and
 * bidi overrides percent-encoded, so a platform's URL can never end the line and start a property of its own.
 * One the parser refuses (or not http/https) is left out.
 */
export const toIcsUri = (value: string): string | null => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
};

/**
 * Folds a content line to at most 75 octets per physical line (§3.1), never inside a UTF-8 sequence: the
 * continuation lines start with one space, which counts towards their 75.
 */
export const foldIcsLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? maxOctets : maxOctets - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${crlf} `);
};

/** 2026-12-01T18:00:00.000Z → 20261201T180000Z (UTC form, §3.3.5). */
export const formatIcsUtc = (instant: string | Date): string =>
  new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A calendar with this one event, CRLF line ends, folded lines. */
export const buildEventIcs = (event: IcsEvent, options: { now: Date; productId: string }): string => {
  const language = /^[A-Za-z0-9-]+$/.test(event.language) ? `;LANGUAGE=${event.language}` : '';
  const url = event.url === null ? null : toIcsUri(event.url);
  const description = [event.description.trim(), url ?? ''].filter((part) => part.length > 0).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${formatIcsUtc(options.now)}`,
    `DTSTART:${formatIcsUtc(event.startsAt)}`,
    `DTEND:${formatIcsUtc(event.endsAt)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `SUMMARY${language}:${escapeIcsText(event.title)}`,
    ...(description ? [`DESCRIPTION${language}:${escapeIcsText(description)}`] : []),
    ...(event.location ? [`LOCATION${language}:${escapeIcsText(event.location)}`] : []),
    ...(url ? [`URL:${url}`] : []),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join(crlf) + crlf;
};

/** A file name from the title: letters and digits of any script, dashes between words. */
export const icsFileName = (title: string): string => {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'event'}.ics`;
};
