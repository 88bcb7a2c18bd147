import { describe, expect, it } from 'vitest';
import { createShellTranslator } from '../../../electron/main/native/shell-i18n';
import { fatalDialog, type FatalProblem } from '../../../electron/main/policy/fatal-dialog';
import { locales } from '../../../shared/i18n/locales';

const problems: FatalProblem[] = [
  { code: 'too_new', found: 14, supported: 12 },
  { code: 'unexpected' },
  { code: 'crash_loop', crashes: 5, seconds: 60 },
  { code: 'start_failed' },
];

describe('the fatal dialogs', () => {
  it('speak every language, each its own translation, with the numbers in it', () => {
    const english = createShellTranslator('en');
    for (const locale of locales) {
      const t = createShellTranslator(locale);
      for (const problem of problems) {
        const dialog = fatalDialog(t, problem);
        expect(dialog.title, `${locale} ${problem.code}`).not.toMatch(/^fatal\./);
        expect(dialog.content, `${locale} ${problem.code}`).not.toMatch(/^fatal\.|{{/);
        if (locale !== 'en') expect(dialog.content, `${locale} ${problem.code}`).not.toBe(fatalDialog(english, problem).content);
      }
      expect(fatalDialog(t, problems[0]!).content).toMatch(/14[^0-9].*12/);
      expect(fatalDialog(t, problems[2]!).content).toMatch(/5[^0-9].*60/);
    }
  });

  it('say what happened in German', () => {
    expect(fatalDialog(createShellTranslator('de'), { code: 'too_new', found: 14, supported: 12 })).toEqual({
      title: 'Bottega kann Ihren Arbeitsbereich nicht öffnen',
      content:
        'Dieser Arbeitsbereich wurde von einer neueren Version von Bottega gespeichert (Schema 14; diese Version kennt bis 12). Aktualisieren Sie Bottega, um ihn zu öffnen: Die Datei bleibt unverändert.',
    });
  });
});
