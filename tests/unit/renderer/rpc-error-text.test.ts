import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { rpcErrorText } from '../../../renderer/src/components/rpc-error-text';
import { locales, type Locale } from '../../../shared/i18n/locales';
import deCommon from '../../../shared/locales/de/common.json';
import enCommon from '../../../shared/locales/en/common.json';
import esCommon from '../../../shared/locales/es/common.json';
import frCommon from '../../../shared/locales/fr/common.json';
import itCommon from '../../../shared/locales/it/common.json';
import { RpcError, rpcErrorCodes } from '../../../shared/rpc/errors';

const translator = async (locale: Locale) => {
  const instance = createInstance();
  await instance.init({
    resources: { en: { common: enCommon }, it: { common: itCommon }, de: { common: deCommon }, fr: { common: frCommon }, es: { common: esCommon } },
    lng: locale,
    fallbackLng: 'en',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(locale, 'common');
};

describe('a failed call, as the user reads it', () => {
  it('is its code in their language, never the core’s English message', async () => {
    const english = await translator('en');
    for (const locale of locales) {
      const t = await translator(locale);
      for (const code of rpcErrorCodes) {
        const text = rpcErrorText(t, new RpcError({ code, message: 'Topic top_1 is locked (SQLITE_CONSTRAINT)' }));
        expect(text, `${locale} ${code}`).not.toMatch(/^rpcError\.|SQLITE|top_1/);
        if (locale !== 'en') expect(text, `${locale} ${code}`).not.toBe(rpcErrorText(english, new RpcError({ code, message: '' })));
      }
    }
    // Anything else thrown (a bug in the renderer) reads as unexpected.
    expect(rpcErrorText(english, new TypeError('x is undefined'))).toBe('Something unexpected went wrong; the log has the details.');
  });
});
