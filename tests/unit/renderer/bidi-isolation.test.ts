import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance, type ResourceKey } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CommunityEventView } from '../../../shared/contract/community';
import { LinkedText } from '../../../renderer/src/components/rich-text';
import { EventsPanel } from '../../../renderer/src/features/community/events-panel';

const rlo = '\u202E';
const event: CommunityEventView = {
  id: 'evt_1',
  title: `Meetup ${rlo}gnitsoh`,
  description: `Bring ${rlo}ecnarusni your laptop`,
  language: 'en',
  format: 'hybrid',
  startsAt: '2030-05-01T17:00:00.000Z',
  endsAt: '2030-05-01T19:00:00.000Z',
  timeZone: 'Europe/Rome',
  venue: `Sala ${rlo}anoV`,
  city: 'Milano',
  country: 'IT',
  onlineUrl: 'javascript:alert(1)',
  organizerName: `Anna ${rlo}iinaB`,
  cancelled: true,
};

/** The app's English strings, read as the renderer's i18n setup bundles them (that one needs Vite's import.meta.glob). */
const englishI18n = async () => {
  const dir = path.join(import.meta.dirname, '../../../shared/locales/en');
  const strings = Object.fromEntries(
    readdirSync(dir).map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ResourceKey]),
  );
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ resources: { en: strings }, lng: 'en', defaultNS: 'common', interpolation: { escapeValue: false } });
  return i18n;
};

const render = async (events: CommunityEventView[]): Promise<string> => {
  const i18n = await englishI18n();
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(EventsPanel, { events, includePast: true, onIncludePastChange: () => undefined, onExport: () => undefined, now: new Date('2030-01-01T00:00:00Z') })),
  );
};

describe('untrusted text with bidi overrides is isolated where it is shown', () => {
  it('an event title, description, venue and organizer with U+202E cannot reorder the labels around them', async () => {
    const html = await render([event]);
    // The title sits in its own isolate, the "Cancelled" badge outside it.
    expect(html).toMatch(new RegExp(`<h2 class="event-title"><bdi>Meetup ${rlo}gnitsoh</bdi><span class="badge badge-danger">Cancelled</span></h2>`));
    expect(html).toContain(`<bdi>Bring ${rlo}ecnarusni your laptop</bdi>`);
    // Inside translated sentences: first-strong isolates (U+2068 … U+2069) around each platform-given part.
    expect(html).toContain(`Organised by \u2068Anna ${rlo}iinaB\u2069`);
    expect(html).toContain(`Where: \u2068Sala ${rlo}anoV\u2069, \u2068Milano\u2069, Italy`);
  });

  it('a platform URL is never a raw href: javascript: shows as text, https goes through the checked external link', async () => {
    const unsafe = await render([event]);
    expect(unsafe).not.toContain('href="javascript:');
    expect(unsafe).toContain('javascript:alert(1)');
    const safe = await render([{ ...event, onlineUrl: `https://meet.example/${rlo}room` }]);
    // The URL parser's form: the control percent-encoded in both the link and the text shown.
    expect(safe).toContain('href="https://meet.example/%E2%80%AEroom"');
    expect(safe).toContain('rel="noopener noreferrer nofollow"');
    expect(safe).toContain('<bdi>https://meet.example/%E2%80%AEroom</bdi>');
  });

  it('a message body with an override is one isolate, links inside it included', () => {
    const html = renderToStaticMarkup(createElement(LinkedText, { text: `${rlo}olleh see https://example.com/x` }));
    expect(html.startsWith('<bdi>')).toBe(true);
    expect(html.endsWith('</bdi>')).toBe(true);
    expect(html).toContain('href="https://example.com/x"');
  });
});
