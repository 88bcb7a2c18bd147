import type { PortfolioPreview } from '../../../shared/contract/portfolio';
import de from '../../../shared/locales/de/portfolio.json';
import en from '../../../shared/locales/en/portfolio.json';
import es from '../../../shared/locales/es/portfolio.json';
import fr from '../../../shared/locales/fr/portfolio.json';
import it from '../../../shared/locales/it/portfolio.json';
import enSkills from '../../../shared/locales/en/skills.json';
import itSkills from '../../../shared/locales/it/skills.json';
import deSkills from '../../../shared/locales/de/skills.json';
import frSkills from '../../../shared/locales/fr/skills.json';
import esSkills from '../../../shared/locales/es/skills.json';
import { findSkillKey } from '../../../shared/domain/skills';
import { labelsIn, renderPdf } from '../pdf/pdf-document';
import { readImage } from './image-store';

const labelsByLanguage = { en, it, de, fr, es };
const skillNamesByLanguage = { en: enSkills, it: itSkills, de: deSkills, fr: frSkills, es: esSkills };

/** The images pdfkit can draw; others (GIF, WebP) stay out of the PDF. */
const drawable = (bytes: Buffer): boolean =>
  (bytes[0] === 0x89 && bytes[1] === 0x50) || (bytes[0] === 0xff && bytes[1] === 0xd8);

/**
 * The portfolio as a client reading `preview.locale` sees it (public items, the fallback rules applied),
 * as an A4 PDF.
 */
export const renderPortfolioPdf = (preview: PortfolioPreview, imagesDir: string, options: { compress?: boolean } = {}): Promise<Buffer> => {
  const labels = labelsIn(labelsByLanguage, preview.locale, en);
  // Skills by name in the client's language, as the app shows them (a slug means nothing to a client).
  const skillNames = labelsIn(skillNamesByLanguage, preview.locale, enSkills);
  const nameSkill = (skill: string): string => {
    const key = findSkillKey(skill);
    return key ? skillNames[key] : skill;
  };
  const name = preview.profile?.name ?? '';
  return renderPdf({ lang: preview.locale, title: name ? `${name} · ${labels.title}` : labels.title, ...options }, (doc) => {
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
      if (item.skills.length > 0) doc.moveDown(0.4).font('body').fontSize(9.5).fillColor('#555').text(item.skills.map(nameSkill).join(', '));
      for (const link of item.links) doc.font('body').fontSize(9.5).fillColor('#1d3f8a').text(link, { link });
    }
  });
};
