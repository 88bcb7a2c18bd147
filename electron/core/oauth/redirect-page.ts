/**
 * The page the browser shows once it has brought the sign-in back to Bottega: a few translated words, in the
 * language the app speaks, with nothing loaded from anywhere (no script, image, font or stylesheet).
 */
import de from '../../../shared/locales/de/sync.json';
import en from '../../../shared/locales/en/sync.json';
import es from '../../../shared/locales/es/sync.json';
import fr from '../../../shared/locales/fr/sync.json';
import it from '../../../shared/locales/it/sync.json';
import type { Locale } from '../../../shared/i18n/locales';
import type { RedirectPage } from './loopback-redirect';

const pages = { en, it, de, fr, es } satisfies Record<Locale, typeof en>;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export const redirectPageIn =
  (locale: Locale): RedirectPage =>
  (outcome) => {
    const words = pages[locale].accounts.browser.page;
    const title = outcome === 'received' ? words.received : words.failed;
    const hint = outcome === 'received' ? words.receivedHint : words.failedHint;
    return [
      '<!doctype html>',
      `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
      '<meta name="color-scheme" content="light dark">',
      `<title>${escapeHtml(words.title)}</title>`,
      '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1.5rem}h1{font-size:1.4rem}</style>',
      `</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(hint)}</p></body></html>`,
    ].join('');
  };
