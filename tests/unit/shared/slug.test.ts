import { describe, expect, it } from 'vitest';
import { proposalPdfFileName, slugOf } from '../../../shared/domain/slug';

describe('a proposal PDF is named after its project', () => {
  it('folds accents, lowers case and joins words with one hyphen', () => {
    expect(proposalPdfFileName('Übersetzung der Website: Größe & Preise', 'prp_1538a4a2', 'de')).toBe('proposal-ubersetzung-der-website-grosse-preise-de.pdf');
    expect(proposalPdfFileName('Traduzione sito e‑commerce (IT→EN)', 'prp_1', 'it')).toBe('proposal-traduzione-sito-e-commerce-it-en-it.pdf');
    expect(slugOf('Café crème — Œuvre')).toBe('cafe-creme-oeuvre');
  });

  it('keeps letters of other scripts and never keeps separators, dots or bidi controls', () => {
    expect(slugOf('Треба перекласти сайт')).toBe('треба-перекласти-сайт');
    expect(slugOf('../../etc/passwd')).toBe('etc-passwd');
    expect(slugOf('invoice\u202Efdp.exe')).toBe('invoice-fdp-exe');
  });

  it('cuts a long title at a word end, and falls back to the id only when nothing readable is left', () => {
    const long = slugOf('Website relaunch for a family bakery with online ordering, delivery slots and a loyalty card programme');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe('website-relaunch-for-a-family-bakery-with-online-ordering');
    expect(proposalPdfFileName('★ ★ ★', 'prp_1538a4a2', 'fr')).toBe('proposal-prp-1538a4a2-fr.pdf');
    expect(proposalPdfFileName(null, 'prp_9', 'es')).toBe('proposal-prp-9-es.pdf');
  });
});
