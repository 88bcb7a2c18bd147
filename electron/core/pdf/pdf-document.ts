import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
/** DejaVu covers every letter of the five UI languages (the built-in PDF fonts do not). */
const fontFiles = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** The labels of the document's language: the same strings the screen uses. Languages the UI lacks get English. */
export const labelsIn = <Labels>(byLanguage: Record<string, Labels>, locale: string, english: Labels): Labels =>
  byLanguage[locale.split('-')[0] ?? ''] ?? english;

/**
 * An A4 PDF tagged with its language and titled, with the fonts 'body' and 'bold' registered; `draw` lays out
 * the pages. Text goes in as text, never as markup: nothing in it is interpreted.
 */
export const renderPdf = (
  document: { lang: string; title: string; compress?: boolean },
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      // Without it pdfkit opens Helvetica's metrics from its own package folder, which the bundle the app
      // runs (out/main/core.js) does not have: every export failed there while the tests of the sources passed.
      font: fontFiles.regular,
      size: 'A4',
      margin: 56,
      lang: document.lang,
      compress: document.compress ?? true,
      info: { Title: document.title },
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', fontFiles.regular);
    doc.registerFont('bold', fontFiles.bold);
    draw(doc);
    doc.end();
  });
