import { describe, expect, it } from 'vitest';
import { isolateBidi, showBidiControls, toSafeFileName } from '../../../shared/domain/bidi';

describe('file names made from untrusted titles', () => {
  it('shows bidi controls instead of obeying them: a name cannot pose as another extension', () => {
    expect(toSafeFileName('invoice\u202Efdp.exe')).toBe('invoice[U+202E]fdp.exe');
    expect(toSafeFileName('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i.ics')).toBe(
      'a[U+202A]b[U+202B]c[U+202C]d[U+202D]e[U+2066]f[U+2067]g[U+2068]h[U+2069]i.ics',
    );
    expect(toSafeFileName('rtl\u200F\u200E\u061C.pdf')).toBe('rtl[U+200F][U+200E][U+061C].pdf');
  });

  it('replaces line breaks, control characters, separators and shell characters', () => {
    expect(toSafeFileName('Meetup\r\nX-Injected: yes.ics')).toBe('Meetup__X-Injected_ yes.ics');
    expect(toSafeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(toSafeFileName('a\\b:c*d?e"f<g>h|i\u0000j\u0085k.json')).toBe('a_b_c_d_e_f_g_h_i_j_k.json');
    expect(toSafeFileName('tab\there.pdf')).toBe('tab_here.pdf');
  });

  it('keeps ordinary names in any script as they are', () => {
    expect(toSafeFileName('Incontro a Milano — caffè.ics')).toBe('Incontro a Milano — caffè.ics');
    expect(toSafeFileName('Треба перекласти сайт.pdf')).toBe('Треба перекласти сайт.pdf');
    expect(toSafeFileName('عرض السعر.pdf')).toBe('عرض السعر.pdf');
  });

  it('never hides the file or leaves nothing: leading dots go, reserved names and empty names are made usable', () => {
    expect(toSafeFileName('.bashrc')).toBe('bashrc');
    expect(toSafeFileName('  report.  ')).toBe('report');
    expect(toSafeFileName('CON.ics')).toBe('_CON.ics');
    expect(toSafeFileName('...')).toBe('download');
    expect(toSafeFileName('\u202E', 'event.ics')).toBe('[U+202E]');
    expect(toSafeFileName('', 'event.ics')).toBe('event.ics');
  });

  it('cuts long names to 120 characters keeping the extension', () => {
    const long = toSafeFileName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('isolates a value inside a sentence and writes controls out for display', () => {
    expect(isolateBidi('\u202Eabc')).toBe('\u2068\u202Eabc\u2069');
    expect(showBidiControls('ok\u202Eko')).toBe('ok[U+202E]ko');
  });
});
