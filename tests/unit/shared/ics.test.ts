import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildEventIcs, foldIcsLine, icsFileName, type IcsEvent } from '../../../shared/domain/ics';

const event: IcsEvent = {
  uid: 'evt_000001@community.bottega',
  title: 'Aperitivo wwworkers a Bologna; porta un amico, anche due',
  description: 'Due chiacchiere tra chi lavora con il web.\nPorta i tuoi biglietti da visita: \\ ; , tutto ok.',
  language: 'it',
  startsAt: '2026-12-01T18:00:00.000Z',
  endsAt: '2026-12-01T21:00:00.000Z',
  location: 'Caffè Letterario, Bologna, Italia',
  url: 'https://meet.wwworkers.example/evt_000001',
  cancelled: false,
  sequence: 2,
};

/** What a calendar application reads from the file. */
const parseBack = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const parsed = new ICAL.Event(vevent);
  return {
    version: calendar.getFirstPropertyValue('version'),
    uid: parsed.uid,
    summary: parsed.summary,
    description: parsed.description,
    location: parsed.location,
    start: parsed.startDate.toJSDate().toISOString(),
    end: parsed.endDate.toJSDate().toISOString(),
    sequence: parsed.sequence,
    status: vevent.getFirstPropertyValue('status'),
    url: vevent.getFirstPropertyValue('url'),
    language: vevent.getFirstProperty('summary')?.getParameter('language'),
  };
};

describe('.ics export', () => {
  it('parses back to the same event with ical.js', () => {
    const ics = buildEventIcs(event, { now: new Date('2026-11-20T10:00:00Z'), productId: '-//Bottega//Test//EN' });
    expect(parseBack(ics)).toEqual({
      version: '2.0',
      uid: event.uid,
      summary: event.title,
      description: `${event.description}\n\n${event.url}`,
      location: event.location,
      start: event.startsAt,
      end: event.endsAt,
      sequence: 2,
      status: 'CONFIRMED',
      url: event.url,
      language: 'it',
    });
    expect(parseBack(buildEventIcs({ ...event, cancelled: true }, { now: new Date(), productId: 'x' })).status).toBe('CANCELLED');
  });

  it('ends every line with CRLF and keeps physical lines within 75 octets', () => {
    const ics = buildEventIcs({ ...event, description: 'Ünïcödé 🎉 '.repeat(40) }, { now: new Date(), productId: 'x' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('round-trips any text, in any script, through folding and escaping', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\\', ';', ',', '\n', ' ', 'é', 'ß', '日', '🎉', ':', '"'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 300 });
    fc.assert(
      fc.property(text.filter((value) => value.trim().length > 0), text, (title, description) => {
        const parsed = parseBack(
          buildEventIcs({ ...event, title, description, location: null, url: null }, { now: new Date(), productId: 'x' }),
        );
        expect(parsed.summary).toBe(title);
        expect(parsed.description ?? '').toBe(description.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('never splits a character when folding', () => {
    const folded = foldIcsLine(`DESCRIPTION:${'🎉'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${'🎉'.repeat(60)}`);
  });

  it('names the file after the title', () => {
    expect(icsFileName('Freelancer-Stammtisch München!')).toBe('freelancer-stammtisch-münchen.ics');
    expect(icsFileName('***')).toBe('event.ics');
  });

  // eslint-disable-next-line no-control-regex -- the controls a TEXT value may not hold (line breaks aside)
  const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

  it('gives a hostile platform no way to add a property: line breaks and controls in the URL, title and place', () => {
    const hostile = fc.string({ unit: fc.constantFrom('\r', '\n', '\r\n', '\u2028', '\u0085', '\u000b', '\u0000', '\u202e', '\u2066', ':', ';', 'ATTENDEE', 'a', ' '), maxLength: 60 });
    const known = /^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|UID|DTSTAMP|DTSTART|DTEND|SEQUENCE|SUMMARY|DESCRIPTION|LOCATION|URL|STATUS)[;:]/;
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, place, path) => {
        const ics = buildEventIcs(
          { ...event, title: `t${title}`, location: `l${place}`, url: `https://meet.example/${path}` },
          { now: new Date(), productId: 'x' },
        );
        const lines = ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
        for (const line of lines) expect(line).toMatch(known);
        expect(lines.filter((line) => line.startsWith('URL'))).toHaveLength(1);
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(ics).not.toMatch(controls);
        const parsed = parseBack(ics);
        expect(parsed.summary).toBe(`t${title}`.replace(/\r\n|\r/g, '\n').replace(controls, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps bidi controls and path separators out of the file name', () => {
    expect(icsFileName('Invoice \u202Efdp.exe')).toBe('invoice-fdp-exe.ics');
    expect(icsFileName('../../etc/passwd\r\nx')).toBe('etc-passwd-x.ics');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\u202e', '\u2066', '\u200f', '/', '\\', '..', '\r\n', ':', 'é', 'a', '日') }), (title) => {
        expect(icsFileName(title)).toMatch(/^[\p{L}\p{N}-]+\.ics$/u);
      }),
    );
  });
});
