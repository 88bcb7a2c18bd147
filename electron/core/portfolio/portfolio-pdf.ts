import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PortfolioPreview } from '../../../shared/contract/portfolio';
import de from '../../../shared/locales/de/portfolio.json';
import en from '../../../shared/locales/en/portfolio.json';
import es from '../../../shared/locales/es/portfolio.json';
import fr from '../../../shared/locales/fr/portfolio.json';
import it from '../../../shared/locales/it/portfolio.json';
import { readImage } from './image-store';

// Labels in the reader's language: the same strings the screen uses. Languages the UI lacks get English.
const labelsByLocale: Record<string, typeof en> = { en, it, de, fr, es };

const require = createRequire(import.meta.url);
/** DejaVu covers every letter of the five UI languages (the built-in PDF fonts do not). */
const fontFiles = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** The images pdfkit can draw; others (GIF, WebP) stay out of the PDF. */
const drawable = (bytes: Buffer): boolean =>
  (bytes[0] === 0x89 && bytes[1] === 0x50) || (bytes[0] === 0xff && bytes[1] === 0xd8);

/**
 * The portfolio as a client reading `preview.locale` sees it (public items, the fallback rules applied),
 * as an A4 PDF. Text goes in as text, never as markup: nothing in it is interpreted.
 */
export const renderPortfolioPdf = (preview: PortfolioPreview, imagesDir: string, options: { compress?: boolean } = {}): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const labels = labelsByLocale[preview.locale.split('-')[0] ?? ''] ?? en;
    const name = preview.profile?.name ?? '';
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      lang: preview.locale,
      compress: options.compress ?? true,
      info: { Title: name ? `${name} · ${labels.title}` : labels.title },
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', fontFiles.regular);
    doc.registerFont('bold', fontFiles.bold);

    doc.font('bold').fontSize(22).text(name || labels.title);
    if (preview.profile?.headline) doc.font('body').fontSize(13).fillColor('#444').text(preview.profile.headline);
    if (preview.profile?.bio) doc.moveDown(0.5).font('body').fontSize(10.5).fillColor('#000').text(preview.profile.bio);

    for (const item of preview.items) {
      doc.moveDown(1.2).font('bold').fontSize(15).fillColor('#000').text(item.title || labels.untitled);
      const facts = [item.role, item.completedOn].filter(Boolean).join(' · ');
      if (facts) doc.font('body').fontSize(10).fillColor('#555').text(facts);
      const image = item.imageHashes.map((hash) => readImage(imagesDir, hash)).find((bytes): bytes is Buffer => bytes !== null && drawable(bytes));
      if (image) {
        try {
          doc.moveDown(0.4).image(image, { fit: [240, 160] });
        } catch {
          // An image pdfkit cannot decode is left out rather than failing the whole export.
        }
      }
      doc.fillColor('#000');
      for (const field of ['description', 'goal', 'solution'] as const) {
        if (!item[field]) continue;
        if (field !== 'description') doc.moveDown(0.4).font('bold').fontSize(10.5).text(labels.fields[field]);
        doc.font('body').fontSize(10.5).text(item[field]);
      }
      if (item.skills.length > 0) doc.moveDown(0.4).font('body').fontSize(9.5).fillColor('#555').text(item.skills.join(', '));
      for (const link of item.links) doc.font('body').fontSize(9.5).fillColor('#1d3f8a').text(link, { link });
    }
    doc.end();
  });
