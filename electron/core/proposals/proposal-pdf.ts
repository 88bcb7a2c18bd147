import { formatMoney } from '../../../shared/i18n/format';
import de from '../../../shared/locales/de/proposals.json';
import en from '../../../shared/locales/en/proposals.json';
import es from '../../../shared/locales/es/proposals.json';
import fr from '../../../shared/locales/fr/proposals.json';
import it from '../../../shared/locales/it/proposals.json';
import { labelsIn, renderPdf } from '../pdf/pdf-document';

const labelsByLanguage = { en, it, de, fr, es };

export type ProposalPdfInput = {
  locale: string;
  projectTitle: string;
  clientName: string | null;
  /** The letter as the client reads it: merge fields already filled, plain text, paragraphs split by blank lines. */
  letter: string;
  kind: 'fixed' | 'hourly';
  amountMinor: number | null;
  currency: string;
  periodDays: number | null;
  milestones: readonly { title: string; amountMinor: number; dueInDays: number | null }[];
  /** Answers to the project's questions, and the linked portfolio items titled for this language. */
  answers?: readonly { question: string; text: string }[];
  portfolioItems?: readonly { title: string }[];
};

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/{{\s*(\w+)\s*}}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** One variant as an A4 PDF in its language. */
export const renderProposalPdf = (input: ProposalPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> =>
  renderPdf({ lang: input.locale, title: input.projectTitle, ...options }, (doc) => {
    const labels = labelsIn(labelsByLanguage, input.locale, en);
    const money = (minor: number): string => formatMoney(minor, input.currency, input.locale);
    const section = (title: string) => doc.moveDown(1).font('bold').fontSize(13).text(title);

    doc.font('bold').fontSize(18).text(input.projectTitle);
    if (input.clientName) doc.font('body').fontSize(11).fillColor('#555').text(input.clientName);
    doc.moveDown(1).fillColor('#000');
    for (const paragraph of input.letter.split(/\n{2,}/)) {
      if (paragraph.trim() === '') continue;
      doc.font('body').fontSize(11).text(paragraph.trim(), { paragraphGap: 6 });
    }

    section(labels.terms.title);
    doc.font('body').fontSize(11);
    if (input.amountMinor !== null) {
      const label = input.kind === 'fixed' ? labels.terms.amount : labels.terms.rate;
      doc.text(`${fill(label, { currency: input.currency })}: ${money(input.amountMinor)}`);
    }
    if (input.periodDays !== null) doc.text(`${labels.terms.period}: ${input.periodDays}`);
    if (input.milestones.length > 0) {
      doc.moveDown(0.6).font('bold').fontSize(12).text(labels.milestones.title);
      doc.font('body').fontSize(11);
      input.milestones.forEach((milestone, index) => {
        const due = milestone.dueInDays !== null ? ` · ${labels.milestones.due} ${milestone.dueInDays}` : '';
        doc.text(`${index + 1}. ${milestone.title}: ${money(milestone.amountMinor)}${due}`);
      });
    }
    if (input.answers && input.answers.length > 0) {
      section(labels.preview.answers);
      for (const answer of input.answers) {
        doc.moveDown(0.4).font('bold').fontSize(11).text(answer.question);
        doc.font('body').fontSize(11).text(answer.text);
      }
    }
    if (input.portfolioItems && input.portfolioItems.length > 0) {
      section(labels.preview.portfolio);
      doc.font('body').fontSize(11);
      for (const item of input.portfolioItems) doc.text(`• ${item.title}`);
    }
  });
