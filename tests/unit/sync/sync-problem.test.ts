import { describe, expect, it } from 'vitest';
import { createPlatformClient, type RefreshOutcome } from '../../../electron/core/sync/platform-client';
import { problemOf } from '../../../electron/core/sync/sync-problem';
import {
  decodeSyncProblem,
  encodeSyncProblem,
  maxPlatformMessageLength,
  syncProblemSchema,
  toPlatformMessage,
  type SyncProblem,
} from '../../../shared/contract/sync-problem';
import { createInstance, type i18n } from 'i18next';
import { locales, type Locale } from '../../../shared/i18n/locales';
import { quarantineProblemOf, parseChange, type ChangeEnvelope } from '../../../shared/platform/changes';
import deSync from '../../../shared/locales/de/sync.json';
import enSync from '../../../shared/locales/en/sync.json';
import esSync from '../../../shared/locales/es/sync.json';
import frSync from '../../../shared/locales/fr/sync.json';
import itSync from '../../../shared/locales/it/sync.json';
import { quarantineProblemText, syncProblemText } from '../../../renderer/src/features/sync/sync-problem-text';

/** The renderer's i18next setup over the sync namespace only, without Vite's import.meta.glob. */
const setupI18n = async (locale: Locale): Promise<i18n> => {
  const instance = createInstance();
  await instance.init({
    resources: { en: { sync: enSync }, it: { sync: itSync }, de: { sync: deSync }, fr: { sync: frSync }, es: { sync: esSync } },
    lng: locale,
    fallbackLng: 'en',
    ns: ['sync'],
    interpolation: { escapeValue: false },
  });
  return instance;
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** What the user is told when the platform answers `respond`. */
const problemFor = async (respond: () => Response | Promise<Response>, refresh: RefreshOutcome = { kind: 'refused' }): Promise<SyncProblem> => {
  const client = createPlatformClient({
    baseUrl: 'https://platform.test/',
    tokens: { getAccessToken: async () => 'at', refresh: async () => refresh },
    fetch: async () => respond(),
    random: () => 0,
  });
  const result = await client.send({ method: 'POST', path: '/v1/threads/thr_1/messages', body: { id: 'msg_1', body: 'Ciao' } });
  if (result.kind === 'ok' || result.kind === 'conflict') throw new Error(`not a failure: ${result.kind}`);
  return problemOf(result);
};

describe('the reasons the core gives the user', () => {
  it('are codes with parameters, never English text', async () => {
    expect(await problemFor(() => Promise.reject(new TypeError('fetch failed: getaddrinfo ENOTFOUND platform.test')))).toEqual({ code: 'network' });
    expect(await problemFor(() => new Response('', { status: 503 }))).toEqual({ code: 'unavailable', status: 503 });
    expect(await problemFor(() => new Response('', { status: 502 }))).toEqual({ code: 'unavailable', status: 502 });
    expect(await problemFor(() => new Response('<html>captive portal</html>', { status: 200, headers: { 'content-type': 'text/html' } }))).toEqual({
      code: 'bad_answer',
    });
    expect(await problemFor(() => new Response('', { status: 401 }))).toEqual({ code: 'session_expired' });
    const refreshDown: RefreshOutcome = { kind: 'unavailable', delayMs: null, reason: 'HTTP 503' };
    expect(await problemFor(() => new Response('', { status: 401 }), refreshDown)).toEqual({ code: 'refresh_unavailable' });
    expect(await problemFor(() => json(410, { error: 'gone', message: 'cursor expired' }))).toEqual({ code: 'cursor_lost' });
    expect(await problemFor(() => json(422, { error: 'invalid_state', message: 'the topic is locked' }))).toEqual({
      code: 'refused',
      status: 422,
      message: 'the topic is locked',
    });
    expect(await problemFor(() => new Response('nope', { status: 403 }))).toEqual({ code: 'refused', status: 403, message: null });
  });

  it('keep the platform’s own words on one line, cut short', async () => {
    const said = `line one\r\nline two\u0007 ${'x'.repeat(2 * maxPlatformMessageLength)}`;
    const problem = await problemFor(() => json(422, { error: 'validation_failed', message: said }));
    expect(problem).toMatchObject({ code: 'refused', status: 422 });
    const message = problem.code === 'refused' ? problem.message : null;
    expect(message).toMatch(/^line one line two x+…$/);
    expect(message).toHaveLength(maxPlatformMessageLength);
    expect(toPlatformMessage('  \n ')).toBeNull();
  });

  it('are stored as JSON and read back; an older row’s English text reads as unexpected', () => {
    const problem: SyncProblem = { code: 'refused', status: 422, message: 'the topic is locked' };
    expect(decodeSyncProblem(encodeSyncProblem(problem))).toEqual(problem);
    expect(decodeSyncProblem('HTTP 503')).toEqual({ code: 'unexpected' });
    expect(decodeSyncProblem('{"code":"nonsense"}')).toEqual({ code: 'unexpected' });
    expect(decodeSyncProblem(null)).toBeNull();
  });
});

const samples: SyncProblem[] = [
  { code: 'network' },
  { code: 'timeout', seconds: 60 },
  { code: 'unavailable', status: 503 },
  { code: 'bad_answer' },
  { code: 'too_large' },
  { code: 'refused', status: 422, message: null },
  { code: 'refused', status: 422, message: 'the topic is locked' },
  { code: 'refresh_unavailable' },
  { code: 'session_expired' },
  { code: 'cursor_lost' },
  { code: 'unsendable' },
  { code: 'unexpected' },
];

describe('the renderer’s words for them', () => {
  it('cover every code in every language, each its own translation', async () => {
    const codes = new Set(syncProblemSchema.options.map((option) => option.shape.code.value));
    expect(new Set(samples.map((problem) => problem.code))).toEqual(codes);
    const english = await setupI18n('en');
    for (const locale of locales) {
      const i18n = await setupI18n(locale);
      const t = i18n.getFixedT(locale, 'sync');
      for (const problem of samples) {
        const text = syncProblemText(t, problem);
        expect(text, `${locale} ${problem.code}`).not.toMatch(/problem\./);
        expect(i18n.exists(`sync:problem.${problem.code}`, { lng: locale, fallbackLng: false }), `${locale} ${problem.code}`).toBe(true);
        if (locale !== 'en') expect(text, `${locale} ${problem.code}`).not.toBe(syncProblemText(english.getFixedT('en', 'sync'), problem));
      }
    }
  });

  it('quote the platform’s words isolated, so bidi controls in them cannot reorder the sentence', async () => {
    const i18n = await setupI18n('it');
    const text = syncProblemText(i18n.getFixedT('it', 'sync'), { code: 'refused', status: 422, message: 'evil \u202Etxt.exe' });
    expect(text).toBe('la piattaforma lo ha rifiutato (HTTP 422): «\u2068evil \u202Etxt.exe\u2069»');
  });
});

describe('records set aside', () => {
  const envelope = (patch: Partial<ChangeEnvelope>): ChangeEnvelope =>
    ({ type: 'client', op: 'upsert', id: 'cli_1', version: 1, data: { id: 'cli_1', version: 1 }, ...patch }) as ChangeEnvelope;
  const problemOfEnvelope = (patch: Partial<ChangeEnvelope>) => {
    const parsed = parseChange(envelope(patch));
    if (parsed.ok) throw new Error('valid');
    return quarantineProblemOf(parsed.reason);
  };

  it('say why in codes, with the fields at fault', () => {
    expect(problemOfEnvelope({ type: 'invoice\u202E' })).toEqual({ code: 'unknown_type', type: 'invoice\u202E' });
    const invalid = problemOfEnvelope({});
    expect(invalid.code).toBe('invalid');
    expect(invalid.code === 'invalid' && invalid.fields.length).toBeGreaterThan(0);
    expect(invalid.code === 'invalid' && invalid.fields.every((field) => field.startsWith('data.'))).toBe(true);
    expect(quarantineProblemOf('something an older Bottega wrote')).toEqual({ code: 'invalid', fields: [] });
  });

  it('are told in the user’s language, the platform’s names isolated', async () => {
    const t = (await setupI18n('de')).getFixedT('de', 'sync');
    expect(quarantineProblemText(t, { code: 'invalid', fields: ['data.name', 'data.country'] })).toBe(
      'Felder nicht wie von Bottega erwartet: \u2068data.name\u2069, \u2068data.country\u2069',
    );
    expect(quarantineProblemText(t, { code: 'unknown_type', type: 'invoice' })).toContain('\u2068invoice\u2069');
    expect(quarantineProblemText(t, { code: 'invalid', fields: [] })).toBe('nicht in der Form, die Bottega erwartet');
  });
});
