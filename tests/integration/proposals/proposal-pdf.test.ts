import { describe, expect, it } from 'vitest';
import { renderProposalPdf } from '../../../electron/core/proposals/proposal-pdf';

const letter = 'Sehr geehrte Frau Weiß,\n\ngerne übernehme ich Ihr Projekt. Grüße aus München – Größe, Äpfel, Öl.';

/** The Unicode code points the PDF's ToUnicode maps declare: what a text extractor would read back. */
const mappedCodePoints = (pdf: Buffer): Set<number> => {
  const text = pdf.toString('latin1');
  const points = new Set<number>();
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      for (const target of entry[3]!.matchAll(/<([0-9a-f]+)>/gi)) points.add(Number.parseInt(target[1]!, 16));
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1]!.matchAll(/<[0-9a-f]+>\s*<([0-9a-f]+)>/gi)) points.add(Number.parseInt(entry[1]!, 16));
  }
  return points;
};

describe('proposal PDF', () => {
  it('renders a German letter as a tagged A4 document whose font maps back to its umlauts and ß', async () => {
    const pdf = await renderProposalPdf(
      {
        locale: 'de',
        projectTitle: 'Übersetzung für Straßenbau',
        clientName: 'Jürgen Weiß',
        letter,
        kind: 'fixed',
        amountMinor: 150_000,
        currency: 'EUR',
        periodDays: 14,
        milestones: [{ title: 'Entwurf', amountMinor: 150_000, dueInDays: 7 }],
      },
      { compress: false },
    );
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('/Lang (de)');
    expect(text).toContain('DejaVuSans');
    const points = mappedCodePoints(pdf);
    for (const letter of ['ü', 'ß', 'Ä', 'Ö', 'ö', '–']) expect(points.has(letter.codePointAt(0)!), letter).toBe(true);
  });
});
