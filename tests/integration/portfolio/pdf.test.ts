import { describe, expect, it } from 'vitest';
import { renderPortfolioPdf } from '../../../electron/core/portfolio/portfolio-pdf';
import { storeImage } from '../../../electron/core/portfolio/image-store';
import type { PortfolioPreview } from '../../../shared/contract/portfolio';
import { pngFile } from '../../e2e/pages/portfolio-page';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

const preview = (locale: string, imageHashes: string[]): PortfolioPreview => ({
  locale,
  profile: { name: 'Giulia Rossi', headline: 'Designerin in Turin', bio: 'Marken für Werkstätten: Ä Ö Ü ß', shownLocale: locale, reason: 'exact' },
  items: [
    {
      id: 'pfi_1',
      title: 'Logo für eine Bäckerei',
      role: 'Designerin',
      description: '<script>alert(1)</script> bleibt Text',
      goal: 'Mehr Kundschaft',
      solution: 'Ein klares Zeichen',
      shownLocale: locale,
      reason: 'exact',
      skills: ['branding'],
      links: ['https://example.com/baeckerei'],
      imageHashes,
      completedOn: '2026-03-01',
    },
  ],
});

describe('portfolio PDF', () => {
  it('renders the preview of a language as a tagged A4 document with its image, in that language', async () => {
    const dir = makeTempDir();
    const image = storeImage(dir, pngFile('logo.png', 2).buffer);
    const pdf = await renderPortfolioPdf(preview('de', [image.hash]), dir, { compress: false });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('/Lang (de)');
    expect(text).toContain('/Subtype /Image');
    expect(text).toContain('DejaVuSans');
    expect(text).toContain('(https://example.com/baeckerei)');
  });

  it('leaves out an image it cannot draw instead of failing', async () => {
    const dir = makeTempDir();
    const broken = Buffer.alloc(64, 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(broken);
    const image = storeImage(dir, broken);
    const pdf = await renderPortfolioPdf(preview('it', [image.hash]), dir, { compress: false });
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
  });
});
